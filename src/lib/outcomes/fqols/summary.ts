/**
 * Beach Center Family Quality of Life Scale (FQOLS): 25 items rated 1–5,
 * five subscales, each scored as the mean of its items (higher is better).
 * Per subscale: baseline and follow-up means on the families with both
 * waves, change, paired t-test, the five p-values adjusted together (Holm by
 * default). One FQOLS per child's family (informant 'family').
 *
 * The page's headline and the report's findings count the same subscales:
 * those on at least `min` families (`fqolsShownRows`).
 */
import type { PAdjustMethod } from '#lib/stats/index.ts';
import { translate, type Lang } from '#lib/i18n/index.svelte.ts';
import { formatNumber, formatPExpression } from '#lib/i18n/format.ts';
import { nameOf, inline, method } from '#lib/i18n/sentences.ts';
import { DEFAULT_MIN_CELL, tooFew } from '#lib/privacy/threshold.ts';
import { comparePaired, type PairedComparison } from '#lib/outcomes/paired/compare.ts';
import { ALPHA } from '#lib/outcomes/paired/alpha.ts';
import { pairedSignificance } from '#lib/outcomes/paired/reading.ts';
import type { ChangeArrow } from '#lib/outcomes/paired/chart.ts';
import type { FqolsData } from './query.ts';

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

/** The subscales on at least `min` families: the only ones counted, named or drawn. */
export function fqolsShownRows(s: FqolsSummary, min = DEFAULT_MIN_CELL): PairedComparison[] {
	return s.rows.filter((r) => !tooFew(r.n, min));
}

/** Subscales (shown) whose mean rose, and those that differ significantly. */
export function fqolsHeadline(s: FqolsSummary, min = DEFAULT_MIN_CELL): { rows: PairedComparison[]; rose: number; significant: PairedComparison[] } {
	const rows = fqolsShownRows(s, min);
	return {
		rows,
		rose: rows.filter((r) => r.followupMean > r.baselineMean).length,
		significant: rows.filter((r) => s.significant.includes(r.dimension_code))
	};
}

export function fqolsArrows(lang: Lang, s: FqolsSummary, min = DEFAULT_MIN_CELL): ChangeArrow[] {
	return fqolsShownRows(s, min).map((r) => ({
		dimension: nameOf(lang, r),
		group: '',
		baseline: r.baselineMean,
		followup: r.followupMean,
		higherIsBetter: r.higher_is_better
	}));
}

/** The report's findings: subscales that rose, then the significant ones (one is named as the only one). */
export function fqolsFindings(lang: Lang, s: FqolsSummary, min = DEFAULT_MIN_CELL): string[] {
	if (tooFew(s.families, min)) return [];
	const { rows, rose } = fqolsHeadline(s, min);
	if (rows.length === 0) return [];
	const out = [
		translate(lang, 'report.fq.rose', {
			k: formatNumber(lang, rose),
			m: formatNumber(lang, rows.length),
			n: formatNumber(lang, s.families)
		})
	];
	const sig = rows.filter((r) => r.pAdjusted < ALPHA);
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
