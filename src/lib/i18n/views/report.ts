/** UI strings of the evaluation report (lv first, en second). */
export const lv = {
	'nav.report': 'Ziņojums',
	'report.heading': 'Pilotprojekta novērtējuma ziņojums',
	'report.intro':
		'Ziņojumu panelis sagatavo no datiem atlasītajai mērķa grupai, filtriem un datu kopai. Drukājiet to vai saglabājiet kā PDF (A4); visas tabulas var lejupielādēt kā vienu XLSX darbgrāmatu, katru attēlu – kā SVG vai PNG.',
	'report.print': 'Drukāt / saglabāt PDF',
	'report.downloadXlsx': 'Lejupielādēt tabulas (XLSX)',
	'report.preparing': 'Sagatavo sadaļu…',
	'report.contents': 'Saturs',
	'report.findings': 'Galvenie rezultāti',
	'report.tests': 'Statistiskie testi',
	'report.notApplicable': 'Šai mērķa grupai nav datu.',

	'report.title.kicker': 'Individuālā budžeta modelis · novērtējums',
	'report.title.programme': 'Programma',
	'report.title.cohort': 'Mērķa grupa',
	'report.title.pilotPeriod': 'Pilotprojekta periods',
	'report.title.servicePeriod': 'Pakalpojumu periods',
	'report.title.serviceMonths': '{months} mēneši; izmaksas mēnesī dalītas ar {reporting}',
	'report.title.municipalities': 'Pašvaldības',
	'report.title.selection': 'Atlase',
	'report.title.allSelected': 'Visi mērķa grupas dalībnieki',
	'report.title.source': 'Datu avots',
	'report.title.synthetic': 'Sintētiski dati',
	'report.title.syntheticYes': 'Jā. {detail}',
	'report.title.syntheticNo': 'Nē',
	'report.title.generated': 'Sagatavots',
	'report.title.generator':
		'Ziņojumu automātiski sagatavoja panelis „IB rezultāti” no dalībnieku līmeņa datiem; visi skaitļi aprēķināti pārlūkā. Grupas, kurās ir mazāk nekā {min} personas, netiek rādītas.',
	'report.title.period': 'Periods',

	'report.methods.heading': 'Metodes',
	'report.methods.design':
		'Novērtējums salīdzina katru dalībnieku pašu ar sevi: sākuma mērījumu ar beigu mērījumu (pāru dizains). Kontroles grupas nav, tāpēc izmaiņas nevar pilnībā attiecināt uz individuālo budžetu.',
	'report.methods.instruments': 'Instrumenti un vērtēšana',
	'report.methods.goals':
		'Mērķu sasniegšana: katrs atbalsta plāna mērķis pārskatā novērtēts kā sasniegts (1), daļēji sasniegts (0,5) vai nav sasniegts (0); jomas rezultāts ir summa, parādīta kā % no izvirzītajiem mērķiem. Tas ir sasniegšanas īpatsvars, nevis mērķu sasniegšanas skala (GAS).',
	'report.methods.sfk':
		'Funkcionēšana (SFK-BJ, ICF-CY): aktivitāšu un dalības jomas d1–d9, vispārīgais kvalifikators 0 (nav grūtību) … 4 (pilnīgas grūtības), jo mazāks, jo labāk; kodi 8 un 9 izmaiņās netiek iekļauti. Pozitīvas izmaiņas: uzlabojums vismaz vienā jomā un pasliktinājums nevienā.',
	'report.methods.kidscreen':
		'KIDSCREEN-52 (bērni no 8 gadiem; pašvērtējums un vecāku vērtējums): 10 dimensijas, Raša T vērtības ar Eiropas normu 50 (SD 10), jo augstāks, jo labāk. Ar normu salīdzina tikai T vērtības.',
	'report.methods.fqols':
		'Bīča centra ģimenes dzīves kvalitātes skala (FQOLS): 25 jautājumi (1–5) piecās apakšskalās; apakšskalas rezultāts ir tās jautājumu vidējais.',
	'report.methods.sqol':
		'Subjektīvā dzīves kvalitāte (A. Džigantesko un M. Džuliāni): beigās persona novērtē, kā mainījušies 13 dzīves aspekti – uz labo pusi, tāpat vai uz slikto pusi. Četrus aspektus nosauc avoti; pārējo deviņu nosaukumi ir pieņēmums.',
	'report.methods.employment':
		'Nodarbinātība: statuss sākumā un beigās (pastāvīgs vai pagaidu pilna laika darbs, nepilna laika darbs, brīvprātīgais vai sabiedriskais darbs, nav nodarbināts); „nodarbināts” ir jebkurš statuss, izņemot „nav nodarbināts”.',
	'report.methods.costs':
		'Izmaksas: apmaksātie IB izdevumi pa pakalpojumu grupām; EUR uz vienību = izmaksas / vienības, EUR uz dalībnieku = izmaksas / unikālie dalībnieki grupā, mēnesī = uz dalībnieku / {months} (kā publicētajās tabulās).',
	'report.methods.testsHeading': 'Testi un to izvēle',
	'report.methods.tTest':
		'Intervālu skalas rādītājiem (KIDSCREEN T vērtības, FQOLS vidējie) – pāru t tests (beigās − sākumā), efekta lielums Koena d_z.',
	'report.methods.wilcoxon':
		'Ordinālajiem SFK kvalifikatoriem – Vilkoksona zīmju rangu tests (nulles izmaiņas izslēgtas), efekta lielums – rangu biseriālā korelācija: vidējais kvalifikators ordinālai skalai nav jēgpilns, tāpēc tiek salīdzināti rangi.',
	'report.methods.sign':
		'Subjektīvās dzīves kvalitātes izmaiņu vērtējumiem (−1/0/+1) – zīmju tests: uzlabojumu skaits no mainījušos skaita pret ½.',
	'report.methods.mcnemar':
		'Nodarbinātībai (jā/nē sākumā un beigās, tās pašas personas) – Maknemāra tests; ja pretējo pāru ir mazāk nekā {limit}, primārais ir precīzais binomiālais tests.',
	'report.methods.alpha': 'Visi testi ir divpusēji, nozīmības līmenis 0,05. Aprēķini atbilst R 4.2.2 rezultātiem.',
	'report.methods.multiplicity':
		'Vairākkārtēja testēšana: viena instrumenta dimensiju p vērtības koriģētas kopā ar Holma metodi ({families}). Holma metode kontrolē kļūdu īpatsvaru visai testu saimei un ir jaudīgāka par Bonferoni korekciju.',
	'report.methods.families.child': 'KIDSCREEN – 10 dimensijām katram respondentam atsevišķi, SFK – 9 jomām, FQOLS – 5 apakšskalām',
	'report.methods.families.adult': 'subjektīvā dzīves kvalitāte – 13 aspektiem; nodarbinātībai ir viens tests',
	'report.methods.disclosureHeading': 'Datu aizsardzība',
	'report.methods.disclosure':
		'Ziņojums netiek sagatavots atlasei, kuru aizsardzības noteikumi nerāda; tā tabulas, diagrammas un XLSX lapas satur tikai tos pašus skaitļus, ko rāda skati.',

	'report.section.goals': 'Mērķu sasniegšana',
	'report.section.sfk': 'Funkcionēšanas izmaiņas (SFK)',
	'report.section.kidscreen': 'Bērnu dzīves kvalitāte (KIDSCREEN-52)',
	'report.section.fqols': 'Ģimenes dzīves kvalitāte (FQOLS)',
	'report.section.sqol': 'Subjektīvā dzīves kvalitāte',
	'report.section.employment': 'Nodarbinātība',
	'report.section.costs': 'Izmaksas',

	'report.goals.overall': 'Mērķu sasniegšana bija {share} ({score} no {goals} mērķu punktiem); mērķi izvirzīti {n} dalībniekiem.',
	'report.goals.levels': 'Sasniegti {achieved} mērķi ({achievedShare}), daļēji sasniegti {partly} ({partlyShare}), nav sasniegti {not} ({notShare}).',
	'report.goals.range': 'Augstākais rezultāts jomā {best} ({bestShare}), zemākais – jomā {worst} ({worstShare}).',

	'report.sfk.positive': '{positive} no {n} bērniem ({share}) bija pozitīvas funkcionēšanas izmaiņas: uzlabojums vismaz vienā jomā un pasliktinājums nevienā.',
	'report.sfk.mixed': 'Vēl {mixed} bērniem kādā jomā bija uzlabojums un citā pasliktinājums; {onlyWorse} – tikai pasliktinājums; {noChange} – bez izmaiņām.',
	'report.sfk.domains': 'Aktivitāšu un dalības ierobežojumi samazinājās (vairāk bērnu uzlabojās nekā pasliktinājās) {k} no {m} jomām.',
	'report.sfk.significant': 'Statistiski nozīmīgs uzlabojums (Vilkoksona tests, {method}) {k} no {m} jomām: {list}.',
	'report.sfk.noneSignificant': 'Nevienā jomā izmaiņas nebija statistiski nozīmīgas (Vilkoksona tests, {method}).',

	'report.ks.higher.child': 'Bērni beigās savu dzīves kvalitāti vērtēja augstāk {k} no {m} KIDSCREEN dimensijām (n = {n}).',
	'report.ks.higher.parent': 'Vecāki beigās bērna dzīves kvalitāti vērtēja augstāk {k} no {m} KIDSCREEN dimensijām (n = {n}).',
	'report.ks.gains': 'Lielākais pieaugums: {list}.',
	'report.ks.significant': 'Statistiski nozīmīgas izmaiņas (pāru t tests, {method}): {list}.',
	'report.ks.noneSignificant': 'Nevienā dimensijā izmaiņas nebija statistiski nozīmīgas (pāru t tests, {method}).',
	'report.ks.norm': 'Beigās {k} no {m} dimensijām vidējais bija zem Eiropas normas 50; vistuvāk normai: {list}.',
	'report.ks.notT': 'Rezultāti nav Raša T vērtības, tāpēc ar normu 50 tie netiek salīdzināti.',

	'report.fq.rose': 'Ģimenes dzīves kvalitāte pieauga {k} no {m} FQOLS apakšskalām ({n} ģimenes).',
	'report.fq.only': 'Statistiski nozīmīga atšķirība starp sākumu un beigām bija tikai apakšskalā {name} (pāru t tests, {p}, {method}).',
	'report.fq.significant': 'Statistiski nozīmīga atšķirība starp sākumu un beigām (pāru t tests, {method}): {list}.',
	'report.fq.noneSignificant': 'Nevienā apakšskalā atšķirība starp sākumu un beigām nebija statistiski nozīmīga (pāru t tests, {method}).',

	'report.sq.majority': '{k} no {m} dzīves aspektiem vairāk nekā puse respondentu norādīja uzlabojumu.',
	'report.sq.extremes': 'Visbiežāk uzlabojumu norādīja: {high}; visretāk: {low}.',
	'report.sq.net': 'Kopumā {share} personu ({k} no {n}) norādīja pozitīvas pārmaiņas savā dzīvē (vairāk aspektu mainījās uz labo pusi nekā uz slikto).',
	'report.sq.significant': 'Zīmju tests ({method}): uzlabojumu nozīmīgi vairāk nekā pasliktinājumu {k} no {m} aspektiem.',

	'report.emp.counts': 'Nodarbināto skaits: {before} pirms pilotprojekta, {after} tā laikā (n = {n} personas ar abiem mērījumiem).',
	'report.emp.changes': 'Izmaiņas pa statusiem: {list}.',
	'report.emp.up': 'Nodarbināto īpatsvars pieauga no {shareBefore} līdz {shareAfter}: {b} sāka strādāt, {c} pārstāja ({test}, {p}).',
	'report.emp.down': 'Nodarbināto īpatsvars samazinājās no {shareBefore} līdz {shareAfter}: {b} sāka strādāt, {c} pārstāja ({test}, {p}).',
	'report.emp.noEvidence': 'Nodarbināto īpatsvara izmaiņas ({shareBefore} → {shareAfter}) nav statistiski nozīmīgas ({test}, {p}).',

	'report.costs.total.child': 'Pakalpojumu izmaksas bija {cost} par {n} bērniem: {per} uz bērnu, {perMonth} uz bērnu mēnesī.',
	'report.costs.total.adult': 'Pakalpojumu izmaksas bija {cost} par {n} personām: {per} uz personu, {perMonth} uz personu mēnesī.',
	'report.costs.overheads': '{label}: {cost}, {perMonth} mēnesī uz dalībnieku.',
	'report.costs.largest': 'Lielākā izmaksu daļa – {group} ({share} no pakalpojumu izmaksām).',

	'report.sheet.about': 'Par ziņojumu',
	'report.sheet.goals': 'Mērķi',
	'report.sheet.sfkChildren': 'SFK bērni',
	'report.sheet.sfkDistribution': 'SFK sadalījums',
	'report.sheet.sfkChange': 'SFK izmaiņas',
	'report.sheet.ksChild': 'KIDSCREEN bērni',
	'report.sheet.ksParent': 'KIDSCREEN vecāki',
	'report.sheet.fqols': 'FQOLS',
	'report.sheet.sqol': 'Subjektīvā dzīves kvalitāte',
	'report.sheet.employment': 'Nodarbinātība',
	'report.sheet.transitions': 'Nodarbinātības pārejas',
	'report.sheet.mcnemar': 'Maknemāra tests',
	'report.sheet.costs': 'Izmaksas',
	'report.sheet.costsMonthly': 'Izmaksas pa mēnešiem',
	'report.sheet.item': 'Rādītājs',
	'report.sheet.value': 'Vērtība',
	'report.file': 'IB-novertejuma-zinojums'
} as const;

