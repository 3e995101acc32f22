/**
 * Reference (lookup) tables of the data contract: municipalities, programmes,
 * plan domains, instrument dimensions, the service catalogue and the adults'
 * indicative-amount table. Everything here comes from the seeds or is a
 * documented choice (see data/README.md).
 */

export type Cohort = 'child' | 'adult';
export type ServiceGroup = 'social' | 'health' | 'education' | 'other';

export interface Municipality {
	code: string;
	name_lv: string;
	name_en: string;
	kind: 'city' | 'county';
	region: 'Rīga' | 'Kurzeme' | 'Zemgale' | 'Vidzeme' | 'Latgale';
	successor_2021_lv: string;
}

/** Pre-2021 municipalities of both pilots, in the seeds' order (children first, then adults-only). */
export const MUNICIPALITIES: Municipality[] = [
	{ code: 'JELGAVA_C', name_lv: 'Jelgavas pilsēta', name_en: 'Jelgava city', kind: 'city', region: 'Zemgale', successor_2021_lv: 'Jelgavas valstspilsēta' },
	{ code: 'BAUSKA_N', name_lv: 'Bauskas novads', name_en: 'Bauska county', kind: 'county', region: 'Zemgale', successor_2021_lv: 'Bauskas novads' },
	{ code: 'LIEPAJA_C', name_lv: 'Liepājas pilsēta', name_en: 'Liepāja city', kind: 'city', region: 'Kurzeme', successor_2021_lv: 'Liepājas valstspilsēta' },
	{ code: 'TALSI_N', name_lv: 'Talsu novads', name_en: 'Talsi county', kind: 'county', region: 'Kurzeme', successor_2021_lv: 'Talsu novads' },
	{ code: 'REZEKNE_C', name_lv: 'Rēzeknes pilsēta', name_en: 'Rēzekne city', kind: 'city', region: 'Latgale', successor_2021_lv: 'Rēzeknes valstspilsēta' },
	{ code: 'BALVI_N', name_lv: 'Balvu novads', name_en: 'Balvi county', kind: 'county', region: 'Latgale', successor_2021_lv: 'Balvu novads' },
	{ code: 'VALMIERA_C', name_lv: 'Valmieras pilsēta', name_en: 'Valmiera city', kind: 'city', region: 'Vidzeme', successor_2021_lv: 'Valmieras novads' },
	{ code: 'MADONA_N', name_lv: 'Madonas novads', name_en: 'Madona county', kind: 'county', region: 'Vidzeme', successor_2021_lv: 'Madonas novads' },
	{ code: 'OGRE_N', name_lv: 'Ogres novads', name_en: 'Ogre county', kind: 'county', region: 'Rīga', successor_2021_lv: 'Ogres novads' },
	{ code: 'TUKUMS_N', name_lv: 'Tukuma novads', name_en: 'Tukums county', kind: 'county', region: 'Zemgale', successor_2021_lv: 'Tukuma novads' },
	{ code: 'DAUGAVPILS_N', name_lv: 'Daugavpils novads', name_en: 'Daugavpils county', kind: 'county', region: 'Latgale', successor_2021_lv: 'Augšdaugavas novads' },
	{ code: 'CESIS_N', name_lv: 'Cēsu novads', name_en: 'Cēsis county', kind: 'county', region: 'Vidzeme', successor_2021_lv: 'Cēsu novads' },
	{ code: 'GULBENE_N', name_lv: 'Gulbenes novads', name_en: 'Gulbene county', kind: 'county', region: 'Vidzeme', successor_2021_lv: 'Gulbenes novads' }
];

