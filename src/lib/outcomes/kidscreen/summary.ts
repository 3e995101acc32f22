/**
 * KIDSCREEN-52 (children 8–18): child self-report and parent proxy, 10
 * dimensions, Rasch T-scores (European norm mean 50, SD 10; higher is
 * better). Per informant: baseline and follow-up means on the children with
 * both waves, change, paired t-test per dimension with the p-values of one
 * informant adjusted together (Holm by default).
 *
 * What the page and the report say is worked out here once, from the
 * released figures only (`releaseKidscreen`: the release path's plan of each
 * informant's table family decides which dimension, count and respondents'
 * n may be shown): the headlines (`kidscreenHeadlines`), the chart's arrows
 * and the report's findings.
 */
import type { PAdjustMethod } from '#lib/stats/index.ts';
import { translate, type Lang } from '#lib/i18n/translate.ts';
import { formatNumber } from '#lib/i18n/format.ts';
import { nameOf, inline, list, signed } from '#lib/i18n/sentences.ts';
import type { ReleaseContext } from '#lib/privacy/release/context.ts';
import { comparePaired, type PairedComparison } from '#lib/outcomes/paired/compare.ts';
import { adjustReleased, releaseComparisons, releaseRespondents, releasedRows, type ReleasedComparison, type ShownComparison } from '#lib/outcomes/paired/release.ts';
import { pairedSignificance } from '#lib/outcomes/paired/reading.ts';
import type { ChangeArrow } from '#lib/outcomes/paired/chart.ts';
import { KIDSCREEN_INFORMANTS, type KidscreenData, type KidscreenInformant } from './query.ts';
import { KIDSCREEN_FAMILY_ID } from './family.ts';

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

/** One informant's summary as released: a hidden figure is null. */
export type ReleasedKidscreenSummary = Omit<KidscreenInformantSummary, 'respondents' | 'rows'> & {
	respondents: number | null;
	rows: ReleasedComparison[];
};

function counts(rows: readonly ReleasedComparison[], tScores: boolean) {
	const shown = releasedRows(rows);
	return {
		dimensions: shown.length,
		higherAtFollowup: shown.filter((r) => r.followupMean > r.baselineMean).length,
		belowNormAtFollowup: tScores ? shown.filter((r) => r.followupMean < KIDSCREEN_NORM).length : 0
	};
}

/**
 * The summaries of both informants as the release plans allow in the view's
 * selection (pure): hidden dimensions, counts and respondents are null; the
 * p-values are adjusted over the released tests of each informant; the
 * counts and the T-score check use the released dimensions only.
 */
export function releaseKidscreen(data: KidscreenData, ctx: ReleaseContext, options: { adjust?: PAdjustMethod } = {}): ReleasedKidscreenSummary[] {
	const adjust = options.adjust ?? 'holm';
	return summariseKidscreen(data, { adjust }).map((s) => {
		const family = KIDSCREEN_FAMILY_ID[s.informant];
		const rows = releaseComparisons(s.rows, ctx, family, adjust);
		const shownCodes = new Set(releasedRows(rows).map((r) => r.dimension_code));
		const pairs = data.pairs[s.informant].filter((p) => shownCodes.has(p.dimension_code));
		const tScores = pairs.length > 0 && pairs.every((p) => p.scoring_method === 'rasch_t');
		return { informant: s.informant, respondents: releaseRespondents(s.respondents, ctx, family), rows, tScores, ...counts(rows, tScores) };
	});
}

/** The released summaries with their p-values adjusted by another method (over the same released tests). */
export function readjustKidscreen(summaries: readonly ReleasedKidscreenSummary[], adjust: PAdjustMethod): ReleasedKidscreenSummary[] {
	return summaries.map((s) => ({ ...s, rows: adjustReleased(s.rows, adjust) }));
}

/** Informants with any released dimension: the only ones shown (their tables, the chart). */
export function kidscreenShown(summaries: readonly ReleasedKidscreenSummary[]): ReleasedKidscreenSummary[] {
	return summaries.filter((s) => releasedRows(s.rows).length > 0);
}

/** What is said about one informant: counted over the released dimensions only. */
export interface KidscreenHeadline {
	informant: KidscreenInformant;
	respondents: number | null;
	tScores: boolean;
	/** The released dimensions, in display order. */
	rows: ShownComparison[];
	higher: number;
	belowNorm: number;
	/** The two dimensions with the highest follow-up mean (closest to the norm from below). */
	closest: ShownComparison[];
}

export function kidscreenHeadlines(summaries: readonly ReleasedKidscreenSummary[]): KidscreenHeadline[] {
	return kidscreenShown(summaries).map((s) => {
		const rows = releasedRows(s.rows);
		return {
			informant: s.informant,
			respondents: s.respondents,
			tScores: s.tScores,
			rows,
			higher: rows.filter((r) => r.followupMean > r.baselineMean).length,
			belowNorm: s.tScores ? rows.filter((r) => r.followupMean < KIDSCREEN_NORM).length : 0,
			closest: [...rows].sort((a, b) => b.followupMean - a.followupMean).slice(0, 2)
		};
	});
}

/** Baseline → follow-up arrows of the shown informants' released dimensions. */
export function kidscreenArrows(lang: Lang, shown: readonly ReleasedKidscreenSummary[], who: (i: KidscreenInformant) => string): ChangeArrow[] {
	return shown.flatMap((s) =>
		releasedRows(s.rows).map((r) => ({
			dimension: nameOf(lang, r),
			group: who(s.informant),
			baseline: r.baselineMean,
			followup: r.followupMean,
			higherIsBetter: r.higher_is_better
		}))
	);
}

/** The report's findings, per informant: higher at follow-up, largest gains, significance, the norm. */
export function kidscreenFindings(lang: Lang, summaries: readonly ReleasedKidscreenSummary[]): string[] {
	const out: string[] = [];
	for (const h of kidscreenHeadlines(summaries)) {
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
