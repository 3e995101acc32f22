/**
 * The quarterly series shaped and released (pure; no queries): each point is
 * its figure or null where the release path hides it ("–" in the tables, a
 * gap in the line), then the tables' rows and columns and the charts' points.
 *
 * Which cell each point rests on:
 * - active / new / exited: `trends.participants` rows `active:q`, `new:q`,
 *   `exited:q` (family.ts); none where the plan hides the `people` row or a
 *   year's `people:YYYY` to protect other cells (those counts are public
 *   whatever this plan says);
 * - cost per participant-month of a group: the costs family's quarter row
 *   (`q:YYYY-Qn:<group>`, `q:YYYY-Qn` for all groups) for the cost, and
 *   `active:q` for the participant-months it is divided by;
 * - goals reviewed / achieved: the goals family's `q:YYYY-Qn:reviewed` and
 *   `q:YYYY-Qn:achieved`; the share achieved needs both.
 */
import type { Cohort } from '#lib/filters/filters.ts';
import { translate, type Lang, type MessageKey } from '#lib/i18n/translate.ts';
import { formatEur, formatNumber, formatPercent } from '#lib/i18n/format.ts';
import type { ReleaseContext } from '#lib/privacy/release/context.ts';
import { RELEASE_MIN } from '#lib/privacy/release/rules.ts';
import type { Column } from '#lib/ui/table.ts';
import { COST_FAMILY_ID, quarterCostRow } from '#lib/outcomes/costs/family.ts';
import { GROUP_ORDER } from '#lib/outcomes/costs/summary.ts';
import { GOAL_FAMILY_ID, goalQuarterRow } from '#lib/outcomes/goals/family.ts';
import { PARTICIPANT_METRICS, PEOPLE_ROW, TRENDS_FAMILY_ID, trendRow, yearPeopleRow, type ParticipantMetric } from './family.ts';
import type { CellCheck, CostQuarter, GoalQuarter, ParticipantQuarter } from './query.ts';
import type { TrendPoint } from './chart.ts';

/** What the view queries (query.ts). */
export interface TrendData {
	cohort: Cohort;
	quarters: string[];
	participants: ParticipantQuarter[];
	costs: CostQuarter[];
	goals: GoalQuarter[];
	/** A year was chosen: the series run over the whole time only. */
	wholeTimeOnly: boolean;
	/** The selection: the whole cohort, one planning region, or narrower (municipality, sex, age band). */
	level: 'cohort' | 'region' | 'other';
	/** The cohort's and every region's smallest participant cell (query.ts, TREND_CELLS_SQL). */
	cells: CellCheck[];
}

export const TOTAL_GROUP = 'total';

export interface ReleasedParticipantQuarter {
	quarter: string;
	active: number | null;
	new: number | null;
	exited: number | null;
}

export interface ReleasedCostQuarter {
	quarter: string;
	/** Cost per participant-month by service group, and 'total' for all groups. */
	perMonth: Record<string, number | null>;
}

export interface ReleasedGoalQuarter {
	quarter: string;
	reviewed: number | null;
	achieved: number | null;
	/** achieved / reviewed (0..1) */
	achievedShare: number | null;
}

export interface ReleasedTrends {
	quarters: string[];
	/** The service groups with a series, in the costs view's order, then 'total'. */
	groups: string[];
	participants: ReleasedParticipantQuarter[];
	costs: ReleasedCostQuarter[];
	goals: ReleasedGoalQuarter[];
	/** Which series have a hidden point (the views add the release note). */
	hidden: { participants: boolean; costs: boolean; goals: boolean };
	wholeTimeOnly: boolean;
	/** Why there are no participant series (and no costs per participant-month), or null. */
	participantsWithheld: 'level' | 'small' | null;
}

/**
 * May the selection show participant series at all (see family.ts)? The whole
 * cohort where every one of its cells is 0 or at least 5 people; a region
 * where that holds for the cohort and for every region (so no region's series
 * is the cohort's minus the others'). Nothing narrower.
 */
export function seriesShowable(level: TrendData['level'], cells: readonly CellCheck[]): 'level' | 'small' | null {
	if (level === 'other') return 'level';
	const ok = (c: CellCheck) => c.people === 0 || (c.people >= RELEASE_MIN && (c.smallest === null || c.smallest >= RELEASE_MIN));
	const cohort = cells.find((c) => c.region === null);
	if (!cohort || !ok(cohort)) return 'small';
	if (level === 'region' && !cells.every(ok)) return 'small';
	return null;
}