/** Participants per municipality. Children: 102 (two cities with 11). Adults: 103, Liepāja exactly 10. */
export const CHILD_MUNICIPALITY_COUNTS: Record<string, number> = {
	JELGAVA_C: 11, BAUSKA_N: 10, LIEPAJA_C: 11, TALSI_N: 10, REZEKNE_C: 10,
	BALVI_N: 10, VALMIERA_C: 10, MADONA_N: 10, OGRE_N: 10, TUKUMS_N: 10
};
export const ADULT_MUNICIPALITY_COUNTS: Record<string, number> = {
	JELGAVA_C: 11, BAUSKA_N: 10, LIEPAJA_C: 10, TALSI_N: 10, DAUGAVPILS_N: 11,
	BALVI_N: 10, CESIS_N: 10, GULBENE_N: 10, OGRE_N: 11, TUKUMS_N: 10
};

export interface Programme {
	code: string;
	cohort: Cohort;
	name_lv: string;
	name_en: string;
	pilot_start: string;
	pilot_end: string;
	service_start: string;
	service_end: string;
	service_months: number;
	reporting_months: number;
}

export const PROGRAMMES: Programme[] = [
	{
		code: 'pilot1_children_2018', cohort: 'child',
		name_lv: 'IBM izmēģinājumprojekts bērniem ar FT un viņu ģimenēm',
		name_en: 'IBM pilot for children with functional impairments and their families',
		pilot_start: '2018-08-01', pilot_end: '2019-10-31', service_start: '2018-10-01', service_end: '2019-09-30',
		service_months: 12, reporting_months: 12
	},
	{
		code: 'pilot2_adults_2019', cohort: 'adult',
		name_lv: 'IBM izmēģinājumprojekts pilngadīgām personām ar GRT',
		name_en: 'IBM pilot for adults with mental disorders (GRT)',
		pilot_start: '2019-08-01', pilot_end: '2021-02-28', service_start: '2019-11-01', service_end: '2021-01-31',
		service_months: 15, reporting_months: 12
	}
];

export const PLAN_DOMAINS = [
	{ code: 'C1', cohort: 'child', sort_order: 1, name_lv: 'Ģimenes atbalsta spēju stiprināšana', name_en: "Strengthening the family's capacity to support" },
	{ code: 'C2', cohort: 'child', sort_order: 2, name_lv: 'Bērna funkcionēšanas spēju uzturēšana un attīstīšana', name_en: "Maintaining and developing the child's functioning" },
	{ code: 'A1', cohort: 'adult', sort_order: 1, name_lv: 'Dzīvošana, personas aprūpe un speciālistu atbalsts', name_en: 'Living, personal care and specialist support' },
	{ code: 'A2', cohort: 'adult', sort_order: 2, name_lv: 'Atbalsts nodarbinātībā, izglītībā un prasmju iegūšanā', name_en: 'Support in employment, education and skills' },
	{ code: 'A3', cohort: 'adult', sort_order: 3, name_lv: 'Brīvais laiks', name_en: 'Leisure' }
] as const;

export interface InstrumentDimension {
	instrument: 'sfk' | 'kidscreen52' | 'fqols' | 'sqol';
	dimension_code: string;
	sort_order: number;
	name_lv: string;
	name_en: string;
	items: number | null;
	higher_is_better: boolean;
	scale_min: number;
	scale_max: number;
	scoring_method: string;
}

const sfk = (code: string, i: number, lv: string, en: string): InstrumentDimension => ({
	instrument: 'sfk', dimension_code: code, sort_order: i, name_lv: lv, name_en: en, items: null,
	higher_is_better: false, scale_min: 0, scale_max: 4, scoring_method: 'icf_qualifier'
});
const ks = (code: string, i: number, lv: string, en: string, items: number): InstrumentDimension => ({
	instrument: 'kidscreen52', dimension_code: code, sort_order: i, name_lv: lv, name_en: en, items,
	higher_is_better: true, scale_min: 0, scale_max: 100, scoring_method: 'rasch_t'
});
const fq = (code: string, i: number, lv: string, en: string, items: number): InstrumentDimension => ({
	instrument: 'fqols', dimension_code: code, sort_order: i, name_lv: lv, name_en: en, items,
	higher_is_better: true, scale_min: 1, scale_max: 5, scoring_method: 'item_mean'
});
const sq = (code: string, i: number, lv: string, en: string): InstrumentDimension => ({
	instrument: 'sqol', dimension_code: code, sort_order: i, name_lv: lv, name_en: en, items: 1,
	higher_is_better: true, scale_min: -1, scale_max: 1, scoring_method: 'change_rating'
});

