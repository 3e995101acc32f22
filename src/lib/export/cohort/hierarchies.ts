/**
 * The quasi-identifiers of the export and their generalisation hierarchies:
 * for each, the levels from as recorded to `*` (any), the column it is
 * written as at a level, and a person's value there. A categorical QI that
 * is not checked is exported as recorded (columns.ts takes its level 0).
 */
import { AGE_BANDS_BY_COHORT, type Cohort } from '#lib/filters/filters.ts';
import { ANY, ageBand, toMonth, toQuarter } from '#lib/privacy/anonymise/generalise.ts';
import type { ExportCell, ExportType } from '../export-table.ts';
import type { Person } from './person.ts';
import type { RawParticipant } from './query.ts';
import type { QiName } from './settings.ts';

const SEX = ['F', 'M'];
const HOUSEHOLD: Record<Cohort, string[]> = {
	child: [
		'married_1_child',
		'married_2_children',
		'married_3plus_children',
		'cohabiting_1_child',
		'cohabiting_2_children',
		'cohabiting_3plus_children',
		'single_parent_1_child',
		'single_parent_2_children',
		'single_parent_3plus_children'
	],
	adult: ['alone', 'with_parents', 'with_partner', 'with_relatives', 'group_home']
};
const INCOME = ['none', 'needy', 'low_income'];
const REGIONS = ['Rīga', 'Kurzeme', 'Zemgale', 'Vidzeme', 'Latgale'];

export interface QiDef {
	name: QiName;
	/** Generalisation hierarchy, level by level (for the codebook and the report). */
	levels: string[];
	column(level: number): { name: string; type: ExportType; allowed?: string[] };
	value(person: Person, level: number): ExportCell;
	description: string;
}

/** A categorical QI: its value, or `*` once generalised. */
function categoricalQi(name: QiName, description: string, allowed: string[], get: (p: RawParticipant) => ExportCell, type: ExportType = 'VARCHAR'): QiDef {
	return {
		name,
		levels: ['value', ANY],
		description,
		column: (level) => ({ name, type: level === 0 ? type : 'VARCHAR', allowed: level === 0 ? allowed : [ANY] }),
		value: (x, level) => {
			const v = get(x.p);
			return level === 0 || v === null ? v : ANY;
		}
	};
}

export function qiDefs(cohort: Cohort): Record<QiName, QiDef> {
	const bands = [...AGE_BANDS_BY_COHORT[cohort]];
	return {
		sex: {
			name: 'sex',
			levels: ['F/M', ANY],
			description: 'Sex.',
			column: (l) => ({ name: 'sex', type: 'VARCHAR', allowed: l === 0 ? SEX : [ANY] }),
			value: (x, l) => (l === 0 ? x.p.sex : ANY)
		},
		age: {
			name: 'age',
			levels: ['years', 'band', ANY],
			description: 'Age at entry (full years on the enrolment date).',
			column: (l) =>
				l === 0 ? { name: 'age_at_entry', type: 'INTEGER' } : { name: 'age_band', type: 'VARCHAR', allowed: l === 1 ? bands : [ANY] },
			value: (x, l) => (l === 0 ? x.p.age_at_entry : l === 1 ? ageBand(x.p.age_at_entry, cohort) : ANY)
		},
		place: {
			name: 'place',
			levels: ['municipality', 'region', ANY],
			description: 'Municipality whose social service administers the IB, or its planning region.',
			column: (l) =>
				l === 0 ? { name: 'municipality', type: 'VARCHAR' } : { name: 'region', type: 'VARCHAR', allowed: l === 1 ? REGIONS : [ANY] },
			value: (x, l) => (l === 0 ? x.p.municipality_code : l === 1 ? x.p.region : ANY)
		},
		enrolment: {
			name: 'enrolment',
			levels: ['month', 'quarter', 'year', ANY],
			description: 'When the IB was granted.',
			column: (l) => ({ name: ['enrolled_month', 'enrolled_quarter', 'enrolled_year', 'enrolled_year'][l], type: 'VARCHAR', allowed: l === 3 ? [ANY] : undefined }),
			value: (x, l) => (l === 0 ? toMonth(x.p.enrolled_on) : l === 1 ? toQuarter(x.p.enrolled_on) : l === 2 ? x.p.enrolled_on.slice(0, 4) : ANY)
		},
		household_type: categoricalQi('household_type', 'Household type (children: family type; adults: with whom the person lives).', HOUSEHOLD[cohort], (p) => p.household_type),
		income_status: categoricalQi('income_status', 'Municipal income status: needy (trūcīga), low-income (maznodrošināta) or none.', INCOME, (p) => p.income_status),
		family_structure: categoricalQi('family_structure', "Child's family: two adults or a single parent.", ['two_parent', 'single_parent'], (p) => p.family_structure),
		caregiver_type: categoricalQi('caregiver_type', 'Who raises the child: parents, guardian or foster family.', ['parents', 'guardian', 'foster'], (p) => p.caregiver_type),
		disability_group: categoricalQi('disability_group', 'Disability group (I very severe, II severe).', ['I', 'II'], (p) => p.disability_group),
		care_level: categoricalQi('care_level', 'Care level 1–4 (sets the indicative amount).', ['1', '2', '3', '4'], (p) => p.care_level, 'INTEGER'),
		residence_type: categoricalQi('residence_type', 'Residence type: a alone, b with family or relatives, c group home.', ['a', 'b', 'c'], (p) => p.residence_type)
	};
}
