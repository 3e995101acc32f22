/** UI strings of the municipalities (ministry) view and of disclosure control (lv first, en second). */
export const lv = {
	'nav.municipalities': 'Pašvaldības',
	'municipalities.heading': 'Rezultāti un izmaksas pa pašvaldībām',
	'municipalities.intro':
		'Katra izmēģinājumprojekta pašvaldība, plānošanas reģionu starpsummas un kopā. Tā kā vienā pašvaldībā ir ap 10 dalībnieku, mazi skaitļi ir slēpti (skatīt noteikumus zemāk).',
	'municipalities.filtersNote':
		'Šeit darbojas tikai mērķa grupas izvēle: tabulā ir visas pašvaldības abiem dzimumiem, visiem vecumiem un visam laikam. Citos skatos var izvēlēties vienu pašvaldību, dzimumu, vecuma grupu vai gadu; tos aizsargā tas pats slēpšanas plāns.',
	'municipalities.release.rows':
		'Šajā tabulā katra rinda (pašvaldība, reģions, kopā) ir viena atlase: tās dalībnieku skaitu rāda tikai tad, ja to pašu atlasi rāda arī pārējie skati. Katrs cits rādītājs balstās uz rindas dalībnieku apakšgrupu (personas ar mērķiem, ar izmērītu galveno rezultātu, ar abiem nodarbinātības ierakstiem, ar apmaksātiem pakalpojumiem, ar IB), un šīs apakšgrupas tiek aizsargātas tāpat visās atlasēs: rādītājs ir slēpts („–”), ja tā grupā ir mazāk nekā {min} personu vai ja to varētu iegūt, atņemot rādītus skaitļus (piemēram, reģiona pašvaldības no reģiona kopsummas). CSV datnē ir tieši tas, kas redzams ekrānā.',
	'municipalities.release.fixedMin':
		'Slieksnis ir {min} personas, un to nevar mainīt: zemāks tas nevar būt, bet otra tabula ar augstāku slieksni būtu slēpta citādi, un, salīdzinot abas tabulas, varētu atrast mazas grupas.',
	'municipalities.municipality': 'Pašvaldība',
	'municipalities.region': 'Plānošanas reģions',
	'municipalities.level': 'Līmenis',
	'municipalities.level.municipality': 'pašvaldība',
	'municipalities.level.region': 'reģions',
	'municipalities.level.total': 'kopā',
	'municipalities.regionTotal': '{region} kopā',
	'municipalities.total': 'Visas pašvaldības kopā',
	'municipalities.participants': 'Dalībnieki',
	'municipalities.goals': 'Mērķi',
	'municipalities.attainment': 'Mērķu sasniegšana, %',
	'municipalities.improved.child': 'Bērni ar pozitīvām SFK izmaiņām, %',
	'municipalities.improved.adult': 'Dzīve kopumā uzlabojusies, %',
	'municipalities.employmentChange': 'Nodarbināto skaita izmaiņas',
	'municipalities.costPerParticipant': 'Izmaksas uz dalībnieku, EUR',
	'municipalities.costPerMonth': 'Izmaksas uz dalībnieku mēnesī, EUR',
	'municipalities.budgetUse': 'IB izlietojums, % no indikatīvā',
	'municipalities.tableCaption': 'Rezultāti un izmaksas pa pašvaldībām ({cohort}), pēc mazo skaitļu slēpšanas',
	'municipalities.regionsCaption': 'Plānošanas reģioni un kopā',
	'municipalities.sortBy': 'Kārtot pēc: {column}',
	'municipalities.drillHint': 'Pašvaldības nosaukums ir saite: tā atver mērķu skatu tikai par šo pašvaldību (filtrs saglabājas arī citos skatos).',
	'municipalities.openIn': 'Atvērt {name}: {view}',
	'municipalities.hiddenRows': 'Slēpto pašvaldību skaits: {n}.',
	'municipalities.definitions':
		'Mērķu sasniegšana: sasniegts = 1, daļēji = 0,5, nav = 0, summa % no mērķiem. Bērni: pozitīvas SFK izmaiņas = vismaz vienā jomā (d1–d9) ierobežojums samazinājies un nevienā nav palielinājies (kvalifikatori 8 un 9 netiek salīdzināti). Pieaugušie: „izmaiņas Jūsu dzīvē kopumā” novērtētas kā uzlabojums. Nodarbinātība: nodarbināto skaits beigās mīnus sākumā (nodarbināts = jebkurš statuss, izņemot „nav nodarbināts”). Izmaksas uz dalībnieku = apmaksāto pakalpojumu izmaksas / personas ar apmaksātiem pakalpojumiem; mēnesī = dalīts ar {months} (programmas pārskata mēnešu skaits). IB izlietojums = apmaksātās izmaksas / IB indikatīvais apmērs.',
	'municipalities.funnelHeading': 'Vai pašvaldības atšķiras vairāk, nekā to var izskaidrot nejaušība?',
	'municipalities.funnelLabel': 'Piltuves diagramma: mērķu sasniegšana % pret mērķu skaitu pašvaldībā, ar 95% un 99,8% kontroles robežām ap kopējo līmeni',
	'municipalities.funnelX': 'Mērķu skaits pašvaldībā',
	'municipalities.funnelY': 'Mērķu sasniegšana, %',
	'municipalities.funnelOverall': 'Kopējais līmenis {rate}',
	'municipalities.funnel95': '95% robežas',
	'municipalities.funnel998': '99,8% robežas',
	'municipalities.funnelIntro':
		'Mazā pašvaldībā ar dažiem desmitiem mērķu rezultāts nejauši svārstās vairāk nekā lielā, tāpēc pašvaldības netiek ranžētas pēc vietas tabulā. Punkts ārpus 95% robežām gadās nejauši apmēram 1 reizi no 20, ārpus 99,8% robežām — 1 reizi no 500.',
	'municipalities.funnelMethod':
		'Robežas: p0 ± z·√(p0(1−p0)/n), kur p0 ir kopējais mērķu sasniegšanas līmenis, n — pašvaldības mērķu skaits, z = 1,96 (95%) un 3,09 (99,8%); normālā tuvinājuma binomiālajam sadalījumam. Vērtējums „daļēji” = 0,5, tāpēc rezultāts nav stingri binomiāls: tā dispersija nav lielāka par p0(1−p0), tāpēc robežas drīzāk ir par platām (piesardzīgas). Viena cilvēka mērķi nav neatkarīgi; tas netiek ņemts vērā. Diagrammā nav slēpto pašvaldību.',
	'municipalities.outliersNone': 'Neviena parādītā pašvaldība nav ārpus 95% robežām: atšķirības starp pašvaldībām ir izskaidrojamas ar nejaušību.',
	'municipalities.outlier.above998': '{name}: {rate} no {goals} mērķiem — virs 99,8% robežas; ļoti maz ticams, ka tā ir nejaušība.',
	'municipalities.outlier.above95': '{name}: {rate} no {goals} mērķiem — virs 95% robežas (bet 99,8% robežās); var būt nejaušība.',
	'municipalities.outlier.below95': '{name}: {rate} no {goals} mērķiem — zem 95% robežas (bet 99,8% robežās); var būt nejaušība.',
	'municipalities.outlier.below998': '{name}: {rate} no {goals} mērķiem — zem 99,8% robežas; ļoti maz ticams, ka tā ir nejaušība.',
	'privacy.heading': 'Kā tiek aizsargāti mazi skaitļi',
	'privacy.threshold': 'Slieksnis: netiek rādīts neviens personu skaits, kas mazāks par {min}, un neviens rādītājs, kas aprēķināts mazāk nekā {min} personām.',
	'privacy.rule.primary': 'Personu skaits, kas mazāks par {min} (arī 0), tiek rādīts kā „< {min}”.',
	'privacy.rule.secondary':
		'Ja slēpto skaitli varētu aprēķināt, atņemot citus no kopsummas (piemēram, no reģiona kopsummas atņemot pārējās reģiona pašvaldības), tiek slēpts arī nākamais mazākais skaitlis tajā pašā summā — atkārtoti, līdz nevienā summā nav tikai viena slēpta skaitļa.',
	'privacy.rule.derived':
		'Procenti, vidējās vērtības un izmaksas uz personu tiek slēptas („slēpts”), ja kāda no personu grupām, uz kurām tās balstās (skaitītājs, saucējs vai pārējās personas), ir mazāka par {min}, vai ja pašvaldības dalībnieku skaits ir slēpts.',
	'privacy.rule.export': 'CSV datnē ir tieši tas, kas redzams ekrānā pēc slēpšanas.',
	'privacy.lessThan': '< {min}',
	'privacy.suppressed': 'slēpts',
	'privacy.reason.primary': 'Mazāk nekā {min} personu',
	'privacy.reason.secondary': 'Slēpts, lai citu slēpto skaitli nevarētu aprēķināt no kopsummām'
} as const;