export const INSTRUMENT_DIMENSIONS: InstrumentDimension[] = [
	sfk('d1', 1, 'Mācīšanās un zināšanu lietojums', 'Learning and applying knowledge'),
	sfk('d2', 2, 'Vispārējie uzdevumi un prasības', 'General tasks and demands'),
	sfk('d3', 3, 'Saziņa', 'Communication'),
	sfk('d4', 4, 'Mobilitāte', 'Mobility'),
	sfk('d5', 5, 'Pašaprūpe', 'Self-care'),
	sfk('d6', 6, 'Mājas dzīve', 'Domestic life'),
	sfk('d7', 7, 'Starppersonu mijiedarbība un attiecības', 'Interpersonal interactions and relationships'),
	sfk('d8', 8, 'Nozīmīgas dzīves jomas', 'Major life areas'),
	sfk('d9', 9, 'Kopienas, sociālā un pilsoniskā dzīve', 'Community, social and civic life'),
	ks('physical', 1, 'Fiziskā labsajūta', 'Physical well-being', 5),
	ks('psychological', 2, 'Psiholoģiskā labsajūta', 'Psychological well-being', 6),
	ks('moods', 3, 'Garastāvoklis un emocijas', 'Moods and emotions', 7),
	ks('self_perception', 4, 'Sevis uztvere', 'Self-perception', 5),
	ks('autonomy', 5, 'Autonomija', 'Autonomy', 5),
	ks('parent_relations', 6, 'Ģimenes un mājas dzīve (attiecības ar vecākiem)', 'Parent relations and home life', 6),
	ks('social_support_peers', 7, 'Sociālais atbalsts un vienaudži', 'Social support and peers', 6),
	ks('school_environment', 8, 'Skolas vide', 'School environment', 6),
	ks('social_acceptance', 9, 'Sociālā piederība (apcelšana)', 'Social acceptance (bullying)', 3),
	ks('financial', 10, 'Finanšu resursi', 'Financial resources', 3),
	fq('family_interaction', 1, 'Ģimenes mijiedarbība', 'Family interaction', 6),
	fq('parenting', 2, 'Vecāku loma (audzināšana)', 'Parenting', 6),
	fq('emotional_wellbeing', 3, 'Emocionālā labklājība', 'Emotional well-being', 4),
	fq('physical_material', 4, 'Fiziskā un materiālā labklājība', 'Physical/material well-being', 5),
	fq('disability_support', 5, 'Ar invaliditāti saistītais atbalsts', 'Disability-related support', 4),
	sq('life_overall', 1, 'Izmaiņas Jūsu dzīvē kopumā', 'Changes in your life overall'),
	sq('psychological_state', 2, 'Izmaiņas Jūsu psiholoģiskajā stāvoklī', 'Changes in your psychological state'),
	sq('physical_health', 3, 'Izmaiņas Jūsu fiziskajā veselībā', 'Changes in your physical health'),
	sq('independence', 4, 'Izmaiņas Jūsu patstāvībā', 'Changes in your independence'),
	sq('daily_activities', 5, 'Izmaiņas Jūsu ikdienas aktivitātēs', 'Changes in your daily activities'),
	sq('work_occupation', 6, 'Izmaiņas Jūsu darbā un nodarbinātībā', 'Changes in your work or occupation'),
	sq('housing', 7, 'Izmaiņas Jūsu mājoklī un dzīves apstākļos', 'Changes in your housing and living conditions'),
	sq('family_relations', 8, 'Izmaiņas Jūsu attiecībās ar ģimeni', 'Changes in your relations with your family'),
	sq('friendships_social', 9, 'Izmaiņas Jūsu draudzībās un sociālajā dzīvē', 'Changes in your friendships and social life'),
	sq('leisure', 10, 'Izmaiņas Jūsu brīvā laika pavadīšanā', 'Changes in your leisure'),
	sq('safety', 11, 'Izmaiņas Jūsu drošības sajūtā', 'Changes in your sense of safety'),
	sq('partner_relationship', 12, 'Izmaiņas Jūsu tuvās, intīmās attiecībās ar partneri', 'Changes in your close, intimate relationship with a partner'),
	sq('financial_situation', 13, 'Izmaiņas Jūsu finansiālajā stāvoklī', 'Changes in your financial situation')
];