export const en: Record<keyof typeof lv, string> = {
	'nav.report': 'Report',
	'report.heading': 'Pilot evaluation report',
	'report.intro':
		'The dashboard writes this report from the data for the selected target group, filters and dataset. Print it or save it as PDF (A4); all tables can be downloaded as one XLSX workbook, each figure as SVG or PNG.',
	'report.print': 'Print / save as PDF',
	'report.downloadXlsx': 'Download tables (XLSX)',
	'report.preparing': 'Preparing section…',
	'report.contents': 'Contents',
	'report.findings': 'Main findings',
	'report.tests': 'Statistical tests',
	'report.notApplicable': 'No data for this target group.',

	'report.title.kicker': 'Individual Budget Model · evaluation',
	'report.title.programme': 'Programme',
	'report.title.cohort': 'Target group',
	'report.title.pilotPeriod': 'Pilot period',
	'report.title.servicePeriod': 'Service period',
	'report.title.serviceMonths': '{months} months; monthly costs divided by {reporting}',
	'report.title.municipalities': 'Municipalities',
	'report.title.selection': 'Selection',
	'report.title.allSelected': 'All participants of the target group',
	'report.title.source': 'Data source',
	'report.title.synthetic': 'Synthetic data',
	'report.title.syntheticYes': 'Yes. {detail}',
	'report.title.syntheticNo': 'No',
	'report.title.generated': 'Generated',
	'report.title.generator':
		'Written automatically by the "IB Outcomes" dashboard from participant-level data; every figure is computed in the browser. Groups of fewer than {min} people are not shown.',
	'report.title.period': 'Period',

	'report.methods.heading': 'Methods',
	'report.methods.design':
		'The evaluation compares each participant with themselves: the baseline measurement with the follow-up (paired design). There is no control group, so changes cannot be attributed to the individual budget alone.',
	'report.methods.instruments': 'Instruments and scoring',
	'report.methods.goals':
		'Goal attainment: at review each goal of the support plan is rated achieved (1), partly achieved (0.5) or not achieved (0); a domain\'s score is the sum, shown as % of goals set. This is an attainment rate, not Goal Attainment Scaling (GAS).',
	'report.methods.sfk':
		'Functioning (ICF-CY, SFK): activity and participation chapters d1–d9, generic qualifier 0 (no difficulty) … 4 (complete difficulty), lower is better; codes 8 and 9 are left out of change. Positive change: improved in at least one domain and worse in none.',
	'report.methods.kidscreen':
		'KIDSCREEN-52 (children aged 8+; self-report and parent proxy): 10 dimensions, Rasch T-scores with the European norm 50 (SD 10), higher is better. Only T-scores are compared with the norm.',
	'report.methods.fqols':
		'Beach Center Family Quality of Life Scale (FQOLS): 25 items (1–5) in five subscales; a subscale score is the mean of its items.',
	'report.methods.sqol':
		'Subjective quality of life (A. Gigantesco and M. Giuliani): at follow-up the person rates how 13 life aspects have changed – for the better, the same or for the worse. The sources name four aspects; the names of the other nine are an assumption.',
	'report.methods.employment':
		'Employment: status at baseline and follow-up (permanent or temporary full-time, part-time, volunteer or public works, not employed); "employed" is any status other than "not employed".',
	'report.methods.costs':
		'Costs: paid IB expenses by service group; EUR per unit = cost / units, EUR per participant = cost / unique participants in the group, per month = per participant / {months} (as in the published tables).',
	'report.methods.testsHeading': 'Tests and why',
	'report.methods.tTest':
		'Interval scores (KIDSCREEN T-scores, FQOLS means): paired t test (follow-up − baseline), effect size Cohen\'s d_z.',
	'report.methods.wilcoxon':
		'Ordinal ICF qualifiers: Wilcoxon signed-rank test (zero changes dropped), effect size the matched-pairs rank-biserial correlation: a mean qualifier is not meaningful on an ordinal scale, so ranks are compared.',
	'report.methods.sign':
		'Subjective quality-of-life change ratings (−1/0/+1): sign test of the number improved among those who changed against ½.',
	'report.methods.mcnemar':
		'Employment (yes/no at baseline and follow-up, same people): McNemar\'s test; with fewer than {limit} discordant pairs the exact binomial test is primary.',
	'report.methods.alpha': 'All tests are two-sided at the 0.05 level. The computations match R 4.2.2.',
	'report.methods.multiplicity':
		'Multiple testing: the p-values of one instrument\'s dimensions are adjusted together with Holm\'s method ({families}). Holm controls the family-wise error rate and is more powerful than Bonferroni.',
	'report.methods.families.child': 'KIDSCREEN over 10 dimensions per informant, ICF over 9 domains, FQOLS over 5 subscales',
	'report.methods.families.adult': 'subjective quality of life over 13 aspects; employment has a single test',
	'report.methods.disclosureHeading': 'Disclosure control',
	'report.methods.disclosure':
		'The report is not produced for a selection the protection rules do not show; its tables, charts and XLSX sheets hold exactly the figures the views show.',

	'report.section.goals': 'Goal attainment',
	'report.section.sfk': 'Change in functioning (ICF)',
	'report.section.kidscreen': "Children's quality of life (KIDSCREEN-52)",
	'report.section.fqols': 'Family quality of life (FQOLS)',
	'report.section.sqol': 'Subjective quality of life',
	'report.section.employment': 'Employment',
	'report.section.costs': 'Costs',

	'report.goals.overall': 'Goal attainment was {share} ({score} of {goals} goal points); goals were set for {n} participants.',
	'report.goals.levels': '{achieved} goals were achieved ({achievedShare}), {partly} partly achieved ({partlyShare}) and {not} not achieved ({notShare}).',
	'report.goals.range': 'Highest in {best} ({bestShare}), lowest in {worst} ({worstShare}).',

	'report.sfk.positive': '{positive} of {n} children ({share}) showed positive change in functioning: improved in at least one domain and worse in none.',
	'report.sfk.mixed': 'A further {mixed} children improved in one domain and worsened in another; {onlyWorse} only worsened; {noChange} did not change.',
	'report.sfk.domains': 'Activity limitations decreased (more children improved than worsened) in {k} of {m} domains.',
	'report.sfk.significant': 'Statistically significant improvement (Wilcoxon test, {method}) in {k} of {m} domains: {list}.',
	'report.sfk.noneSignificant': 'In no domain was the change statistically significant (Wilcoxon test, {method}).',

	'report.ks.higher.child': 'Children rated their quality of life higher at follow-up in {k} of {m} KIDSCREEN dimensions (n = {n}).',
	'report.ks.higher.parent': "Parents rated their child's quality of life higher at follow-up in {k} of {m} KIDSCREEN dimensions (n = {n}).",
	'report.ks.gains': 'Largest gains: {list}.',
	'report.ks.significant': 'Statistically significant change (paired t test, {method}): {list}.',
	'report.ks.noneSignificant': 'In no dimension was the change statistically significant (paired t test, {method}).',
	'report.ks.norm': 'At follow-up {k} of {m} dimensions were below the European norm of 50; closest to it: {list}.',
	'report.ks.notT': 'The scores are not Rasch T-scores, so they are not compared with the norm of 50.',

	'report.fq.rose': 'Family quality of life rose in {k} of {m} FQOLS subscales ({n} families).',
	'report.fq.only': 'Only {name} differed significantly between start and end (paired t test, {p}, {method}).',
	'report.fq.significant': 'Significant difference between start and end (paired t test, {method}): {list}.',
	'report.fq.noneSignificant': 'No subscale differed significantly between start and end (paired t test, {method}).',

	'report.sq.majority': 'In {k} of {m} life aspects more than half of respondents reported a change for the better.',
	'report.sq.extremes': 'Most often improved: {high}; least often: {low}.',
	'report.sq.net': 'Overall {share} of persons ({k} of {n}) reported positive change in their life (more aspects changed for the better than for the worse).',
	'report.sq.significant': 'Sign test ({method}): significantly more improved than worsened in {k} of {m} aspects.',

	'report.emp.counts': 'Persons employed: {before} before the pilot, {after} during it (n = {n} persons with both records).',
	'report.emp.changes': 'Change by status: {list}.',
	'report.emp.up': 'The share employed rose from {shareBefore} to {shareAfter}: {b} started work, {c} stopped ({test}, {p}).',
	'report.emp.down': 'The share employed fell from {shareBefore} to {shareAfter}: {b} started work, {c} stopped ({test}, {p}).',
	'report.emp.noEvidence': 'The change in the share employed ({shareBefore} → {shareAfter}) is not statistically significant ({test}, {p}).',

	'report.costs.total.child': 'Services cost {cost} for {n} children: {per} per child, {perMonth} per child per month.',
	'report.costs.total.adult': 'Services cost {cost} for {n} persons: {per} per person, {perMonth} per person per month.',
	'report.costs.overheads': '{label}: {cost}, {perMonth} per participant per month.',
	'report.costs.largest': 'The largest share of cost: {group} ({share} of service cost).',

	'report.sheet.about': 'About',
	'report.sheet.goals': 'Goals',
	'report.sheet.sfkChildren': 'ICF children',
	'report.sheet.sfkDistribution': 'ICF distribution',
	'report.sheet.sfkChange': 'ICF change',
	'report.sheet.ksChild': 'KIDSCREEN children',
	'report.sheet.ksParent': 'KIDSCREEN parents',
	'report.sheet.fqols': 'FQOLS',
	'report.sheet.sqol': 'Subjective QoL',
	'report.sheet.employment': 'Employment',
	'report.sheet.transitions': 'Employment transitions',
	'report.sheet.mcnemar': 'McNemar test',
	'report.sheet.costs': 'Costs',
	'report.sheet.costsMonthly': 'Costs by month',
	'report.sheet.item': 'Item',
	'report.sheet.value': 'Value',
	'report.file': 'IB-evaluation-report'
};
