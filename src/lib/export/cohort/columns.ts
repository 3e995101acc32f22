/**
 * The variable catalogue of the participants file: for each variable group
 * the columns it adds (name, type, meaning, allowed values) and how a
 * person's value is read. The QIs are not here (hierarchies.ts): they come
 * first and are generalised; an unchecked categorical QI is listed here as
 * an ordinary attribute.
 */
import type { Cohort } from '#lib/filters/filters.ts';
import { monthsSince, toMonth } from '#lib/privacy/anonymise/generalise.ts';
import type { ExportCell, ExportColumn, ExportType } from '../export-table.ts';
import { qiDefs } from './hierarchies.ts';
import type { Person } from './person.ts';
import type { RawData, RawDimension, RawGoals } from './query.ts';
import { groupAvailable, qiAvailable, type DateMode, type ExportSettings, type QiName } from './settings.ts';

const EXIT_REASONS = ['completed', 'withdrew_before_services', 'withdrew', 'moved', 'died', 'other'];
const EMPLOYMENT_STATUSES = ['permanent_full_time', 'temporary_full_time', 'part_time', 'volunteer_public_works', 'not_employed'];
const SERVICE_GROUPS = ['social', 'health', 'education', 'other'] as const;

interface VariableDef extends Omit<ExportColumn, 'quasiIdentifier' | 'sensitive'> {
	get(person: Person): ExportCell;
	/** May serve as the l-diversity sensitive variable. */
	categorical?: boolean;
}

const b = (group: string, name: string, description: string, get: (x: Person) => ExportCell): VariableDef => ({ name, type: 'BOOLEAN', group, description, get, categorical: true });

/** Attribute variables (without the QIs, which come first and are generalised). */
function attributeVars(cohort: Cohort, dates: DateMode, qis: Set<QiName>): VariableDef[] {
	const g = 'attributes';
	const vars: VariableDef[] = [
		{ name: 'programme', type: 'VARCHAR', group: g, description: 'Programme (pilot) code.', get: (x) => x.p.programme },
		{ name: 'exit_reason', type: 'VARCHAR', group: g, description: 'Why participation ended; empty while still participating.', allowed: EXIT_REASONS, get: (x) => x.p.exit_reason, categorical: true }
	];
	if (dates === 'month') {
		if (!qis.has('enrolment'))
			vars.push({ name: 'enrolled_month', type: 'VARCHAR', group: g, description: 'Month the IB was granted (YYYY-MM).', get: (x) => toMonth(x.p.enrolled_on) });
		vars.push({ name: 'exited_month', type: 'VARCHAR', group: g, description: 'Month participation ended (YYYY-MM).', get: (x) => toMonth(x.p.exited_on) });
	} else {
		vars.push({
			name: 'months_in_programme',
			type: 'INTEGER',
			group: g,
			description: 'Whole months from enrolment to the end of participation (no calendar dates are exported).',
			get: (x) => monthsSince(x.p.enrolled_on, x.p.exited_on)
		});
	}
	const defs = qiDefs(cohort);
	// A categorical QI that is not checked: its recorded value (level 0 of its hierarchy).
	const cat = (name: QiName) => {
		if (qis.has(name)) return;
		const { type, allowed } = defs[name].column(0);
		vars.push({ name, type, group: g, description: defs[name].description, allowed, get: (x) => defs[name].value(x, 0), categorical: true });
	};
	cat('household_type');
	cat('income_status');
	if (cohort === 'child') {
		cat('family_structure');
		cat('caregiver_type');
		vars.push(
			b(g, 'impairment_vision', 'Vision impairment (FT type).', (x) => x.p.impairment_vision),
			b(g, 'impairment_hearing', 'Hearing impairment.', (x) => x.p.impairment_hearing),
			b(g, 'impairment_mobility', 'Mobility impairment.', (x) => x.p.impairment_mobility),
			b(g, 'impairment_mental', 'Mental (intellectual/psychiatric, incl. autism spectrum) impairment.', (x) => x.p.impairment_mental)
		);
	} else {
		cat('disability_group');
		cat('care_level');
		cat('residence_type');
		vars.push(
			b(g, 'needs_natural_support', 'Needs group II: the natural support circle needs support.', (x) => x.p.needs_natural_support),
			b(g, 'needs_minor_child', 'Needs group III: support caring for a minor child.', (x) => x.p.needs_minor_child),
			b(g, 'needs_mobility', 'Needs group IV: mobility for plan services.', (x) => x.p.needs_mobility),
			b(g, 'left_institution', 'Moved out of a state social care centre (VSAC) under DI.', (x) => x.p.left_institution)
		);
	}
	return vars;
}