export interface CatalogueItem {
	service_code: string;
	cohort: Cohort;
	domain_code: string;
	service_group: ServiceGroup;
	unit: 'hour' | 'session' | 'day' | 'month' | 'trip';
	name_lv: string;
	name_en: string;
	/** Typical unit price, EUR (before provider variation and calibration). */
	base_price: number;
	/** Typical yearly volume in units for one user (relative weight for allocation). */
	typical_units: number;
	/** Usual price basis. */
	price_basis: 'regulation' | 'delegation_contract' | 'market' | 'average_new';
	/** Which participants may use it. */
	eligibility?: 'hearing' | 'vision' | 'mental' | 'liepaja' | 'natural_support';
	/** 0..1: how strongly Covid-19 spring 2020 stopped it (adults). */
	covid?: number;
}

const c = (
	service_code: string, domain_code: string, service_group: ServiceGroup, unit: CatalogueItem['unit'],
	name_lv: string, name_en: string, base_price: number, typical_units: number,
	price_basis: CatalogueItem['price_basis'], eligibility?: CatalogueItem['eligibility']
): CatalogueItem => ({ service_code, cohort: 'child', domain_code, service_group, unit, name_lv, name_en, base_price, typical_units, price_basis, eligibility });

const a = (
	service_code: string, domain_code: string, service_group: ServiceGroup, unit: CatalogueItem['unit'],
	name_lv: string, name_en: string, base_price: number, typical_units: number,
	price_basis: CatalogueItem['price_basis'], covid: number, eligibility?: CatalogueItem['eligibility']
): CatalogueItem => ({ service_code, cohort: 'adult', domain_code, service_group, unit, name_lv, name_en, base_price, typical_units, price_basis, covid, eligibility });

