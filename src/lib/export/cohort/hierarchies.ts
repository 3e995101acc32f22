/**
 * The background attributes of the export and their generalisation
 * hierarchies: for each, the levels from as recorded to `*` (any), the
 * column it is written as at a level, and a participant's value there.
 * Every released background attribute is a quasi-identifier: an attacker
 * may know any of them (a neighbour knows the household, a social worker
 * the care level), so k must hold on all of them together.
 */
import { AGE_BANDS_BY_COHORT, type Cohort } from '#lib/filters/filters.ts';
import { ANY, ageBand, monthBand, monthsSince, toMonth, toQuarter } from '#lib/privacy/anonymise/generalise.ts';
import type { ExportCell, ExportType } from '../export-table.ts';
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
const EXIT_REASONS = ['completed', 'withdrew_before_services', 'withdrew', 'moved', 'died', 'other'];
const INCOME = ['none', 'needy', 'low_income'];
const REGIONS = ['Rīga', 'Kurzeme', 'Zemgale', 'Vidzeme', 'Latgale'];
/** Time in the programme is banded in half-years: 13 and 14 months both read 12-17. */
const DURATION_BAND = 6;

export interface QiColumn {
	name: string;
	type: ExportType;
	allowed?: string[];
}

export interface QiDef {
	name: QiName;
	/** Generalisation hierarchy, level by level (for the codebook and the report); the last is `*`. */
	levels: string[];
	column(level: number): QiColumn;
	value(p: RawParticipant, level: number): ExportCell;
	description: string;
}

/**
 * A categorical attribute: its value, optionally a coarser grouping, then `*`.
 * Missing stays missing below the top; at `*` every record reads `*` (so the
 * top level says nothing, not even "missing").
 */
function categorical(
	name: QiName,
	description: string,
	allowed: string[],
	get: (p: RawParticipant) => ExportCell,
	opts: { type?: ExportType; group?: { allowed: string[]; of: (v: ExportCell) => ExportCell } } = {}
): QiDef {
	const levels = opts.group ? ['value', 'grouped', ANY] : ['value', ANY];
	const top = levels.length - 1;
	return {
		name,
		levels,
		description,
		column: (level) => ({
			name,
			type: level === 0 ? (opts.type ?? 'VARCHAR') : 'VARCHAR',
			allowed: level === top ? [ANY] : level === 1 && opts.group ? opts.group.allowed : allowed.length ? allowed : undefined
		}),
		value: (p, level) => {
			if (level >= top) return ANY;
			const v = get(p);
			return level === 0 || v === null ? v : opts.group!.of(v);
		}
	};
}

const flag = (name: QiName, description: string, get: (p: RawParticipant) => boolean | null) =>
	categorical(name, description, [], get, { type: 'BOOLEAN' });

