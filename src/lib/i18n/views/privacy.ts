/** The release path's words: why a selection or a cell is not shown, and the rules in plain language (lv first). */
export const lv = {
	'release.outside.municipalities': 'Aizsargātajos skatos var izvēlēties vienu pašvaldību vai vienu reģionu: vairāku pašvaldību saraksta skaitļus varētu atņemt no citiem skatiem.',
	'release.outside.period': 'Aizsargātajos skatos periods ir viss laiks vai viens kalendārais gads: brīvi izvēlētu mēnešu skaitļus varētu atņemt no citiem periodiem.',
	'release.outside.place': 'Šī pašvaldība nav izvēlētajā reģionā vai datos.',
	'release.hidden': 'Šīs atlases skaitļi netiek rādīti: tajā ir mazāk nekā {min} personas, vai to varētu iegūt, atņemot vienu rādītu atlasi no citas vai kopsummas daļas no kopsummas.',
	'release.empty': 'Atlasītajā grupā nav neviena dalībnieka.',
	'release.cellHidden': 'Ar “–” atzīmētie skaitļi slēpti, lai tos nevarētu iegūt atņemot (mazāk nekā {min} personas vai sekundārā slēpšana).',
	'release.methodHeading': 'Kā tiek aizsargāti mazie skaitļi',
	'release.method':
		'Neviens rādītais skaitlis neattiecas uz 1–4 personām, un nevienu grupu ar 1–4 personām nevar iegūt, atņemot vienu rādītu skaitli no cita. Visas atlases (vieta: visa mērķa grupa, reģions vai viena pašvaldība × dzimums × vecuma grupa × viss laiks vai kalendārais gads) tiek pārbaudītas kopā kā viena hierarhiska tabula: atlasi, kurā ir mazāk nekā {min} personu, nerāda (primārā slēpšana); ja divas rādītas atlases, no kurām viena ietilpst otrā, atšķiras par 1–4 personām, mazāko nerāda; ja kopsumma mīnus rādītās daļas (reģions mīnus tā pašvaldības, abi dzimumi, vecuma grupas) atklātu mazāk nekā {min} personas vai vienu slēptu daļu, slēpj vēl nākamo mazāko daļu (sekundārā slēpšana). To atkārto, līdz nekas nemainās. Tas pats attiecas uz katras tabulas rindām visās atlasēs (piemēram, pakalpojumu grupām). Nulles rāda. Slēpšana vienmēr skar mazāko grupu, tāpēc visas mērķa grupas skaitļi, arī publicētās pilotu tabulas, paliek precīzi.'
};

export const en: Record<keyof typeof lv, string> = {
	'release.outside.municipalities': 'Protected views take one municipality or one region: the figures of a list of municipalities could be subtracted from other views.',
	'release.outside.period': 'Protected views take the whole time or one calendar year: figures for free month ranges could be subtracted from other periods.',
	'release.outside.place': 'This municipality is not in the selected region or in the data.',
	'release.hidden': 'This selection\'s figures are not shown: it has fewer than {min} people, or it could be recovered by subtracting one shown selection from another, or a total\'s parts from the total.',
	'release.empty': 'There are no participants in the selected group.',
	'release.cellHidden': 'Figures marked “–” are hidden so they cannot be found by subtraction (fewer than {min} people, or secondary suppression).',
	'release.methodHeading': 'How small numbers are protected',
	'release.method':
		'No figure shown rests on 1–4 people, and no group of 1–4 people can be found by subtracting one shown figure from another. All selections (place: the whole cohort, a region or one municipality × sex × age band × the whole time or a calendar year) are checked together as one hierarchical table: a selection of fewer than {min} people is not shown (primary suppression); where two shown selections, one inside the other, differ by 1–4 people, the smaller is not shown; where a total minus its shown parts (a region minus its municipalities, both sexes, the age bands) would reveal fewer than {min} people or a single hidden part, the next smallest part is hidden too (secondary suppression). This is repeated until nothing changes. The same holds for the rows of every table across all selections (for example the service groups). Zeros are shown. Hiding always takes the smaller group, so the figures of a whole cohort, the published pilot tables among them, stay exact.'
};