export const SERVICE_CATALOGUE: CatalogueItem[] = [
	// Children, domain 1: family's capacity
	c('C_PARENT_PSY', 'C1', 'health', 'session', 'Psihologa konsultācijas vecākiem', 'Psychologist consultations for parents', 30, 12, 'market'),
	c('C_THERAPLAY', 'C1', 'health', 'session', 'Theraplay terapijas nodarbības ģimenei', 'Theraplay sessions for the family', 40, 10, 'market'),
	c('C_PARENT_GROUP', 'C1', 'education', 'session', 'Grupu nodarbības vecākiem (vecāku izglītošana)', 'Group sessions for parents (parent education)', 15, 12, 'market'),
	c('C_FAMILY_ASSIST', 'C1', 'social', 'hour', 'Ģimenes asistenta pakalpojums', 'Family assistant', 6, 160, 'delegation_contract'),
	c('C_RESPITE_INST', 'C1', 'social', 'day', 'Atelpas brīža pakalpojums institūcijā', 'Respite care in an institution', 30, 14, 'regulation'),
	c('C_RESPITE_HOME', 'C1', 'social', 'hour', 'Atelpas brīža pakalpojums mājoklī', 'Respite care at home', 6.5, 120, 'average_new'),
	c('C_COMPANION', 'C1', 'social', 'hour', 'Pavadoņa (asistenta pašvaldībā) pakalpojums', 'Companion (municipal assistant)', 4.5, 400, 'regulation'),
	c('C_UNIV_ASSIST', 'C1', 'social', 'hour', 'Universālā asistenta pakalpojums', 'Universal assistant', 5, 450, 'average_new'),
	c('C_HOME_CARE', 'C1', 'social', 'hour', 'Aprūpes mājās pakalpojums', 'Home care', 5, 700, 'delegation_contract'),
	c('C_TRANSPORT', 'C1', 'other', 'trip', 'Transporta izdevumu kompensācija vecākiem un bērniem', 'Transport cost compensation for parents and children', 45, 20, 'market'),
	c('C_SPEC_TRANSPORT', 'C1', 'other', 'trip', 'Specializētā transporta izdevumu kompensācija bērniem', 'Specialised transport cost compensation for children', 85, 14, 'market'),
	c('C_OTHER_FAMILY', 'C1', 'other', 'session', 'Citi pakalpojumi ģimenei', 'Other services for the family', 70, 6, 'market'),
	// Children, domain 2: child's functioning
	c('C_PSY', 'C2', 'health', 'session', 'Psihologa konsultācijas bērnam', 'Psychologist consultations for the child', 30, 20, 'market'),
	c('C_SAND', 'C2', 'health', 'session', 'Smilšu terapijas nodarbības', 'Sand therapy sessions', 28, 18, 'market'),
	c('C_ABA', 'C2', 'health', 'session', 'ABA terapijas nodarbības', 'ABA therapy sessions', 35, 40, 'market', 'mental'),
	c('C_PHYSIO', 'C2', 'health', 'session', 'Fizioterapeita nodarbības', 'Physiotherapist sessions', 25, 40, 'market'),
	c('C_OT', 'C2', 'health', 'session', 'Ergoterapeita nodarbības', 'Occupational therapist sessions', 25, 35, 'market'),
	c('C_SPEECH', 'C2', 'health', 'session', 'Logopēda nodarbības', 'Speech therapist sessions', 22, 35, 'market'),
	c('C_CANIS', 'C2', 'health', 'session', 'Kanisterapijas nodarbības', 'Canistherapy sessions', 20, 20, 'market'),
	c('C_HIPPO', 'C2', 'health', 'session', 'Reitterapijas (hipoterapijas) nodarbības', 'Hippotherapy sessions', 30, 16, 'market'),
	c('C_CHILD_GROUP', 'C2', 'education', 'session', 'Grupu nodarbības bērniem ar FT', 'Group sessions for children', 12, 40, 'market'),
	c('C_EARLY_CORR', 'C2', 'education', 'session', 'Agrīnās korekcijas programma (Portidžas)', 'Early correction programme (Portage)', 20, 30, 'market'),
	c('C_MONTESSORI', 'C2', 'education', 'session', 'Montesori pedagoga nodarbības', 'Montessori specialist sessions', 22, 30, 'market'),
	c('C_WORKSHOP', 'C2', 'social', 'day', 'Specializētās darbnīcas pakalpojums', 'Specialised workshop', 15, 60, 'delegation_contract'),
	c('C_DAY_CARE', 'C2', 'social', 'day', 'Dienas aprūpes centra pakalpojums', 'Day care centre', 20, 90, 'delegation_contract'),
	c('C_VISION_RES', 'C2', 'education', 'day', 'Funkcionēšanas iemaņu apguve institūcijā ar diennakts uzturēšanos bērniem ar redzes traucējumiem', 'Functional skills training for visually impaired children, residential', 45, 14, 'regulation', 'vision'),
	c('C_VISION_DAY', 'C2', 'education', 'session', 'Funkcionēšanas iemaņu apguve bez diennakts uzturēšanās un dzīvesvietā bērniem ar redzes traucējumiem', 'Functional skills training for visually impaired children, non-residential or at home', 25, 24, 'regulation', 'vision'),
	c('C_SIGN_LANG', 'C2', 'education', 'session', 'Latviešu zīmju valodas lietošanas apmācība bērniem ar dzirdes traucējumiem', 'Latvian sign language training for hearing-impaired children', 18, 30, 'regulation', 'hearing'),
	c('C_HEARING_COMM', 'C2', 'education', 'session', 'Saskarsmes un radošās pašizteiksmes iemaņu apguve bērniem ar dzirdes traucējumiem', 'Communication and creative self-expression for hearing-impaired children', 18, 20, 'regulation', 'hearing'),
	c('C_HEARING_ADAPT', 'C2', 'social', 'session', 'Psiholoģiskās adaptācijas treniņi bērniem ar dzirdes traucējumiem', 'Psychological adaptation training for hearing-impaired children', 20, 16, 'regulation', 'hearing'),
	c('C_HEARING_SOCIAL', 'C2', 'social', 'hour', 'Palīdzība un atbalsts sociālo problēmu risināšanā bērniem ar dzirdes traucējumiem', 'Help with social problems for hearing-impaired children', 12, 12, 'regulation', 'hearing'),
	c('C_INTERPRETER', 'C2', 'social', 'hour', 'Surdotulka pakalpojums', 'Sign language interpreter', 15, 30, 'regulation', 'hearing'),
	c('C_OTHER_CHILD', 'C2', 'other', 'session', 'Citi sabiedrībā balstīti pakalpojumi bērnam', "Other community-based services for the child", 60, 8, 'market'),
	// Adults. Domain A1: living, personal care and specialist support; A2: employment, education and skills; A3: leisure.
	a('A_SPEC_PSY', 'A1', 'health', 'session', 'Psihologa konsultācijas personai', 'Psychologist consultations', 30, 14, 'market', 0.7),
	a('A_PHYSIO', 'A1', 'health', 'session', 'Fizioterapeita nodarbības', 'Physiotherapist sessions', 22, 30, 'market', 0.9),
	a('A_OT', 'A1', 'health', 'session', 'Ergoterapeita nodarbības', 'Occupational therapist sessions', 24, 24, 'market', 0.9),
	a('A_SPEECH', 'A1', 'health', 'session', 'Logopēda nodarbības', 'Speech therapist sessions', 22, 24, 'market', 0.3, 'liepaja'),
	a('A_PHYSIO_POOL', 'A1', 'health', 'session', 'Fizioterapija baseinā', 'Physiotherapy in a pool', 20, 30, 'market', 1, 'liepaja'),
	a('A_DIETITIAN', 'A1', 'health', 'session', 'Ārsta dietologa konsultācijas', 'Dietitian consultations', 30, 6, 'market', 1, 'liepaja'),
	a('A_DAY_CARE', 'A1', 'social', 'day', 'Dienas aprūpes centra pakalpojums', 'Day care centre', 18, 180, 'delegation_contract', 1),
	a('A_GROUP_HOME', 'A1', 'social', 'month', 'Grupu mājas (dzīvokļa) pakalpojums', 'Group home (apartment)', 420, 12, 'delegation_contract', 0),
	a('A_FAMILY_ASSIST', 'A1', 'social', 'hour', 'Ģimenes asistenta pakalpojums', 'Family assistant', 7, 150, 'average_new', 0.4),
	a('A_ASSIST', 'A1', 'social', 'hour', 'Asistenta pakalpojums', 'Assistant', 5, 500, 'regulation', 0.2),
	a('A_UNIV_ASSIST', 'A1', 'social', 'hour', 'Universālā asistenta pakalpojums', 'Universal assistant', 6, 400, 'average_new', 0.3),
	a('A_HOME_CARE', 'A1', 'social', 'hour', 'Aprūpes mājās pakalpojums', 'Home care', 6, 500, 'delegation_contract', 0),
	a('A_RESPITE_INST', 'A1', 'social', 'day', 'Atelpas brīža pakalpojums institūcijā', 'Respite care in an institution', 35, 20, 'regulation', 1),
	a('A_RESPITE_HOME', 'A1', 'social', 'day', 'Atelpas brīža pakalpojums mājās (līdz 30 diennaktīm)', 'Respite care at home (up to 30 days)', 45, 20, 'average_new', 0.8),
	a('A_SUPPORT_PERSON', 'A1', 'social', 'hour', 'Atbalsta personas lēmumu pieņemšanā pakalpojums', 'Support person for decision making', 12, 80, 'average_new', 0),
	a('A_IND_PROGRAMME', 'A1', 'social', 'session', 'Individuālā atbalsta programma', 'Individual support programme', 25, 30, 'average_new', 0.6),
	a('A_NSC_PSY', 'A1', 'social', 'session', 'Psihologa konsultācijas personas dabiskajam atbalsta lokam', 'Psychologist for the natural support circle', 30, 10, 'market', 0.6, 'natural_support'),
	a('A_NSC_GROUP', 'A1', 'social', 'session', 'Atbalsta grupas nodarbības personas dabiskajam atbalsta lokam', 'Support groups for the natural support circle', 12, 12, 'market', 1, 'natural_support'),
	a('A_RURAL_REHAB', 'A1', 'social', 'day', 'Sociālās rehabilitācijas pakalpojums lauku vidē', 'Social rehabilitation in a rural setting', 45, 20, 'market', 1, 'liepaja'),
	a('A_WORKSHOP', 'A2', 'education', 'day', 'Specializētās darbnīcas pakalpojums', 'Specialised workshop', 15, 130, 'delegation_contract', 1),
	a('A_GROUP_SESSIONS', 'A2', 'education', 'session', 'Atbalsta grupas un grupu nodarbības personai', 'Support groups and group sessions', 12, 40, 'market', 1),
	a('A_MONTESSORI', 'A2', 'education', 'session', 'Montesori metodikas speciālista nodarbības', 'Montessori specialist sessions', 22, 30, 'market', 1, 'liepaja'),
	a('A_MUSIC', 'A3', 'health', 'session', 'Mūzikas terapijas nodarbības', 'Music therapy sessions', 20, 30, 'market', 1, 'liepaja'),
	a('A_ART', 'A3', 'health', 'session', 'Vizuāli plastiskās mākslas terapijas nodarbības', 'Visual art therapy sessions', 20, 30, 'market', 1, 'liepaja'),
	a('A_TRANSPORT', 'A3', 'other', 'trip', 'Transporta pakalpojumi, t.sk. specializētā transporta', 'Transport, incl. specialised transport', 18, 26, 'market', 0.8)
];

