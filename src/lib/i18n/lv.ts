/** Latvian UI strings: the product's first language. Keys are shared with en.ts. */
export const lv = {
	'app.title': 'IB rezultāti',
	'app.subtitle': 'Individuālā budžeta modeļa novērtējums',
	'app.skip': 'Pāriet uz saturu',
	'nav.overview': 'Pārskats',
	'nav.label': 'Galvenā navigācija',
	'lang.switch': 'English',
	'lang.switchLabel': 'Switch to English',
	'synthetic.label': 'Sintētiski dati, kalibrēti pēc publicētajiem pilotprojektu rezultātiem',
	'synthetic.detail':
		'Dalībnieku līmeņa dati ir ģenerēti; tie atveido katru publicēto skaitli, bet neapraksta reālas personas.',
	'loading.engine': 'Ielādē datubāzes dzinēju…',
	'loading.engineBytes': 'Ielādē datubāzes dzinēju: {loaded} no {total}',
	'loading.data': 'Ielādē datus: {table} ({done} no {total} tabulām)',
	'loading.error': 'Datus neizdevās ielādēt',
	'loading.retry': 'Mēģināt vēlreiz',
	'loading.done': 'Dati ielādēti {ms}',
	'cohort.child': 'Bērni ar FT un viņu ģimenes',
	'cohort.adult': 'Pieaugušie ar GRT',
	'cohort.child.short': 'Bērni',
	'cohort.adult.short': 'Pieaugušie',
	'overview.heading': 'Pilotprojektu pārskats',
	'overview.intro':
		'Individuālā budžeta modelis piešķir personai ar invaliditāti budžetu sabiedrībā balstītiem sociālajiem pakalpojumiem. Zemāk ir abu pilotprojektu galvenie rādītāji, aprēķināti pārlūkā no dalībnieku līmeņa datiem.',
	'overview.participants': 'Dalībnieki',
	'overview.municipalities': 'Pašvaldības',
	'overview.served': 'Saņēma apmaksātus pakalpojumus',
	'overview.period': 'Pilotprojekta periods',
	'overview.servicePeriod': 'Pakalpojumu periods',
	'overview.serviceMonths': '{n} mēneši',
	'overview.cost': 'Pakalpojumu izmaksas',
	'overview.costWithOverheads': 'Kopā ar vajadzību izvērtēšanu un pašvaldību izmaksām',
	'overview.municipalityList': 'Pašvaldības',
	'overview.tableCaption': 'Pilotprojektu galvenie rādītāji',
	'overview.indicator': 'Rādītājs',
	'common.download': 'Lejupielādēt',
	'common.downloadCsv': 'Lejupielādēt CSV',
	'footer.privacy': 'Dati tiek apstrādāti tikai jūsu pārlūkā; nekas netiek nosūtīts.',
	'footer.engine': 'Dzinējs: DuckDB-WASM {version}'
} as const;

export type MessageKey = keyof typeof lv;