function goalVars(domains: RawData['domains']): VariableDef[] {
	const g = 'goals';
	const vars: VariableDef[] = [];
	const parts: [string, keyof RawGoals, string, ExportType][] = [
		['n', 'goals', 'goals set', 'INTEGER'],
		['achieved', 'achieved', 'goals achieved (1)', 'INTEGER'],
		['partly', 'partly', 'goals partly achieved (0.5)', 'INTEGER'],
		['not', 'not_achieved', 'goals not achieved (0)', 'INTEGER'],
		['score', 'score', 'attainment score = achieved + 0.5 × partly', 'DOUBLE']
	];
	for (const d of domains) {
		for (const [suffix, field, what, type] of parts) {
			vars.push({
				name: `goals_${d.code.toLowerCase()}_${suffix}`,
				type,
				group: g,
				description: `Plan domain ${d.code} (${d.name_en}): ${what}.`,
				get: (x) => (x.goals.get(d.code)?.[field] as number | undefined) ?? 0
			});
		}
	}
	for (const [suffix, field, what, type] of parts) {
		vars.push({
			name: `goals_${suffix}`,
			type,
			group: g,
			description: `All plan domains: ${what}.`,
			get: (x) => {
				let s = 0;
				for (const r of x.goals.values()) s += r[field] as number;
				return s;
			}
		});
	}
	return vars;
}

const WAVE_SUFFIX: Record<string, string> = { baseline: 'b', followup: 'f' };

/** (instrument, informant, wave) blocks and their dimensions present in the data, in a stable order. */
function assessmentBlocks(raw: RawData): { instrument: string; informant: string; wave: string; dims: RawDimension[] }[] {
	const present = new Set(raw.assessments.map((a) => `${a.instrument}|${a.informant}|${a.wave}|${a.dimension_code}`));
	const combos = [...new Set(raw.assessments.map((a) => `${a.instrument}|${a.informant}|${a.wave}`))].sort();
	return combos.map((c) => {
		const [instrument, informant, wave] = c.split('|');
		const dims = raw.dimensions.filter((d) => d.instrument === instrument && present.has(`${c}|${d.dimension_code}`));
		return { instrument, informant, wave, dims };
	});
}

function scaleNote(d: RawDimension): string {
	switch (d.scoring_method) {
		case 'icf_qualifier':
			return 'ICF qualifier 0 no … 4 complete difficulty (lower is better); 8 not specified, 9 not applicable (exclude from change)';
		case 'rasch_t':
			return 'Rasch T-score (European norm mean 50, SD 10; higher is better)';
		case 'item_mean':
			return `mean of ${d.items ?? '?'} items rated 1–5 (higher is better)`;
		case 'change_rating':
			return 'change rating −1 worse, 0 same, +1 better (follow-up only)';
		default:
			return d.scoring_method;
	}
}

