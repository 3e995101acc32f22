/**
 * Beach Center Family Quality of Life Scale (FQOLS): 25 items rated 1–5,
 * five subscales, each scored as the mean of its items (higher is better).
 * Per subscale: baseline and follow-up means on the families with both
 * waves, change, paired t-test, the five p-values adjusted together (Holm by
 * default). One FQOLS per child's family (informant 'family').
 */
import type { Engine } from '#lib/db/engine.ts';
import type { Filters } from '#lib/filters/filters.ts';
import type { PAdjustMethod } from '#lib/stats/index.ts';
import { comparePaired, type PairedComparison } from '#lib/outcomes/paired/compare.ts';
import {
	instrumentPairs,
	ASSESSMENT_PAIRS_SQL,
	type InstrumentPairs,
	type AssessmentPair,
	type InstrumentDimension
} from '#lib/metrics/kidscreen.ts';

/** The FQOLS query is the shared pairs query with instrument 'fqols', informant 'family'. */
export const FQOLS_PAIRS_SQL = ASSESSMENT_PAIRS_SQL;

export type FqolsData = InstrumentPairs;

export function fqolsData(engine: Engine, f: Filters): Promise<FqolsData> {
	return instrumentPairs(engine, f, 'fqols', 'family');
}

export interface FqolsSummary {
	families: number;
	rows: PairedComparison[];
	/** Subscales whose mean rose from baseline to follow-up. */
	rose: number;
	/** Subscales with adjusted p < alpha, and their codes. */
	significant: string[];
}

export function summariseFqols(data: FqolsData, options: { adjust?: PAdjustMethod; alpha?: number } = {}): FqolsSummary {
	const alpha = options.alpha ?? 0.05;
	const rows = comparePaired(data.pairs, data.dimensions, { test: 'paired_t', adjust: options.adjust ?? 'holm' });
	return {
		families: new Set(data.pairs.map((p) => p.participant_id)).size,
		rows,
		rose: rows.filter((r) => r.followupMean > r.baselineMean).length,
		significant: rows.filter((r) => r.pAdjusted < alpha).map((r) => r.dimension_code)
	};
}