/** A date attribute in month mode: month, quarter, year, `*` (never the day). */
function dateQi(name: QiName, stem: string, description: string, get: (p: RawParticipant) => string | null): QiDef {
	return {
		name,
		levels: ['month', 'quarter', 'year', ANY],
		description,
		column: (l) => ({ name: `${stem}_${['month', 'quarter', 'year', 'year'][l]}`, type: 'VARCHAR', allowed: l === 3 ? [ANY] : undefined }),
		value: (p, l) => {
			if (l >= 3) return ANY;
			const d = get(p);
			return l === 0 ? toMonth(d) : l === 1 ? toQuarter(d) : d ? d.slice(0, 4) : null;
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
			value: (p, l) => (l === 0 ? p.sex : ANY)
		},
		age: {
			name: 'age',
			levels: ['years', 'band', ANY],
			description: 'Age at entry (full years on the enrolment date), or its age band.',
			column: (l) => (l === 0 ? { name: 'age_at_entry', type: 'INTEGER' } : { name: 'age_band', type: 'VARCHAR', allowed: l === 1 ? bands : [ANY] }),
			value: (p, l) => (l === 0 ? p.age_at_entry : l === 1 ? ageBand(p.age_at_entry, cohort) : ANY)
		},
		place: {
			name: 'place',
			levels: ['municipality', 'region', ANY],
			description: 'Municipality whose social service administers the IB, or its planning region.',
			column: (l) => (l === 0 ? { name: 'municipality', type: 'VARCHAR' } : { name: 'region', type: 'VARCHAR', allowed: l === 1 ? REGIONS : [ANY] }),
			value: (p, l) => (l === 0 ? p.municipality_code : l === 1 ? p.region : ANY)
		},
		programme: categorical('programme', 'Programme (pilot) code.', [], (p) => p.programme),
		duration: {
			name: 'duration',
			levels: ['months', 'half-years', ANY],
			description: `Whole months from enrolment to the end of participation, or its band of ${DURATION_BAND} months (no calendar dates are exported).`,
			column: (l) =>
				l === 0 ? { name: 'months_in_programme', type: 'INTEGER' } : { name: 'months_in_programme_band', type: 'VARCHAR', allowed: l === 2 ? [ANY] : undefined },
			value: (p, l) => {
				if (l >= 2) return ANY;
				const m = monthsSince(p.enrolled_on, p.exited_on);
				return l === 0 ? m : monthBand(m, DURATION_BAND);
			}
		},
		enrolment: dateQi('enrolment', 'enrolled', 'When the IB was granted.', (p) => p.enrolled_on),
		exit: dateQi('exit', 'exited', 'When participation ended (empty while still participating).', (p) => p.exited_on),
		exit_reason: categorical('exit_reason', 'Why participation ended; empty while still participating. Grouped: completed or ended_early.', EXIT_REASONS, (p) => p.exit_reason, {
			group: { allowed: ['completed', 'ended_early'], of: (v) => (v === 'completed' ? 'completed' : 'ended_early') }
		}),
		household_type: categorical(
			'household_type',
			cohort === 'child'
				? 'Household type (family type and number of children). Grouped: married, cohabiting or single_parent.'
				: 'With whom the person lives. Grouped: alone, with_family or group_home.',
			HOUSEHOLD[cohort],
			(p) => p.household_type,
			{
				group:
					cohort === 'child'
						? { allowed: ['married', 'cohabiting', 'single_parent'], of: (v) => String(v).replace(/_\d.*$/, '') }
						: { allowed: ['alone', 'with_family', 'group_home'], of: (v) => (v === 'alone' || v === 'group_home' ? v : 'with_family') }
			}
		),
		income_status: categorical('income_status', 'Municipal income status: needy (trūcīga), low-income (maznodrošināta) or none. Grouped: none or supported.', INCOME, (p) => p.income_status, {
			group: { allowed: ['none', 'supported'], of: (v) => (v === 'none' ? 'none' : 'supported') }
		}),
		family_structure: categorical('family_structure', "Child's family: two adults or a single parent.", ['two_parent', 'single_parent'], (p) => p.family_structure),
		caregiver_type: categorical('caregiver_type', 'Who raises the child: parents, guardian or foster family. Grouped: parents or other.', ['parents', 'guardian', 'foster'], (p) => p.caregiver_type, {
			group: { allowed: ['parents', 'other'], of: (v) => (v === 'parents' ? 'parents' : 'other') }
		}),
		impairment_vision: flag('impairment_vision', 'Vision impairment (FT type).', (p) => p.impairment_vision),
		impairment_hearing: flag('impairment_hearing', 'Hearing impairment.', (p) => p.impairment_hearing),
		impairment_mobility: flag('impairment_mobility', 'Mobility impairment.', (p) => p.impairment_mobility),
		impairment_mental: flag('impairment_mental', 'Mental (intellectual/psychiatric, incl. autism spectrum) impairment.', (p) => p.impairment_mental),
		disability_group: categorical('disability_group', 'Disability group (I very severe, II severe).', ['I', 'II'], (p) => p.disability_group),
		care_level: categorical('care_level', 'Care level 1–4 (sets the indicative amount). Grouped: 1-2 or 3-4.', ['1', '2', '3', '4'], (p) => p.care_level, {
			type: 'INTEGER',
			group: { allowed: ['1-2', '3-4'], of: (v) => (Number(v) <= 2 ? '1-2' : '3-4') }
		}),
		residence_type: categorical('residence_type', 'Residence type: a alone, b with family or relatives, c group home.', ['a', 'b', 'c'], (p) => p.residence_type),
		needs_natural_support: flag('needs_natural_support', 'Needs group II: the natural support circle needs support.', (p) => p.needs_natural_support),
		needs_minor_child: flag('needs_minor_child', 'Needs group III: support caring for a minor child.', (p) => p.needs_minor_child),
		needs_mobility: flag('needs_mobility', 'Needs group IV: mobility for plan services.', (p) => p.needs_mobility),
		left_institution: flag('left_institution', 'Moved out of a state social care centre (VSAC) under DI.', (p) => p.left_institution)
	};
}