export const en: Record<keyof typeof lv, string> = {
	'nav.municipalities': 'Municipalities',
	'municipalities.heading': 'Outcomes and costs by municipality',
	'municipalities.intro':
		'Each pilot municipality, planning region subtotals and the total. With about 10 participants per municipality, small numbers are hidden (see the rules below).',
	'municipalities.filtersNote':
		'Only the cohort choice applies here: the table shows every municipality for both sexes, all ages and the whole time. Other views take one municipality, sex, age band or year; the same release plan protects them.',
	'municipalities.release.rows':
		'In this table each row (a municipality, a region, the total) is one selection: its number of participants is shown only where the other views show the same selection. Every other figure rests on a subgroup of the row\'s participants (people with goals, with the main outcome measured, with both employment records, with paid services, with an IB), and these subgroups are protected in the same way across all selections: a figure is hidden ("–") where its group has fewer than {min} people or where it could be found by subtracting shown figures (for example a region\'s municipalities from the region\'s total). The CSV file holds exactly what the screen shows.',
	'municipalities.release.fixedMin':
		'The threshold is {min} people and cannot be changed: it cannot be lower, and a second table with a higher threshold would be suppressed differently, so comparing the two tables could give small groups away.',
	'municipalities.municipality': 'Municipality',
	'municipalities.region': 'Planning region',
	'municipalities.level': 'Level',
	'municipalities.level.municipality': 'municipality',
	'municipalities.level.region': 'region',
	'municipalities.level.total': 'total',
	'municipalities.regionTotal': '{region} total',
	'municipalities.total': 'All municipalities',
	'municipalities.participants': 'Participants',
	'municipalities.goals': 'Goals',
	'municipalities.attainment': 'Goal attainment, %',
	'municipalities.improved.child': 'Children with positive SFK change, %',
	'municipalities.improved.adult': 'Life overall improved, %',
	'municipalities.employmentChange': 'Change in number employed',
	'municipalities.costPerParticipant': 'Cost per participant, EUR',
	'municipalities.costPerMonth': 'Cost per participant per month, EUR',
	'municipalities.budgetUse': 'IB use, % of indicative',
	'municipalities.tableCaption': 'Outcomes and costs by municipality ({cohort}), after small-number suppression',
	'municipalities.regionsCaption': 'Planning regions and total',
	'municipalities.sortBy': 'Sort by: {column}',
	'municipalities.drillHint': 'A municipality\'s name is a link: it opens the goals view for that municipality only (the filter carries over to the other views).',
	'municipalities.openIn': 'Open {name}: {view}',
	'municipalities.hiddenRows': 'Municipalities hidden: {n}.',
	'municipalities.definitions':
		'Goal attainment: achieved = 1, partly = 0.5, not = 0, sum as % of goals. Children: positive SFK change = activity limitation lower in at least one domain (d1–d9) and higher in none (qualifiers 8 and 9 not compared). Adults: "changes in your life overall" rated better. Employment: number employed at follow-up minus at baseline (employed = any status except "not employed"). Cost per participant = paid service cost / people with paid services; per month = divided by {months} (the programme\'s reporting months). IB use = paid cost / IB indicative amount.',
	'municipalities.funnelHeading': 'Do municipalities differ by more than chance?',
	'municipalities.funnelLabel': 'Funnel plot: goal attainment % against number of goals per municipality, with 95% and 99.8% control limits around the overall rate',
	'municipalities.funnelX': 'Goals in the municipality',
	'municipalities.funnelY': 'Goal attainment, %',
	'municipalities.funnelOverall': 'Overall rate {rate}',
	'municipalities.funnel95': '95% limits',
	'municipalities.funnel998': '99.8% limits',
	'municipalities.funnelIntro':
		'A small municipality with a few dozen goals varies more by chance than a large one, so municipalities are not ranked by their place in a table. A point outside the 95% limits happens by chance about 1 time in 20, outside the 99.8% limits 1 time in 500.',
	'municipalities.funnelMethod':
		'Limits: p0 ± z·√(p0(1−p0)/n), where p0 is the overall goal attainment rate, n the municipality\'s number of goals, z = 1.96 (95%) and 3.09 (99.8%): the normal approximation to the binomial. "Partly" scores 0.5, so the score is not strictly binomial: its variance is at most p0(1−p0), so the limits are if anything too wide (conservative). Goals of one person are not independent; this is not taken into account. Hidden municipalities are not plotted.',
	'municipalities.outliersNone': 'No municipality shown lies outside the 95% limits: the differences between municipalities are consistent with chance.',
	'municipalities.outlier.above998': '{name}: {rate} of {goals} goals — above the 99.8% limit; very unlikely to be chance.',
	'municipalities.outlier.above95': '{name}: {rate} of {goals} goals — above the 95% limit (within 99.8%); may be chance.',
	'municipalities.outlier.below95': '{name}: {rate} of {goals} goals — below the 95% limit (within 99.8%); may be chance.',
	'municipalities.outlier.below998': '{name}: {rate} of {goals} goals — below the 99.8% limit; very unlikely to be chance.',
	'privacy.heading': 'How small numbers are protected',
	'privacy.threshold': 'Threshold: no count of fewer than {min} people is shown, and no figure computed on fewer than {min} people.',
	'privacy.rule.primary': 'A count of fewer than {min} people (0 included) is shown as "< {min}".',
	'privacy.rule.secondary':
		'Where a hidden count could be worked out by subtracting others from a total (e.g. a region\'s total minus its other municipalities), the next smallest count in the same sum is hidden too — repeatedly, until no sum has exactly one hidden count.',
	'privacy.rule.derived':
		'Percentages, averages and costs per person are hidden ("suppressed") when any group of people they rest on (numerator, denominator or the rest) is below {min}, or when the municipality\'s number of participants is hidden.',
	'privacy.rule.export': 'The CSV file holds exactly what the screen shows after suppression.',
	'privacy.lessThan': '< {min}',
	'privacy.suppressed': 'suppressed',
	'privacy.reason.primary': 'Fewer than {min} people',
	'privacy.reason.secondary': 'Hidden so that another hidden number cannot be worked out from totals'
};