/** The series as the release plans allow them (pure). */
export function releaseTrends(data: TrendData, ctx: ReleaseContext): ReleasedTrends {
	// The selection's count and each year's selection's count are public (every page shows them). Where the plan hid
	// one to protect other cells ('secondary'), it counted on a secret that is none: the selection shows no participant
	// series at all. One of 1–4 people ('primary') is shown nowhere; a partial year has no row (also 'primary').
	const years = [...new Set(data.quarters.map((q) => q.slice(0, 4)))];
	const countsHidden = ctx.hidden(TRENDS_FAMILY_ID, PEOPLE_ROW) !== null || years.some((y) => ctx.hidden(TRENDS_FAMILY_ID, yearPeopleRow(y)) === 'secondary');
	const withheld = seriesShowable(data.level, data.cells);
	const pShown = (m: ParticipantMetric, q: string) => withheld === null && !countsHidden && ctx.shown(TRENDS_FAMILY_ID, trendRow(m, q));
	const participants = data.participants.map((p) => {
		const out: ReleasedParticipantQuarter = { quarter: p.quarter, active: null, new: null, exited: null };
		for (const m of PARTICIPANT_METRICS) out[m] = pShown(m, p.quarter) ? p[m] : null;
		return out;
	});

	const present = new Set(data.costs.map((c) => c.service_group).filter((g): g is string => g !== null));
	const order: string[] = GROUP_ORDER[data.cohort];
	const groups = [...order.filter((g) => present.has(g)), ...[...present].filter((g) => !order.includes(g)).sort(), TOTAL_GROUP];
	const months = new Map(data.participants.map((p) => [p.quarter, p.participant_months]));
	// A quarter without services in the whole cohort has no row in the costs family (and no figure here).
	const served = new Set(data.costs.filter((c) => c.service_group === null).map((c) => c.quarter));
	const costShown = (q: string, g: string) => pShown('active', q) && ctx.shown(COST_FAMILY_ID, quarterCostRow(q, g === TOTAL_GROUP ? null : g));
	const costs = data.quarters.map((quarter) => {
		const perMonth: Record<string, number | null> = {};
		const pm = months.get(quarter) ?? 0;
		for (const g of groups) {
			const row = data.costs.find((c) => c.quarter === quarter && c.service_group === (g === TOTAL_GROUP ? null : g));
			// Nobody participating or nothing paid: no divisor or no cost, no figure (not a hidden one).
			perMonth[g] = served.has(quarter) && pm > 0 && costShown(quarter, g) ? (row?.cost_eur ?? 0) / pm : null;
		}
		return { quarter, perMonth };
	});
	const costHidden = withheld === null && data.quarters.some((q) => served.has(q) && (months.get(q) ?? 0) > 0 && groups.some((g) => !costShown(q, g)));

	const goals = data.goals.map((g): ReleasedGoalQuarter => {
		// A quarter without reviews in the whole cohort has no row in the goals family: its 0 is no one's figure.
		const shown = (what: 'reviewed' | 'achieved', v: number) => v === 0 && ctx.hidden(GOAL_FAMILY_ID, goalQuarterRow(g.quarter, what)) === 'primary' ? true : ctx.shown(GOAL_FAMILY_ID, goalQuarterRow(g.quarter, what));
		const reviewed = shown('reviewed', g.reviewed) ? g.reviewed : null;
		const achieved = shown('achieved', g.achieved) ? g.achieved : null;
		return { quarter: g.quarter, reviewed, achieved, achievedShare: reviewed !== null && achieved !== null && reviewed > 0 ? achieved / reviewed : null };
	});

	return {
		quarters: data.quarters,
		groups,
		participants,
		costs,
		goals,
		hidden: {
			participants: withheld === null && participants.some((p) => PARTICIPANT_METRICS.some((m) => p[m] === null)),
			costs: costHidden,
			goals: goals.some((g) => g.reviewed === null || g.achieved === null)
		},
		wholeTimeOnly: data.wholeTimeOnly,
		participantsWithheld: data.wholeTimeOnly ? null : withheld
	};
}

// ------------------------------------------------------------------ tables and charts

