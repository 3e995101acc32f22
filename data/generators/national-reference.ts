/**
 * Reference data for the synthetic national roll-out dataset (issue 7):
 * the 43 municipalities since the 2021 reform with planning regions and
 * population weights, and per-service volumes for session-level service rows.
 * All numbers are plausible choices for scale tests, not published figures.
 */
import type { Municipality } from './reference.ts';

/** A post-2021 municipality with an approximate population in thousands (allocation weight). */
export interface NationalMunicipality extends Municipality {
	population_k: number;
}

const m = (
	code: string, name_lv: string, name_en: string, kind: 'city' | 'county',
	region: Municipality['region'], population_k: number
): NationalMunicipality => ({ code, name_lv, name_en, kind, region, successor_2021_lv: name_lv, population_k });

/**
 * The 43 municipalities since 1 July 2021 (7 state cities with their own
 * municipality, 36 counties), grouped by planning region. Codes follow the
 * pilot's mnemonic style (NAME_C city, NAME_N county; ASCII letters only).
 * Region assignment follows the pilot data where they overlap (Ogre → Rīga,
 * Tukums → Zemgale); Limbaži is put in Vidzeme, Varakļāni in Latgale.
 */
export const NATIONAL_MUNICIPALITIES: NationalMunicipality[] = [
	// Rīga planning region (11)
	m('RIGA_C', 'Rīgas valstspilsēta', 'Riga city', 'city', 'Rīga', 605),
	m('JURMALA_C', 'Jūrmalas valstspilsēta', 'Jūrmala city', 'city', 'Rīga', 50),
	m('ADAZI_N', 'Ādažu novads', 'Ādaži county', 'county', 'Rīga', 12),
	m('KEKAVA_N', 'Ķekavas novads', 'Ķekava county', 'county', 'Rīga', 30),
	m('MARUPE_N', 'Mārupes novads', 'Mārupe county', 'county', 'Rīga', 35),
	m('OGRE_N', 'Ogres novads', 'Ogre county', 'county', 'Rīga', 56),
	m('OLAINE_N', 'Olaines novads', 'Olaine county', 'county', 'Rīga', 20),
	m('ROPAZI_N', 'Ropažu novads', 'Ropaži county', 'county', 'Rīga', 19),
	m('SALASPILS_N', 'Salaspils novads', 'Salaspils county', 'county', 'Rīga', 23),
	m('SAULKRASTI_N', 'Saulkrastu novads', 'Saulkrasti county', 'county', 'Rīga', 6),
	m('SIGULDA_N', 'Siguldas novads', 'Sigulda county', 'county', 'Rīga', 31),
	// Kurzeme (7)
	m('LIEPAJA_C', 'Liepājas valstspilsēta', 'Liepāja city', 'city', 'Kurzeme', 67),
	m('VENTSPILS_C', 'Ventspils valstspilsēta', 'Ventspils city', 'city', 'Kurzeme', 33),
	m('DIENVIDKURZEME_N', 'Dienvidkurzemes novads', 'South Kurzeme county', 'county', 'Kurzeme', 32),
	m('KULDIGA_N', 'Kuldīgas novads', 'Kuldīga county', 'county', 'Kurzeme', 30),
	m('SALDUS_N', 'Saldus novads', 'Saldus county', 'county', 'Kurzeme', 28),
	m('TALSI_N', 'Talsu novads', 'Talsi county', 'county', 'Kurzeme', 40),
	m('VENTSPILS_N', 'Ventspils novads', 'Ventspils county', 'county', 'Kurzeme', 11),
	// Zemgale (7)
	m('JELGAVA_C', 'Jelgavas valstspilsēta', 'Jelgava city', 'city', 'Zemgale', 55),
	m('AIZKRAUKLE_N', 'Aizkraukles novads', 'Aizkraukle county', 'county', 'Zemgale', 30),
	m('BAUSKA_N', 'Bauskas novads', 'Bauska county', 'county', 'Zemgale', 42),
	m('DOBELE_N', 'Dobeles novads', 'Dobele county', 'county', 'Zemgale', 29),
	m('JELGAVA_N', 'Jelgavas novads', 'Jelgava county', 'county', 'Zemgale', 33),
	m('JEKABPILS_N', 'Jēkabpils novads', 'Jēkabpils county', 'county', 'Zemgale', 41),
	m('TUKUMS_N', 'Tukuma novads', 'Tukums county', 'county', 'Zemgale', 42),
	// Vidzeme (8)
	m('ALUKSNE_N', 'Alūksnes novads', 'Alūksne county', 'county', 'Vidzeme', 14),
	m('CESIS_N', 'Cēsu novads', 'Cēsis county', 'county', 'Vidzeme', 40),
	m('GULBENE_N', 'Gulbenes novads', 'Gulbene county', 'county', 'Vidzeme', 19),
	m('LIMBAZI_N', 'Limbažu novads', 'Limbaži county', 'county', 'Vidzeme', 32),
	m('MADONA_N', 'Madonas novads', 'Madona county', 'county', 'Vidzeme', 31),
	m('SMILTENE_N', 'Smiltenes novads', 'Smiltene county', 'county', 'Vidzeme', 19),
	m('VALKA_N', 'Valkas novads', 'Valka county', 'county', 'Vidzeme', 8),
	m('VALMIERA_N', 'Valmieras novads', 'Valmiera county', 'county', 'Vidzeme', 50),
	// Latgale (10)
	m('DAUGAVPILS_C', 'Daugavpils valstspilsēta', 'Daugavpils city', 'city', 'Latgale', 79),
	m('REZEKNE_C', 'Rēzeknes valstspilsēta', 'Rēzekne city', 'city', 'Latgale', 27),
	m('AUGSDAUGAVA_N', 'Augšdaugavas novads', 'Augšdaugava county', 'county', 'Latgale', 24),
	m('BALVI_N', 'Balvu novads', 'Balvi county', 'county', 'Latgale', 19),
	m('KRASLAVA_N', 'Krāslavas novads', 'Krāslava county', 'county', 'Latgale', 21),
	m('LIVANI_N', 'Līvānu novads', 'Līvāni county', 'county', 'Latgale', 11),
	m('LUDZA_N', 'Ludzas novads', 'Ludza county', 'county', 'Latgale', 22),
	m('PREILI_N', 'Preiļu novads', 'Preiļi county', 'county', 'Latgale', 17),
	m('REZEKNE_N', 'Rēzeknes novads', 'Rēzekne county', 'county', 'Latgale', 27),
	m('VARAKLANI_N', 'Varakļānu novads', 'Varakļāni county', 'county', 'Latgale', 3)
];

