/**
 * KIDSCREEN-52 (children 8–18): child self-report and parent proxy, 10
 * dimensions, Rasch T-scores (European norm mean 50, SD 10; higher is
 * better). Per informant: baseline and follow-up means on the children with
 * both waves, change, paired t-test per dimension with the p-values of one
 * informant adjusted together (Holm by default).
 *
 * What the page and the report say is worked out here once: the informants
 * and dimensions on enough children (`kidscreenHeadlines`), the chart's
 * arrows and the report's findings.
 */
import type { PAdjustMethod } from '#lib/stats/index.ts';
import { translate, type Lang } from '#lib/i18n/index.svelte.ts';
import { formatNumber } from '#lib/i18n/format.ts';
import { nameOf, inline, list, signed } from '#lib/i18n/sentences.ts';
import { DEFAULT_MIN_CELL, tooFew } from '#lib/privacy/threshold.ts';
import { comparePaired, type PairedComparison } from '#lib/outcomes/paired/compare.ts';
import { pairedSignificance } from '#lib/outcomes/paired/reading.ts';
import type { ChangeArrow } from '#lib/outcomes/paired/chart.ts';
import { KIDSCREEN_INFORMANTS, type KidscreenData, type KidscreenInformant } from './query.ts';

export const KIDSCREEN_NORM = 50;

export interface KidscreenInformantSummary {
	informant: KidscreenInformant;
	/** Children with at least one pair. */
	respondents: number;
	rows: PairedComparison[];
	/** Dimensions tested (with a mean) and how many had a higher mean at follow-up. */
	dimensions: number;
	higherAtFollowup: number;
	/** Dimensions whose follow-up mean is below the norm (only meaningful when `tScores`). */
	belowNormAtFollowup: number;
	/** True only when every score is a Rasch T-score: only then compare with the norm 50. */
	tScores: boolean;
}

export function summariseKidscreen(data: KidscreenData, options: { adjust?: PAdjustMethod } = {}): KidscreenInformantSummary[] {
	return KIDSCREEN_INFORMANTS.map((informant) => {
		const pairs = data.pairs[informant];
		const rows = comparePaired(pairs, data.dimensions, { test: 'paired_t', adjust: options.adjust ?? 'holm' });
		const tScores = pairs.length > 0 && pairs.every((p) => p.scoring_method === 'rasch_t');
		return {
			informant,
			respondents: new Set(pairs.map((p) => p.participant_id)).size,
			rows,
			dimensions: rows.length,
			higherAtFollowup: rows.filter((r) => r.followupMean > r.baselineMean).length,
			belowNormAtFollowup: tScores ? rows.filter((r) => r.followupMean < KIDSCREEN_NORM).length : 0,
			tScores
		};
	});
}

/** Informants with enough children to be shown at all (their tables, the chart). */
export function kidscreenShown(summaries: KidscreenInformantSummary[], min = DEFAULT_MIN_CELL): KidscreenInformantSummary[] {
	return summaries.filter((s) => !tooFew(s.respondents, min));
}

/** What is said about one informant: counted over the dimensions on at least `min` children only. */
export interface KidscreenHeadline {
	informant: KidscreenInformant;
	respondents: number;
	tScores: boolean;
	/** The dimensions on enough children, in display order. */
	rows: PairedComparison[];
	higher: number;
	belowNorm: number;
	/** The two dimensions with the highest follow-up mean (closest to the norm from below). */
	closest: PairedComparison[];
}

export function kidscreenHeadlines(summaries: KidscreenInformantSummary[], min = DEFAULT_MIN_CELL): KidscreenHeadline[] {
	return kidscreenShown(summaries, min).flatMap((s) => {
		const rows = s.rows.filter((r) => !tooFew(r.n, min));
		if (rows.length === 0) return [];
		return [
			{
				informant: s.informant,
				respondents: s.respondents,
				tScores: s.tScores,
				rows,
				higher: rows.filter((r) => r.followupMean > r.baselineMean).length,
				belowNorm: s.tScores ? rows.filter((r) => r.followupMean < KIDSCREEN_NORM).length : 0,
				closest: [...rows].sort((a, b) => b.followupMean - a.followupMean).slice(0, 2)
			}
		];
	});
}

/** Baseline → follow-up arrows of the shown informants, dimensions on fewer than `min` children left out. */
export function kidscreenArrows(
	lang: Lang,
	shown: KidscreenInformantSummary[],
	who: (i: KidscreenInformant) => string,
	min = DEFAULT_MIN_CELL
): ChangeArrow[] {
	return shown.flatMap((s) =>
		s.rows
			.filter((r) => !tooFew(r.n, min))
			.map((r) => ({
				dimension: nameOf(lang, r),
				group: who(s.informant),
				baseline: r.baselineMean,
				followup: r.followupMean,
				higherIsBetter: r.higher_is_better
			}))
	);
}

/** The report's findings, per informant: higher at follow-up, largest gains, significance, the norm. */
export function kidscreenFindings(lang: Lang, summaries: KidscreenInformantSummary[], min = DEFAULT_MIN_CELL): string[] {
	const out: string[] = [];
	for (const h of kidscreenHeadlines(summaries, min)) {
		out.push(
			translate(lang, `report.ks.higher.${h.informant}`, {
				k: formatNumber(lang, h.higher),
				m: formatNumber(lang, h.rows.length),
				n: formatNumber(lang, h.respondents)
			})
		);
		const gains = h.rows
			.filter((r) => r.meanChange > 0)
			.sort((a, b) => b.meanChange - a.meanChange)
			.slice(0, 2)
			.map((r) => `${inline(nameOf(lang, r))} (${signed(lang, r.meanChange, 1)})`);
		if (gains.length) out.push(translate(lang, 'report.ks.gains', { list: list(lang, gains) }));
		out.push(pairedSignificance(lang, h.rows, 'report.ks.significant', 'report.ks.noneSignificant'));
		if (h.tScores) {
			out.push(
				translate(lang, 'report.ks.norm', {
					k: formatNumber(lang, h.belowNorm),
					m: formatNumber(lang, h.rows.length),
					list: list(lang, h.closest.map((r) => `${inline(nameOf(lang, r))} ${formatNumber(lang, r.followupMean, 1)}`))
				})
			);
		} else {
			out.push(translate(lang, 'report.ks.notT'));
		}
	}
	return out;
}