/** Adults' indicative amount, needs group I (basic), EUR per person per month, by care level and residence type. */
export const INDICATIVE_BASIC: Record<string, number> = {
	'1a': 1333, '1b': 1159, '1c': 1605,
	'2a': 1378, '2b': 1208, '2c': 1654,
	'3a': 1615, '3b': 1467, '3c': 1912,
	'4a': 1542, '4b': 1414, '4c': 1614
};
/** Published "total indicative" row (basic + all three supplements at their maximum). */
export const INDICATIVE_TOTAL: Record<string, number> = {
	'1a': 1749, '1b': 1575, '1c': 2021,
	'2a': 1794, '2b': 1624, '2c': 2070,
	'3a': 2031, '3b': 1883, '3c': 2328,
	'4a': 1958, '4b': 1830, '4c': 2030
};
export const SUPPLEMENT_NATURAL_SUPPORT = 61;
export const SUPPLEMENT_MINOR_CHILD = 255;
export const SUPPLEMENT_MOBILITY = 100;

export const RESIDENCE_TYPES = {
	a: { name_en: 'lives alone in own or rented home', name_lv: 'dzīvo viens savā vai īrētā mājoklī' },
	b: { name_en: 'lives with family or relatives', name_lv: 'dzīvo kopā ar ģimeni vai radiniekiem' },
	c: { name_en: 'lives in a group home (apartment) or other supported housing', name_lv: 'dzīvo grupu mājā (dzīvoklī) vai citā atbalstītā mājoklī' }
} as const;