/** "2019. g. 3. cet." in Latvian, "Q3 2019" in English. */
export function quarterLabel(lang: Lang, q: string): string {
	const [y, n] = q.split('-Q');
	return translate(lang, 'trends.quarter', { year: y, n });
}

export const groupLabel = (lang: Lang, g: string) => translate(lang, (g === TOTAL_GROUP ? 'costs.total' : `costs.group.${g}`) as MessageKey);

/** A row of one of the tables: the quarter's label and its figures (null = "–"). */
export type TrendRow = { quarter: string; label: string } & Record<string, number | string | null>;

const hiddenNote = (lang: Lang) => translate(lang, 'release.cellHidden', { min: RELEASE_MIN });

export function participantRows(lang: Lang, r: ReleasedTrends): TrendRow[] {
	return r.participants.map((p) => ({ ...p, label: quarterLabel(lang, p.quarter) }));
}

export function participantColumns(lang: Lang): Column<TrendRow>[] {
	const note = hiddenNote(lang);
	const num = (key: string): Column<TrendRow> => ({
		key,
		label: translate(lang, `trends.col.${key}` as MessageKey),
		numeric: true,
		format: (v) => formatNumber(lang, v as number | null),
		suppressed: (row) => (row[key] === null ? note : null)
	});
	return [{ key: 'label', label: translate(lang, 'trends.col.quarter'), rowHeader: true }, num('active'), num('new'), num('exited')];
}

export function costRows(lang: Lang, r: ReleasedTrends): TrendRow[] {
	return r.costs.map((c) => ({ quarter: c.quarter, label: quarterLabel(lang, c.quarter), ...c.perMonth }));
}

export function costColumns(lang: Lang, r: Pick<ReleasedTrends, 'groups'>): Column<TrendRow>[] {
	const note = hiddenNote(lang);
	return [
		{ key: 'label', label: translate(lang, 'trends.col.quarter'), rowHeader: true },
		...r.groups.map(
			(g): Column<TrendRow> => ({
				key: g,
				label: groupLabel(lang, g),
				numeric: true,
				format: (v) => formatEur(lang, v as number | null),
				suppressed: (row) => (row[g] === null ? note : null)
			})
		)
	];
}

export function goalRows(lang: Lang, r: ReleasedTrends): TrendRow[] {
	return r.goals.map((g) => ({ ...g, label: quarterLabel(lang, g.quarter) }));
}

export function goalColumns(lang: Lang): Column<TrendRow>[] {
	const note = hiddenNote(lang);
	const col = (key: string, format: (v: number | null) => string): Column<TrendRow> => ({
		key,
		label: translate(lang, `trends.col.${key}` as MessageKey),
		numeric: true,
		format: (v) => format(v as number | null),
		suppressed: (row) => (row[key] === null ? note : null)
	});
	return [
		{ key: 'label', label: translate(lang, 'trends.col.quarter'), rowHeader: true },
		col('reviewed', (v) => formatNumber(lang, v)),
		col('achieved', (v) => formatNumber(lang, v)),
		col('achievedShare', (v) => formatPercent(lang, v))
	];
}

/** Chart points of the given series of table rows: a null value is a gap in its line. */
export function seriesPoints(lang: Lang, rows: TrendRow[], series: { key: string; label: string }[]): TrendPoint[] {
	return series.flatMap((s) => rows.map((row) => ({ quarter: row.quarter, series: s.label, value: row[s.key] as number | null })));
}

export const participantSeries = (lang: Lang) => PARTICIPANT_METRICS.map((m) => ({ key: m, label: translate(lang, `trends.col.${m}` as MessageKey) }));
export const costSeries = (lang: Lang, r: Pick<ReleasedTrends, 'groups'>) => r.groups.map((g) => ({ key: g, label: groupLabel(lang, g) }));
export const goalSeries = (lang: Lang) => (['reviewed', 'achieved'] as const).map((k) => ({ key: k, label: translate(lang, `trends.col.${k}` as MessageKey) }));

/** A one-line text alternative of a chart: the series' first and last shown values. */
export function seriesSummary(lang: Lang, rows: TrendRow[], key: string, format: (v: number) => string): string {
	const shown = rows.filter((r) => r[key] !== null);
	if (shown.length < 2) return '';
	const a = shown[0];
	const b = shown[shown.length - 1];
	return translate(lang, 'trends.summary', { from: a.label, to: b.label, a: format(a[key] as number), b: format(b[key] as number) });
}