/**
 * Children and adults of the national estimate (domain.md: 2,497 children;
 * adults variant 2, 8,574): the child share of `--participants`.
 */
export const NATIONAL_CHILDREN = 2497;
export const NATIONAL_ADULTS = 8574;

/**
 * Session-level volumes per service: `users` = share of the cohort (among the
 * eligible) that has the service in its plan; `per_month` = service rows
 * (sessions, days, trips) per user per month; `hours` = mean hours per row
 * for hourly services (1 for the other units). Tuned so that 11,000
 * participants × 12 months give about 6 million rows (≈ 45 per person-month).
 */
export const SERVICE_VOLUME: Record<string, { users: number; per_month: number; hours?: number }> = {
	C_PARENT_PSY: { users: 0.5, per_month: 2 },
	C_THERAPLAY: { users: 0.15, per_month: 2 },
	C_PARENT_GROUP: { users: 0.35, per_month: 2 },
	C_FAMILY_ASSIST: { users: 0.12, per_month: 12, hours: 2 },
	C_RESPITE_INST: { users: 0.1, per_month: 3 },
	C_RESPITE_HOME: { users: 0.2, per_month: 4, hours: 4 },
	C_COMPANION: { users: 0.2, per_month: 16, hours: 2 },
	C_UNIV_ASSIST: { users: 0.2, per_month: 18, hours: 3 },
	C_HOME_CARE: { users: 0.45, per_month: 20, hours: 3 },
	C_TRANSPORT: { users: 0.7, per_month: 3 },
	C_SPEC_TRANSPORT: { users: 0.3, per_month: 2 },
	C_OTHER_FAMILY: { users: 0.1, per_month: 1 },
	C_PSY: { users: 0.45, per_month: 3 },
	C_SAND: { users: 0.2, per_month: 3 },
	C_ABA: { users: 0.12, per_month: 8 },
	C_PHYSIO: { users: 0.75, per_month: 6 },
	C_OT: { users: 0.6, per_month: 5 },
	C_SPEECH: { users: 0.55, per_month: 6 },
	C_CANIS: { users: 0.35, per_month: 3 },
	C_HIPPO: { users: 0.2, per_month: 3 },
	C_CHILD_GROUP: { users: 0.35, per_month: 4 },
	C_EARLY_CORR: { users: 0.2, per_month: 4 },
	C_MONTESSORI: { users: 0.25, per_month: 4 },
	C_WORKSHOP: { users: 0.05, per_month: 12 },
	C_DAY_CARE: { users: 0.2, per_month: 16 },
	C_VISION_RES: { users: 0.4, per_month: 4 },
	C_VISION_DAY: { users: 0.8, per_month: 3 },
	C_SIGN_LANG: { users: 0.8, per_month: 4 },
	C_HEARING_COMM: { users: 0.5, per_month: 3 },
	C_HEARING_ADAPT: { users: 0.4, per_month: 2 },
	C_HEARING_SOCIAL: { users: 0.3, per_month: 2, hours: 1 },
	C_INTERPRETER: { users: 0.4, per_month: 3, hours: 2 },
	C_OTHER_CHILD: { users: 0.25, per_month: 1 },
	A_SPEC_PSY: { users: 0.4, per_month: 2 },
	A_PHYSIO: { users: 0.45, per_month: 6 },
	A_OT: { users: 0.25, per_month: 4 },
	A_SPEECH: { users: 0.12, per_month: 4 },
	A_PHYSIO_POOL: { users: 0.15, per_month: 4 },
	A_DIETITIAN: { users: 0.05, per_month: 1 },
	A_DAY_CARE: { users: 0.35, per_month: 16 },
	A_GROUP_HOME: { users: 0.04, per_month: 1 },
	A_FAMILY_ASSIST: { users: 0.08, per_month: 10, hours: 2 },
	A_ASSIST: { users: 0.3, per_month: 20, hours: 3 },
	A_UNIV_ASSIST: { users: 0.12, per_month: 18, hours: 3 },
	A_HOME_CARE: { users: 0.2, per_month: 20, hours: 2 },
	A_RESPITE_INST: { users: 0.05, per_month: 3 },
	A_RESPITE_HOME: { users: 0.05, per_month: 3 },
	A_SUPPORT_PERSON: { users: 0.25, per_month: 4, hours: 2 },
	A_IND_PROGRAMME: { users: 0.1, per_month: 4 },
	A_NSC_PSY: { users: 0.4, per_month: 1 },
	A_NSC_GROUP: { users: 0.3, per_month: 2 },
	A_RURAL_REHAB: { users: 0.03, per_month: 3 },
	A_WORKSHOP: { users: 0.6, per_month: 14 },
	A_GROUP_SESSIONS: { users: 0.5, per_month: 6 },
	A_MONTESSORI: { users: 0.12, per_month: 4 },
	A_MUSIC: { users: 0.15, per_month: 4 },
	A_ART: { users: 0.12, per_month: 4 },
	A_TRANSPORT: { users: 0.4, per_month: 8 }
};
