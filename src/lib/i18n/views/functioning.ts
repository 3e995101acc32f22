/** UI strings of the functioning view (lv first, en second). */
export const lv = {
	'functioning.heading': 'Funkcionēšanas izmaiņas (SFK) bērniem',
	'functioning.intro':
		'Bērna funkcionēšanu pilotprojekta sākumā un beigās novērtēja speciālistu komanda pēc Starptautiskās funkcionēšanas klasifikācijas (SFK-BJ) aktivitāšu un dalības jomām d1–d9. Vispārīgais kvalifikators: 0 – nav grūtību, 1 – vieglas, 2 – mērenas, 3 – smagas, 4 – pilnīgas grūtības; jo mazāks, jo labāk. Kodi 8 (nav precizēts) un 9 (nav piemērojams) redzami sadalījumā, bet izmaiņu aprēķinā netiek iekļauti.',
	'functioning.positiveHeadline': '{positive} bērniem ({share}) no {n} novērtētajiem bija pozitīvas funkcionēšanas izmaiņas.',
	'functioning.positiveDefinition':
		'Pozitīvas izmaiņas: kvalifikators samazinājās (uzlabojās) vismaz vienā jomā un nevienā jomā nepalielinājās (nepasliktinājās); skaitītas tikai jomas, kas abās reizēs novērtētas ar 0–4.',
	'functioning.domainsNetImproved':
		'Aktivitāšu un dalības ierobežojumi samazinājās {k} no {m} jomām (jomā vairāk bērnu uzlabojās nekā pasliktinājās).',
	'functioning.childrenCaption': 'Bērni pēc funkcionēšanas izmaiņām visās jomās kopā',
	'functioning.childGroup': 'Izmaiņas',
	'functioning.children': 'Bērni',
	'functioning.share': '% no novērtētajiem',
	'functioning.group.positive': 'Uzlabojās vismaz vienā jomā, nevienā nepasliktinājās',
	'functioning.group.mixed': 'Uzlabojās kādā jomā, citā pasliktinājās',
	'functioning.group.onlyWorse': 'Tikai pasliktinājās',
	'functioning.group.noChange': 'Bez izmaiņām',
	'functioning.group.assessed': 'Novērtēti kopā',
	'functioning.distributionHeading': 'Kvalifikatoru sadalījums sākumā un beigās',
	'functioning.chartLabel': 'SFK kvalifikatoru sadalījums pa jomām sākumā un beigās (% no bērniem, kam joma novērtēta abās reizēs)',
	'functioning.shareOfChildren': 'Daļa no bērniem',
	'functioning.q.0': '0 – nav grūtību',
	'functioning.q.1': '1 – vieglas',
	'functioning.q.2': '2 – mērenas',
	'functioning.q.3': '3 – smagas',
	'functioning.q.4': '4 – pilnīgas',
	'functioning.q.8/9': '8/9 – nav precizēts / nepiemēro',
	'functioning.distributionCaption': 'SFK kvalifikatoru sadalījums pa jomām: bērnu skaits (% no novērtētajiem jomā)',
	'functioning.domain': 'Joma',
	'functioning.wave': 'Mērījums',
	'functioning.n': 'n',
	'functioning.changeHeading': 'Izmaiņas pa jomām un statistiskais tests',
	'functioning.pairedCaption': 'SFK izmaiņas pa jomām: vidējais kvalifikators (mazāks – labāk), uzlabojās / bez izmaiņām / pasliktinājās, Vilkoksona zīmju rangu tests',
	'functioning.adjust': 'p vērtību korekcija vairākām jomām',
	'functioning.method':
		'Tests: pāru Vilkoksona zīmju rangu tests katrā jomā (izmaiņas = beigās − sākumā; nulles izmaiņas izslēgtas; ja ir saistītie rangi, normālā aproksimācija ar nepārtrauktības korekciju, kā R 4.2.2). Deviņu jomu p vērtības koriģētas kopā. Efekta lielums – rangu biseriālā korelācija (negatīva = kvalifikators samazinājās, t. i., uzlabojums). Periodā tiek iekļauti bērni, kuru beigu novērtējums veikts izvēlētajā periodā.'
} as const;

export const en: Record<keyof typeof lv, string> = {
	'functioning.heading': 'Change in functioning (ICF) of children',
	'functioning.intro':
		"At the start and end of the pilot a team of professionals assessed each child's functioning with the International Classification of Functioning (ICF-CY), activity and participation chapters d1–d9. Generic qualifier: 0 no difficulty, 1 mild, 2 moderate, 3 severe, 4 complete difficulty; lower is better. Codes 8 (not specified) and 9 (not applicable) are shown in the distributions but left out of change.",
	'functioning.positiveHeadline': '{positive} children ({share}) of the {n} assessed showed positive change in functioning.',
	'functioning.positiveDefinition':
		'Positive change: the qualifier fell (improved) in at least one domain and rose (worsened) in none; only domains rated 0–4 at both assessments count.',
	'functioning.domainsNetImproved':
		'Activity and participation limitations decreased in {k} of {m} domains (more children improved than worsened in the domain).',
	'functioning.childrenCaption': 'Children by change in functioning across all domains',
	'functioning.childGroup': 'Change',
	'functioning.children': 'Children',
	'functioning.share': '% of assessed',
	'functioning.group.positive': 'Improved in at least one domain, worse in none',
	'functioning.group.mixed': 'Improved in one domain, worse in another',
	'functioning.group.onlyWorse': 'Only worse',
	'functioning.group.noChange': 'No change',
	'functioning.group.assessed': 'Assessed in total',
	'functioning.distributionHeading': 'Qualifier distribution at baseline and follow-up',
	'functioning.chartLabel': 'ICF qualifier distribution by domain at baseline and follow-up (% of children rated in the domain at both assessments)',
	'functioning.shareOfChildren': 'Share of children',
	'functioning.q.0': '0 no difficulty',
	'functioning.q.1': '1 mild',
	'functioning.q.2': '2 moderate',
	'functioning.q.3': '3 severe',
	'functioning.q.4': '4 complete',
	'functioning.q.8/9': '8/9 not specified / not applicable',
	'functioning.distributionCaption': 'ICF qualifier distribution by domain: number of children (% of those rated in the domain)',
	'functioning.domain': 'Domain',
	'functioning.wave': 'Assessment',
	'functioning.n': 'n',
	'functioning.changeHeading': 'Change by domain and statistical test',
	'functioning.pairedCaption': 'ICF change by domain: mean qualifier (lower is better), improved / unchanged / worse, Wilcoxon signed-rank test',
	'functioning.adjust': 'p-value adjustment across domains',
	'functioning.method':
		'Test: paired Wilcoxon signed-rank test per domain (change = follow-up − baseline; zero changes dropped; with tied ranks the normal approximation with continuity correction, as R 4.2.2). The nine domains\' p-values are adjusted together. Effect size: rank-biserial correlation (negative = qualifier fell, i.e. improvement). With a period selected, children whose follow-up assessment falls in the period are included.'
};
