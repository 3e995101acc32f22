/** UI strings of the trends view (lv first, en second). */
export const lv = {
	'nav.trends': 'Tendences',
	'trends.heading': 'Tendences pa ceturkšņiem',
	'trends.intro':
		'Kā mainās dalībnieku skaits, izmaksas un mērķu sasniegšana no ceturkšņa uz ceturksni izvēlētajā kohortā, vietā un periodā. Reģiona skaitļiem izvēlieties reģionu filtrā.',
	'trends.quarter': '{year}. g. {n}. cet.',
	'trends.col.quarter': 'Ceturksnis',
	'trends.col.active': 'Aktīvie dalībnieki',
	'trends.col.new': 'Jauni dalībnieki',
	'trends.col.exited': 'Izstājušies dalībnieki',
	'trends.col.reviewed': 'Pārskatītie mērķi',
	'trends.col.achieved': 'Sasniegtie mērķi',
	'trends.col.achievedShare': '% sasniegti',
	'trends.participants.heading': 'Dalībnieki pa ceturkšņiem',
	'trends.participants.definition':
		'Aktīvie: piedalījās kaut vienu dienu ceturksnī; jauni: sāka dalību ceturksnī; izstājušies: beidza dalību ceturksnī.',
	'trends.costs.heading': 'Izmaksas uz dalībnieka mēnesi pa pakalpojumu grupām',
	'trends.costs.definition':
		'Ceturkšņa apmaksāto pakalpojumu izmaksas, dalītas ar dalībnieku mēnešiem ceturksnī (mēneši, kuros dalībnieks piedalījās kaut vienu dienu). Pakalpojumu grupas kā izmaksu skatā.',
	'trends.goals.heading': 'Pārskatītie un sasniegtie mērķi pa ceturkšņiem',
	'trends.goals.definition': 'Mērķi, kuru sasniegšana novērtēta ceturksnī (pēc pārskatīšanas datuma), un no tiem sasniegtie.',
	'trends.participantsAxis': 'Dalībnieki',
	'trends.costsAxis': 'EUR uz dalībnieka mēnesi',
	'trends.goalsAxis': 'Mērķi',
	'trends.summary': 'No {a} ({from}) līdz {b} ({to}).',
	'trends.gapNote': 'Slēptajiem ceturkšņiem līnijā ir pārtraukums.',
	'trends.noQuarters': 'Datos nav datumu, no kuriem veidot ceturkšņus.',
	'trends.sheet.participants': 'Tendences dalībnieki',
	'trends.sheet.costs': 'Tendences izmaksas',
	'trends.sheet.goals': 'Tendences mērķi',
	'trends.wholeTimeOnly': 'Ceturkšņu tendences rāda visam laikam. Izvēlieties periodu “viss laiks”.',
	'trends.withheld.level':
		'Dalībnieku skaitu un izmaksas uz dalībnieka mēnesi pa ceturkšņiem rāda tikai visai kohortai un plānošanas reģioniem: šaurākām atlasēm ceturkšņu skaitļus varētu atņemt no kopējiem.',
	'trends.withheld.small':
		'Dalībnieku skaitu pa ceturkšņiem šai atlasei nerāda: kādā ceturksnī ir mazāk nekā {min} personas, un atlases kopskaits (redzams visās lapās) ļautu to atrast atņemot.',
	'report.section.trends': 'Tendences pa ceturkšņiem'
};

export const en: Record<keyof typeof lv, string> = {
	'nav.trends': 'Trends',
	'trends.heading': 'Quarterly trends',
	'trends.intro':
		'How participants, costs and goal attainment move from quarter to quarter in the chosen cohort, place and period. For a region’s figures, choose the region in the filters.',
	'trends.quarter': 'Q{n} {year}',
	'trends.col.quarter': 'Quarter',
	'trends.col.active': 'Active participants',
	'trends.col.new': 'New participants',
	'trends.col.exited': 'Exited participants',
	'trends.col.reviewed': 'Goals reviewed',
	'trends.col.achieved': 'Goals achieved',
	'trends.col.achievedShare': '% achieved',
	'trends.participants.heading': 'Participants by quarter',
	'trends.participants.definition':
		'Active: participating on at least one day of the quarter; new: started in the quarter; exited: left in the quarter.',
	'trends.costs.heading': 'Cost per participant-month by service group',
	'trends.costs.definition':
		'Paid cost of the quarter’s services divided by the participant-months of the quarter (months with at least one day of participation). Service groups as in the costs view.',
	'trends.goals.heading': 'Goals reviewed and achieved by quarter',
	'trends.goals.definition': 'Goals whose attainment was rated in the quarter (by review date), and of those the achieved ones.',
	'trends.participantsAxis': 'Participants',
	'trends.costsAxis': 'EUR per participant-month',
	'trends.goalsAxis': 'Goals',
	'trends.summary': 'From {a} ({from}) to {b} ({to}).',
	'trends.gapNote': 'Hidden quarters leave a gap in the line.',
	'trends.noQuarters': 'The data have no dates to make quarters from.',
	'trends.sheet.participants': 'Trends participants',
	'trends.sheet.costs': 'Trends costs',
	'trends.sheet.goals': 'Trends goals',
	'trends.wholeTimeOnly': 'Quarterly trends are shown over the whole time. Choose the period “whole time”.',
	'trends.withheld.level':
		'Participants and cost per participant-month by quarter are shown for the whole cohort and the planning regions only: for narrower selections the quarters’ figures could be subtracted from the totals.',
	'trends.withheld.small':
		'Participants by quarter are not shown for this selection: some quarter has fewer than {min} people, and the selection’s count (shown on every page) would let it be found by subtraction.',
	'report.section.trends': 'Quarterly trends'
};
