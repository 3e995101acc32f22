/**
 * Cost per participant by service group, in the layout of the published pilot
 * cost tables, plus monthly cost over the service period.
 *
 * Definitions read off the published tables:
 * - EUR per unit = cost / service units;
 * - EUR per participant = cost / unique participants with paid services in the group;
 * - EUR per participant per month = EUR per participant / divisor, where the
 *   divisor is the programme's `reporting_months` (12 for both pilots, although
 *   adults' services ran 15 months) — or, when the period filter is set, the
 *   number of the programme's service months inside the selected period;
 * - the Total row counts *distinct* participants overall, not a sum of the groups;
 * - "Total with needs assessment (training/consultation) and municipal costs"
 *   adds the `overheads` table.
 *
 * Overheads are recorded per municipality. With a municipality or region filter
 * only those municipalities' overheads are added. They cannot be split by
 * person or by month, so with a sex, age or period filter the "total with"
 * row is omitted (not pro-rated: any split would be an assumption, and the
 * view says so).
 */
import { query, type Engine, type SqlParam } from '#lib/db/engine.ts';
import type { Cohort, Filters } from '#lib/filters/filters.ts';
import { SELECTED_PARTICIPANTS_SQL, SERVICE_PERIOD_SQL, filterParams, periodParams } from './filter-sql.ts';

export type ServiceGroup = 'social' | 'health' | 'education' | 'other';

/** Row order of the published tables: children Other, Education, Social, Health; adults by cost. */
export const GROUP_ORDER: Record<Cohort, ServiceGroup[]> = {
	child: ['other', 'education', 'social', 'health'],
	adult: ['social', 'health', 'education', 'other']
};

/** Cost, units and unique participants per service group; `service_group` null = total (distinct participants). */
export const COST_BY_GROUP_SQL = `
WITH sel AS (${SELECTED_PARTICIPANTS_SQL}),
pg AS (
	-- Per person and group first (costs are never negative, so "cost > 0" of a person's
	-- sum is "some paid service"): the distinct count then runs on a few rows per person.
	SELECT s.participant_id, c.service_group, sum(s.cost_eur) AS cost_eur, sum(s.units) AS units
	FROM services s
	JOIN sel ON sel.participant_id = s.participant_id
	JOIN service_catalogue c ON c.service_code = s.service_code
	WHERE ${SERVICE_PERIOD_SQL}
	GROUP BY ALL
), agg AS (
	SELECT service_group,
		coalesce(round(sum(cost_eur), 2), 0)::DOUBLE AS cost_eur,
		coalesce(sum(units), 0)::DOUBLE AS units,
		count(DISTINCT participant_id) FILTER (WHERE cost_eur > 0)::INTEGER AS participants,
		grouping(service_group) AS is_total
	FROM pg
	GROUP BY GROUPING SETS ((service_group), ())
)
SELECT CASE WHEN is_total = 1 THEN NULL ELSE service_group END AS service_group, cost_eur, units, participants
FROM agg ORDER BY is_total, service_group`;

/** Overheads by kind for the cohort, restricted to the selected municipalities / region. */
export const OVERHEADS_SQL = `
SELECT o.kind, round(sum(o.cost_eur), 2)::DOUBLE AS cost_eur
FROM overheads o JOIN municipalities mu ON mu.code = o.municipality_code
WHERE o.cohort = ?
	AND (?::VARCHAR IS NULL OR list_contains(string_split(?::VARCHAR, ','), o.municipality_code))
	AND (?::VARCHAR IS NULL OR mu.region = ?)
GROUP BY o.kind ORDER BY o.kind`;

/** Programmes of the selected participants, for the per-month divisor. */
export const PROGRAMMES_SQL = `
WITH sel AS (${SELECTED_PARTICIPANTS_SQL})
SELECT DISTINCT pr.programme, pr.reporting_months, pr.service_months,
	strftime(pr.service_start, '%Y-%m') AS service_start, strftime(pr.service_end, '%Y-%m') AS service_end
FROM programmes pr
JOIN participants p ON p.programme = pr.programme
JOIN sel ON sel.participant_id = p.participant_id
ORDER BY pr.programme`;

/** Monthly paid cost and people served. */
export const MONTHLY_COST_SQL = `
WITH sel AS (${SELECTED_PARTICIPANTS_SQL}),
pm AS (
	-- One row per person and month, then count the people paid for (half the time of count(DISTINCT)).
	SELECT s.month, s.participant_id, sum(s.cost_eur) AS cost
	FROM services s JOIN sel ON sel.participant_id = s.participant_id
	WHERE ${SERVICE_PERIOD_SQL}
	GROUP BY ALL
)
SELECT strftime(month, '%Y-%m') AS month,
	round(sum(cost), 2)::DOUBLE AS cost_eur,
	count(*) FILTER (WHERE cost > 0)::INTEGER AS participants
FROM pm
GROUP BY 1 ORDER BY 1`;

interface GroupAgg {
	service_group: ServiceGroup | null;
	cost_eur: number;
	units: number;
	participants: number;
}

export interface CostRow {
	/** 'total' and 'total_with_overheads' are the two total rows. */
	row: ServiceGroup | 'total' | 'total_with_overheads';
	cost_eur: number;
	units: number;
	participants: number;
	eur_per_unit: number | null;
	eur_per_participant: number | null;
	eur_per_participant_month: number | null;
	/** shares 0..1 of the Total row; null for the "total with overheads" row */
	share_cost: number | null;
	share_participants: number | null;
	share_per_participant: number | null;
}

