/**
 * Individual budgets: indicative amount (the maximum), agreed amount (the plan
 * at the chosen providers' prices) and actual spend (paid services in the
 * budget's plan periods), per participant.
 *
 * A participant's figures are the sums over their plan periods that overlap
 * the period filter; spend is the paid cost of services in months inside those
 * plan periods. Utilisation = spent / indicative (and spent / agreed).
 */
import { query, type Engine } from '#lib/db/engine.ts';
import type { Filters } from '#lib/filters/filters.ts';
import { SELECTED_PARTICIPANTS_SQL, filterParams, periodBounds } from './filter-sql.ts';

export const BUDGETS_SQL = `
WITH sel AS (${SELECTED_PARTICIPANTS_SQL}),
b AS (
	SELECT b.* FROM budgets b JOIN sel ON sel.participant_id = b.participant_id
	WHERE (?::DATE IS NULL OR b.period_end >= ?::DATE) AND (?::DATE IS NULL OR b.period_start <= ?::DATE)
), sm AS (
	-- Paid cost per person and month first: the range join below then meets one row per
	-- person-month instead of every service row (5× less work on national data).
	SELECT s.participant_id, s.month, sum(s.cost_eur) AS cost
	FROM services s WHERE s.participant_id IN (SELECT participant_id FROM b)
	GROUP BY ALL
), spent AS (
	SELECT b.participant_id, b.period_start, coalesce(sum(sm.cost), 0) AS spent
	FROM b LEFT JOIN sm ON sm.participant_id = b.participant_id AND sm.month BETWEEN b.period_start AND b.period_end
	GROUP BY b.participant_id, b.period_start
)
SELECT b.participant_id,
	sum(b.months)::INTEGER AS months,
	round(sum(b.indicative_eur), 2)::DOUBLE AS indicative_eur,
	round(sum(b.agreed_eur), 2)::DOUBLE AS agreed_eur,
	round(sum(sp.spent), 2)::DOUBLE AS spent_eur
FROM b JOIN spent sp ON sp.participant_id = b.participant_id AND sp.period_start = b.period_start
GROUP BY b.participant_id ORDER BY b.participant_id`;

export interface ParticipantBudget {
	participant_id: string;
	months: number;
	indicative_eur: number;
	agreed_eur: number;
	spent_eur: number;
}

export interface AmountSummary {
	/** 'indicative' | 'agreed' | 'spent' */
	measure: 'indicative' | 'agreed' | 'spent';
	total: number;
	mean: number;
	median: number;
	/** mean per participant per month (total / participant-months) */
	perMonth: number;
}

export interface UtilisationBin {
	/** lower bound (share, inclusive; exclusive for the last bin "over 100%") */
	from: number;
	/** upper bound (share, exclusive; inclusive for the 90–100% bin), Infinity for the last bin */
	to: number;
	/** participants whose spent/indicative falls in the bin */
	vsIndicative: number;
	/** participants whose spent/agreed falls in the bin */
	vsAgreed: number;
}

export interface BudgetSummary {
	n: number;
	months: number;
	amounts: AmountSummary[];
	/** medians of the per-participant ratios */
	medianSpentOfIndicative: number | null;
	medianSpentOfAgreed: number | null;
	medianAgreedOfIndicative: number | null;
	/** participants whose agreed amount exceeds the indicative amount (should be 0) */
	agreedAboveIndicative: number;
	/** participants who spent more than the agreed amount */
	spentAboveAgreed: number;
	bins: UtilisationBin[];
}

/** Bins of the utilisation distribution: [0, 25%), [25, 50%), [50, 75%), [75, 90%), [90, 100%], over 100%. */
export const UTILISATION_BINS: readonly [number, number][] = [
	[0, 0.25],
	[0.25, 0.5],
	[0.5, 0.75],
	[0.75, 0.9],
	[0.9, 1],
	[1, Infinity]
];

function median(values: number[]): number | null {
	if (values.length === 0) return null;
	const s = [...values].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Index of the bin of a share; exactly 100% belongs to the 90–100% bin. */
export function binOf(share: number): number {
	if (share > 1) return UTILISATION_BINS.length - 1;
	if (share >= 0.9) return UTILISATION_BINS.length - 2;
	return Math.max(0, UTILISATION_BINS.findIndex(([a, b]) => share >= a && share < b));
}

/** Summarise per-participant budgets (pure; exported for tests). */
export function summariseBudgets(rows: ParticipantBudget[]): BudgetSummary {
	const months = rows.reduce((a, r) => a + r.months, 0);
	const measure = (m: AmountSummary['measure']): AmountSummary => {
		const v = rows.map((r) => r[`${m}_eur`]);
		const total = Math.round(v.reduce((a, b) => a + b, 0) * 100) / 100;
		return {
			measure: m,
			total,
			mean: rows.length ? total / rows.length : NaN,
			median: median(v) ?? NaN,
			perMonth: months ? total / months : NaN
		};
	};
	const ratio = (a: number, b: number) => (b > 0 ? a / b : null);
	const ofInd = rows.map((r) => ratio(r.spent_eur, r.indicative_eur)).filter((x): x is number => x !== null);
	const ofAgr = rows.map((r) => ratio(r.spent_eur, r.agreed_eur)).filter((x): x is number => x !== null);
	const agrInd = rows.map((r) => ratio(r.agreed_eur, r.indicative_eur)).filter((x): x is number => x !== null);
	const bins: UtilisationBin[] = UTILISATION_BINS.map(([from, to]) => ({ from, to, vsIndicative: 0, vsAgreed: 0 }));
	for (const x of ofInd) bins[binOf(x)].vsIndicative++;
	for (const x of ofAgr) bins[binOf(x)].vsAgreed++;
	return {
		n: rows.length,
		months,
		amounts: [measure('indicative'), measure('agreed'), measure('spent')],
		medianSpentOfIndicative: median(ofInd),
		medianSpentOfAgreed: median(ofAgr),
		medianAgreedOfIndicative: median(agrInd),
		agreedAboveIndicative: rows.filter((r) => r.agreed_eur > r.indicative_eur + 0.005).length,
		spentAboveAgreed: rows.filter((r) => r.spent_eur > r.agreed_eur + 0.005).length,
		bins
	};
}

export function participantBudgets(engine: Engine, f: Filters): Promise<ParticipantBudget[]> {
	const [from, to] = periodBounds(f);
	return query<ParticipantBudget>(engine, BUDGETS_SQL, [...filterParams(f), from, from, to, to]);
}

export async function budgetSummary(engine: Engine, f: Filters): Promise<BudgetSummary> {
	return summariseBudgets(await participantBudgets(engine, f));
}
