/**
 * The outcome variables of the participants file: for each variable group
 * the columns it adds (name, type, meaning, allowed values) and how a
 * person's value is read. The background attributes are not here
 * (hierarchies.ts): they come first, and all of them are quasi-identifiers.
 */
import type { Cohort } from '#lib/filters/filters.ts';
import { monthsSince, roundAmount, roundSignificant, toMonth } from '#lib/privacy/anonymise/generalise.ts';
import type { ExportCell, ExportColumn, ExportType } from '../export-table.ts';
import type { Person } from './person.ts';
import type { RawData, RawDimension, RawGoals } from './query.ts';
import { groupAvailable, type CostStep, type DateMode, type ExportSettings } from './settings.ts';

const EMPLOYMENT_STATUSES = ['permanent_full_time', 'temporary_full_time', 'part_time', 'volunteer_public_works', 'not_employed'];
const SERVICE_GROUPS = ['social', 'health', 'education', 'other'] as const;

interface VariableDef extends Omit<ExportColumn, 'quasiIdentifier' | 'sensitive'> {
	get(person: Person): ExportCell;
	/** May serve as the l-diversity sensitive variable. */
	categorical?: boolean;
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

/** Significant digits units keep when costs are rounded. */
const UNIT_DIGITS = 2;

function serviceVars(step: CostStep): VariableDef[] {
	const g = 'services';
	const cost = (x: number) => roundAmount(x, step);
	const units = (x: number) => (step > 0 ? roundSignificant(x, UNIT_DIGITS) : x);
	const costNote = step > 0 ? `rounded to the nearest ${step} EUR (a paid amount never to 0)` : 'exact to the cent';
	const unitNote = step > 0 ? `, to ${UNIT_DIGITS} significant digits` : '';
	const vars: VariableDef[] = [];
	for (const group of SERVICE_GROUPS) {
		vars.push(
			{ name: `cost_${group}_eur`, type: 'DOUBLE', group: g, description: `Paid cost of ${group} services, EUR, ${costNote} (0 if none).`, get: (x) => cost(x.services.get(group)?.cost_eur ?? 0) },
			{
				name: `units_${group}`,
				type: 'DOUBLE',
				group: g,
				description: `Units of ${group} services (hours, sessions, days, trips or months by service)${unitNote}.`,
				get: (x) => units(x.services.get(group)?.units ?? 0)
			}
		);
	}
	vars.push(
		{
			name: 'cost_total_eur',
			type: 'DOUBLE',
			group: g,
			description: `Paid cost of all services, EUR, ${costNote} (rounded from the exact total, so it may differ from the sum of the rounded groups).`,
			get: (x) => cost([...x.services.values()].reduce((a, s) => a + s.cost_eur, 0)),
			categorical: true
		},
		{ name: 'units_total', type: 'DOUBLE', group: g, description: `Units of all services${unitNote}.`, get: (x) => units([...x.services.values()].reduce((a, s) => a + s.units, 0)) }
	);
	return vars;
}

/** Outcome variables of the chosen groups, in export order. */
export function variables(raw: RawData, s: ExportSettings): VariableDef[] {
	const groups = new Set(s.groups.filter((g) => groupAvailable(g, raw.cohort)));
	return [
		...(groups.has('goals') ? goalVars(raw.domains) : []),
		...(groups.has('assessments') && s.assessmentLayout === 'wide' ? assessmentWideVars(raw, s.dates) : []),
		...(groups.has('employment') ? employmentVars() : []),
		...(groups.has('services') ? serviceVars(s.costStep) : [])
	];
}

/**
 * Variables that can serve as the l-diversity sensitive variable: released
 * categorical outcomes (employment, the total cost). Background attributes
 * cannot: they are all quasi-identifiers, known to an attacker by assumption.
 */
export function sensitiveCandidates(cohort: Cohort, s: Pick<ExportSettings, 'groups'>): string[] {
	const groups = new Set(s.groups);
	const out: string[] = [];
	if (groups.has('employment') && cohort === 'adult') out.push(...employmentVars().map((v) => v.name));
	if (groups.has('services')) out.push('cost_total_eur');
	return out;
}