export interface Programme {
	programme: string;
	reporting_months: number;
	service_months: number;
	service_start: string;
	service_end: string;
}

export type OverheadsOmitted = 'person' | 'period' | null;

export interface CostTable {
	rows: CostRow[];
	/** Divisor of "per month" figures. */
	divisor: number;
	divisorSource: 'reporting_months' | 'period_months';
	/** More than one programme with different divisors among the selected participants (the largest is used). */
	mixedDivisor: boolean;
	overheadsOmitted: OverheadsOmitted;
	overheadsByKind: { kind: string; cost_eur: number }[];
	programmes: Programme[];
}

/** Months from 'YYYY-MM' a to b inclusive (0 if b < a). */
export function monthsBetween(a: string, b: string): number {
	const [ay, am] = a.split('-').map(Number);
	const [by, bm] = b.split('-').map(Number);
	return Math.max(0, (by - ay) * 12 + (bm - am) + 1);
}

/**
 * Divisor of "per month" figures: `reporting_months` of the programme, or with a
 * period filter the programme's service months inside the period.
 */
export function monthDivisor(programmes: Programme[], f: Pick<Filters, 'from' | 'to'>): Pick<CostTable, 'divisor' | 'divisorSource' | 'mixedDivisor'> {
	const periodSet = Boolean(f.from || f.to);
	const values = programmes.map((p) => {
		if (!periodSet) return p.reporting_months;
		const from = f.from && f.from > p.service_start ? f.from : p.service_start;
		const to = f.to && f.to < p.service_end ? f.to : p.service_end;
		return monthsBetween(from, to);
	});
	const distinct = [...new Set(values)];
	return {
		divisor: distinct.length ? Math.max(...distinct) : 0,
		divisorSource: periodSet ? 'period_months' : 'reporting_months',
		mixedDivisor: distinct.length > 1
	};
}

/** Why the overhead row cannot be shown for these filters (null: it can). */
export function overheadsOmitted(f: Filters): OverheadsOmitted {
	if (f.sex || f.ageBand) return 'person';
	if (f.from || f.to) return 'period';
	return null;
}

const div = (a: number, b: number) => (b > 0 ? a / b : null);

/** Shape aggregated rows into the published table layout (pure; exported for tests). */
export function shapeCostTable(
	cohort: Cohort,
	groups: GroupAgg[],
	overheadTotal: number | null,
	divisor: number
): CostRow[] {
	const total = groups.find((g) => g.service_group === null) ?? { service_group: null, cost_eur: 0, units: 0, participants: 0 };
	const make = (row: CostRow['row'], g: Omit<GroupAgg, 'service_group'>, shares: boolean): CostRow => {
		const perParticipant = div(g.cost_eur, g.participants);
		const totalPer = div(total.cost_eur, total.participants);
		return {
			row,
			cost_eur: g.cost_eur,
			units: g.units,
			participants: g.participants,
			eur_per_unit: div(g.cost_eur, g.units),
			eur_per_participant: perParticipant,
			eur_per_participant_month: perParticipant === null ? null : div(perParticipant, divisor),
			share_cost: shares ? div(g.cost_eur, total.cost_eur) : null,
			share_participants: shares ? div(g.participants, total.participants) : null,
			share_per_participant: shares && perParticipant !== null && totalPer ? perParticipant / totalPer : null
		};
	};
	const rows: CostRow[] = [];
	for (const group of GROUP_ORDER[cohort]) {
		const g = groups.find((x) => x.service_group === group);
		if (g) rows.push(make(group, g, true));
	}
	rows.push(make('total', total, true));
	if (overheadTotal !== null) {
		const cost = Math.round((total.cost_eur + overheadTotal) * 100) / 100;
		rows.push(make('total_with_overheads', { ...total, cost_eur: cost }, false));
	}
	return rows;
}

export async function costTable(engine: Engine, f: Filters): Promise<CostTable> {
	const mun = f.municipalities.length ? f.municipalities.join(',') : null;
	const [groups, programmes, overheadRows] = await Promise.all([
		query<GroupAgg>(engine, COST_BY_GROUP_SQL, [...filterParams(f), ...periodParams(f)]),
		query<Programme>(engine, PROGRAMMES_SQL, filterParams(f)),
		query<{ kind: string; cost_eur: number }>(engine, OVERHEADS_SQL, [f.cohort, mun, mun, f.region, f.region] as SqlParam[])
	]);
	const omitted = overheadsOmitted(f);
	const d = monthDivisor(programmes, f);
	const overheadTotal = omitted ? null : overheadRows.reduce((a, r) => a + r.cost_eur, 0);
	return {
		rows: shapeCostTable(f.cohort, groups, overheadTotal, d.divisor),
		...d,
		overheadsOmitted: omitted,
		overheadsByKind: omitted ? [] : overheadRows,
		programmes
	};
}

export interface MonthlyCost {
	month: string;
	cost_eur: number;
	participants: number;
}

export function monthlyCost(engine: Engine, f: Filters): Promise<MonthlyCost[]> {
	return query<MonthlyCost>(engine, MONTHLY_COST_SQL, [...filterParams(f), ...periodParams(f)]);
}
