/**
 * Beach Center Family Quality of Life Scale (FQOLS): 25 items rated 1–5,
 * five subscales, each scored as the mean of its items (higher is better).
 * Per subscale: baseline and follow-up means on the families with both
 * waves, change, paired t-test, the five p-values adjusted together (Holm by
 * default). One FQOLS per child's family (informant 'family').
 *
 * The page's headline and the report's findings count the same subscales:
 * the released ones (`releaseFqols`: the release path's plan of the FQOLS
 * table family decides which subscale, count and families' n may be shown).
 */
import type { PAdjustMethod } from '#lib/stats/index.ts';
import { translate, type Lang } from '#lib/i18n/translate.ts';
import { formatNumber, formatPExpression } from '#lib/i18n/format.ts';
import { nameOf, inline, method } from '#lib/i18n/sentences.ts';
import type { ReleaseContext } from '#lib/privacy/release/context.ts';
import { comparePaired, type PairedComparison } from '#lib/outcomes/paired/compare.ts';
import { adjustReleased, releaseComparisons, releaseRespondents, releasedRows, type ReleasedComparison, type ShownComparison } from '#lib/outcomes/paired/release.ts';
import { ALPHA } from '#lib/outcomes/paired/alpha.ts';
import { pairedSignificance } from '#lib/outcomes/paired/reading.ts';
import type { ChangeArrow } from '#lib/outcomes/paired/chart.ts';
import type { FqolsData } from './query.ts';
import { FQOLS_FAMILY_ID } from './family.ts';

export interface FqolsSummary {
	families: number;
	rows: PairedComparison[];
	/** Subscales whose mean rose from baseline to follow-up. */
	rose: number;
	/** Subscales with adjusted p < alpha, and their codes. */
	significant: string[];
}

export function summariseFqols(data: FqolsData, options: { adjust?: PAdjustMethod; alpha?: number } = {}): FqolsSummary {
	const alpha = options.alpha ?? ALPHA;
	const rows = comparePaired(data.pairs, data.dimensions, { test: 'paired_t', adjust: options.adjust ?? 'holm' });
	return {
		families: new Set(data.pairs.map((p) => p.participant_id)).size,
		rows,
		rose: rows.filter((r) => r.followupMean > r.baselineMean).length,
		significant: rows.filter((r) => r.pAdjusted < alpha).map((r) => r.dimension_code)
	};
}

/** The summary as released: a hidden figure is null. */
export type ReleasedFqolsSummary = Omit<FqolsSummary, 'families' | 'rows'> & { families: number | null; rows: ReleasedComparison[] };

function finish(families: number | null, rows: ReleasedComparison[], alpha: number): ReleasedFqolsSummary {
	const shown = releasedRows(rows);
	return {
		families,
		rows,
		rose: shown.filter((r) => r.followupMean > r.baselineMean).length,
		significant: shown.filter((r) => r.pAdjusted !== null && r.pAdjusted < alpha).map((r) => r.dimension_code)
	};
}

/**
 * The summary as the release plan allows in the view's selection (pure):
 * hidden subscales, counts and the families' n are null; the p-values are
 * adjusted over the released tests; rose / significant count released
 * subscales only.
 */
export function releaseFqols(data: FqolsData, ctx: ReleaseContext, options: { adjust?: PAdjustMethod; alpha?: number } = {}): ReleasedFqolsSummary {
	const adjust = options.adjust ?? 'holm';
	const s = summariseFqols(data, { adjust });
	return finish(releaseRespondents(s.families, ctx, FQOLS_FAMILY_ID), releaseComparisons(s.rows, ctx, FQOLS_FAMILY_ID, adjust), options.alpha ?? ALPHA);
}

/** The released summary with its p-values adjusted by another method (over the same released tests). */
export function readjustFqols(s: ReleasedFqolsSummary, adjust: PAdjustMethod, alpha = ALPHA): ReleasedFqolsSummary {
	return finish(s.families, adjustReleased(s.rows, adjust), alpha);
}

/** The released subscales: the only ones counted, named or drawn. */
export function fqolsShownRows(s: ReleasedFqolsSummary): ShownComparison[] {
	return releasedRows(s.rows);
}

/** Subscales (released) whose mean rose, and those that differ significantly. */
export function fqolsHeadline(s: ReleasedFqolsSummary): { rows: ShownComparison[]; rose: number; significant: ShownComparison[] } {
	const rows = fqolsShownRows(s);
	return {
		rows,
		rose: rows.filter((r) => r.followupMean > r.baselineMean).length,
		significant: rows.filter((r) => s.significant.includes(r.dimension_code))
	};
}

export function fqolsArrows(lang: Lang, s: ReleasedFqolsSummary): ChangeArrow[] {
	return fqolsShownRows(s).map((r) => ({
		dimension: nameOf(lang, r),
		group: '',
		baseline: r.baselineMean,
		followup: r.followupMean,
		higherIsBetter: r.higher_is_better
	}));
}

/** The report's findings: subscales that rose, then the significant ones (one is named as the only one). */
export function fqolsFindings(lang: Lang, s: ReleasedFqolsSummary): string[] {
	const { rows, rose } = fqolsHeadline(s);
	if (rows.length === 0) return [];
	const out = [
		translate(lang, 'report.fq.rose', {
			k: formatNumber(lang, rose),
			m: formatNumber(lang, rows.length),
			n: formatNumber(lang, s.families)
		})
	];
	const sig = rows.filter((r) => r.pAdjusted !== null && r.pAdjusted < ALPHA);
	if (sig.length === 1 && rows.length > 1) {
		out.push(
			translate(lang, 'report.fq.only', {
				name: inline(nameOf(lang, sig[0])),
				p: formatPExpression(lang, sig[0].pAdjusted),
				method: method(lang, sig[0].adjust)
			})
		);
	} else {
		out.push(pairedSignificance(lang, rows, 'report.fq.significant', 'report.fq.noneSignificant'));
	}
	return out;
}