function assessmentWideVars(raw: RawData, dates: DateMode): VariableDef[] {
	const g = 'assessments';
	const vars: VariableDef[] = [];
	for (const block of assessmentBlocks(raw)) {
		const w = WAVE_SUFFIX[block.wave];
		const prefix = `${block.instrument}_${block.informant}`;
		const find = (x: Person) => x.assessments.filter((a) => a.instrument === block.instrument && a.informant === block.informant && a.wave === block.wave);
		vars.push({
			name: dates === 'month' ? `${prefix}_${w}_month` : `${prefix}_${w}_months`,
			type: dates === 'month' ? 'VARCHAR' : 'INTEGER',
			group: g,
			description:
				dates === 'month'
					? `${block.instrument}, ${block.informant}, ${block.wave}: month assessed (YYYY-MM).`
					: `${block.instrument}, ${block.informant}, ${block.wave}: whole months from enrolment to the assessment.`,
			get: (x) => {
				const dates_ = find(x).map((a) => a.assessed_on).sort();
				if (!dates_.length) return null;
				return dates === 'month' ? toMonth(dates_[0]) : monthsSince(x.p.enrolled_on, dates_[0]);
			}
		});
		for (const d of block.dims) {
			vars.push({
				name: `${prefix}_${d.dimension_code}_${w}`,
				type: 'DOUBLE',
				group: g,
				description: `${block.instrument}, ${block.informant}, ${block.wave}: ${d.name_en} — ${scaleNote(d)}.`,
				get: (x) => find(x).find((a) => a.dimension_code === d.dimension_code)?.score ?? null
			});
		}
	}
	return vars;
}

function employmentVars(): VariableDef[] {
	const g = 'employment';
	return (['baseline', 'followup'] as const).map((wave) => ({
		name: `employment_${wave}`,
		type: 'VARCHAR' as const,
		group: g,
		description:
			wave === 'baseline' ? 'Employment status before the programme.' : 'Employment status during/at the end of the programme.',
		allowed: EMPLOYMENT_STATUSES,
		categorical: true,
		get: (x: Person) => x.employment.get(wave) ?? null
	}));
}

const cents = (x: number) => Math.round(x * 100) / 100;

function serviceVars(): VariableDef[] {
	const g = 'services';
	const vars: VariableDef[] = [];
	for (const group of SERVICE_GROUPS) {
		vars.push(
			{ name: `cost_${group}_eur`, type: 'DOUBLE', group: g, description: `Paid cost of ${group} services, EUR (0 if none).`, get: (x) => cents(x.services.get(group)?.cost_eur ?? 0) },
			{ name: `units_${group}`, type: 'DOUBLE', group: g, description: `Units of ${group} services (hours, sessions, days, trips or months by service).`, get: (x) => x.services.get(group)?.units ?? 0 }
		);
	}
	vars.push(
		{ name: 'cost_total_eur', type: 'DOUBLE', group: g, description: 'Paid cost of all services, EUR.', get: (x) => cents([...x.services.values()].reduce((a, s) => a + s.cost_eur, 0)) },
		{ name: 'units_total', type: 'DOUBLE', group: g, description: 'Units of all services.', get: (x) => [...x.services.values()].reduce((a, s) => a + s.units, 0) }
	);
	return vars;
}

/** Non-QI variables of the chosen groups, in export order. */
export function variables(raw: RawData, s: ExportSettings, qis: Set<QiName>): VariableDef[] {
	const groups = new Set(s.groups.filter((g) => groupAvailable(g, raw.cohort)));
	return [
		...(groups.has('attributes') ? attributeVars(raw.cohort, s.dates, qis) : []),
		...(groups.has('goals') ? goalVars(raw.domains) : []),
		...(groups.has('assessments') && s.assessmentLayout === 'wide' ? assessmentWideVars(raw, s.dates) : []),
		...(groups.has('employment') ? employmentVars() : []),
		...(groups.has('services') ? serviceVars() : [])
	];
}

/** Variables that can serve as the l-diversity sensitive variable with these settings. */
export function sensitiveCandidates(cohort: Cohort, s: Pick<ExportSettings, 'groups' | 'quasiIdentifiers' | 'dates'>): string[] {
	const qis = new Set(s.quasiIdentifiers.filter((q) => qiAvailable(q, cohort, s.dates)));
	const groups = new Set(s.groups);
	const vars = [
		...(groups.has('attributes') ? attributeVars(cohort, s.dates, qis) : []),
		...(groups.has('employment') && cohort === 'adult' ? employmentVars() : [])
	];
	return vars.filter((v) => v.categorical).map((v) => v.name);
}
