/**
 * Paired results through the release path (pure): a dimension whose row the
 * plan hides keeps its name only, every figure null (shown as "–"); a shown
 * dimension keeps its n, means, change, effect size and test, and each of its
 * improved / unchanged / worse counts as the plan decides for that row. The
 * multiplicity adjustment then runs over the released tests only, so no shown
 * adjusted p-value rests on a hidden one (at cohort level nothing is hidden
 * and the adjusted p-values are those of comparePaired).
 */
import { pAdjust, type PAdjustMethod } from '#lib/stats/index.ts';
import { released, type ReleaseContext } from '#lib/privacy/release/context.ts';
import type { PairedComparison } from './compare.ts';
import { CHANGE_KINDS, dimensionRow, RESPONDENTS_ROW } from './family.ts';

/** The figures of a paired result, each null where it is not released. */
export const PAIRED_FIGURES = [
	'n',
	'baselineMean',
	'followupMean',
	'meanChange',
	'medianChange',
	'improved',
	'unchanged',
	'worse',
	'statistic',
	'pValue',
	'pAdjusted',
	'effectSize'
] as const;
export type PairedFigure = (typeof PAIRED_FIGURES)[number];

/** A PairedComparison as released: a PairedComparison is one (nothing hidden). */
export type ReleasedComparison = Omit<PairedComparison, PairedFigure> & { [K in PairedFigure]: number | null };

const TEST_FIGURES = ['statistic', 'pValue', 'pAdjusted', 'effectSize'] as const;

function withNulls<K extends PairedFigure>(r: ReleasedComparison, keys: readonly K[]): ReleasedComparison {
	const out = { ...r };
	for (const k of keys) out[k] = null;
	return out;
}

/** One dimension's result as the family's plan releases it in the view's selection. */
export function releaseComparison(r: PairedComparison, ctx: ReleaseContext, family: string): ReleasedComparison {
	if (!ctx.shown(family, dimensionRow(r.dimension_code))) return { ...withNulls(r, PAIRED_FIGURES), note: null };
	const [improved, unchanged, worse] = CHANGE_KINDS.map((k) => released(ctx, family, dimensionRow(r.dimension_code, k), r[k]));
	const out: ReleasedComparison = { ...r, improved, unchanged, worse };
	// Sign and rank tests are computed from the improved and worse counts: with one of them hidden, the test would give it away.
	if (r.test !== 'paired_t' && (improved === null || worse === null)) return { ...withNulls(out, TEST_FIGURES), note: null };
	return out;
}

/** The respondents' count (people with at least one pair), or null where hidden. */
export function releaseRespondents(n: number, ctx: ReleaseContext, family: string): number | null {
	return released(ctx, family, RESPONDENTS_ROW, n);
}

/** Adjusted p-values over the released tests only (Holm, BH …); hidden tests stay null, untestable ones NaN. */
export function adjustReleased(rows: readonly ReleasedComparison[], adjust: PAdjustMethod): ReleasedComparison[] {
	const tested = rows.map((r, i) => [r.pValue, i] as const).filter((x): x is readonly [number, number] => x[0] !== null && Number.isFinite(x[0]));
	const adjusted = tested.length ? pAdjust(tested.map(([p]) => p), adjust) : [];
	const byRow = new Map(tested.map(([, i], k) => [i, adjusted[k]]));
	return rows.map((r, i) => ({ ...r, adjust, pAdjusted: byRow.get(i) ?? (r.pValue === null ? null : NaN) }));
}

/** Every dimension of one family released, then adjusted over the released tests. */
export function releaseComparisons(rows: readonly PairedComparison[], ctx: ReleaseContext, family: string, adjust: PAdjustMethod): ReleasedComparison[] {
	return adjustReleased(
		rows.map((r) => releaseComparison(r, ctx, family)),
		adjust
	);
}

/** True when any figure of the rows is hidden (the view then shows the "–" note). */
export function anyHidden(rows: readonly ReleasedComparison[]): boolean {
	return rows.some((r) => PAIRED_FIGURES.some((k) => r[k] === null));
}

const ROW_FIGURES = ['n', 'baselineMean', 'followupMean', 'meanChange', 'medianChange'] as const;

/** A released dimension: its n and means are shown (its counts and, for rank and sign tests, its test may still be hidden). */
export type ShownComparison = Omit<ReleasedComparison, (typeof ROW_FIGURES)[number]> & { [K in (typeof ROW_FIGURES)[number]]: number };

/** The dimensions whose figures are released (a hidden dimension keeps only its name). */
export function releasedRows(rows: readonly ReleasedComparison[]): ShownComparison[] {
	return rows.filter((r): r is ShownComparison => ROW_FIGURES.every((k) => r[k] !== null));
}
