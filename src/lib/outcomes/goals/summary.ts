/**
 * The goals outcome shaped for its view and the report (pure; no queries):
 * domain names, attainment bars, the table by domain, the headline, the GAS
 * summary and the report's findings.
 *
 * @example
 * goalsFindings('en', rows) // → ['Goal attainment was 75% (402 of 536 goal points); goals were set for 102 participants.', …]
 */
import { translate, type Lang } from '#lib/i18n/index.svelte.ts';
import { formatNumber, formatPercent } from '#lib/i18n/format.ts';
import { inline, nameOf, score } from '#lib/i18n/sentences.ts';
import { DEFAULT_MIN_CELL, tooFew } from '#lib/privacy/threshold.ts';
import { kiresukShermanT } from '#lib/stats/index.ts';
import type { Column } from '#lib/ui/table.ts';
import type { AttainmentBar } from '#lib/ui/charts/attainment.ts';
import type { GasRatings, GoalDomainRow } from './query.ts';

/** The "all domains" row, if any. */
export const goalTotal = (rows: GoalDomainRow[]) => rows.find((r) => r.domain_code === null);

/** Whether the figures must be withheld: no total, or too few people in it. */
export const goalsSuppressed = (rows: GoalDomainRow[], min = DEFAULT_MIN_CELL) => {
	const total = goalTotal(rows);
	return !total || tooFew(total.participants, min);
};

/** A domain's name in the UI language; the total row is "all domains". */
export const goalDomainName = (lang: Lang, r: GoalDomainRow) =>
	r.domain_code === null ? translate(lang, 'goals.all') : ((lang === 'lv' ? r.name_lv : r.name_en) ?? r.domain_code);

/** Labels of the attainment levels: achieved, partly, not achieved. */
export const goalLevelLabels = (lang: Lang) => [translate(lang, 'goals.achieved'), translate(lang, 'goals.partly'), translate(lang, 'goals.not')];

/** Bars of the attainment chart: share per level in domains with goals and enough people. */
export function goalAttainmentBars(lang: Lang, rows: GoalDomainRow[]): AttainmentBar[] {
	const levels = goalLevelLabels(lang);
	return rows
		.filter((r) => r.goals > 0 && !tooFew(r.participants))
		.flatMap((r) => [
			{ domain: goalDomainName(lang, r), level: 'achieved', levelLabel: levels[0], share: r.achieved_share ?? 0, count: r.achieved },
			{ domain: goalDomainName(lang, r), level: 'partly', levelLabel: levels[1], share: r.partly_share ?? 0, count: r.partly },
			{ domain: goalDomainName(lang, r), level: 'not', levelLabel: levels[2], share: r.not_share ?? 0, count: r.not_achieved }
		]);
}

export type GoalTableRow = GoalDomainRow & { domain: string };

/** Domains with enough people, with their names. */
export function goalTableRows(lang: Lang, rows: GoalDomainRow[]): GoalTableRow[] {
	return rows.filter((r) => !tooFew(r.participants)).map((r) => ({ ...r, domain: goalDomainName(lang, r) }));
}

export function goalColumns(lang: Lang): Column<GoalTableRow>[] {
	const pct = (v: unknown) => formatPercent(lang, v as number);
	const num = (v: unknown) => formatNumber(lang, v as number);
	const countPct = (share: keyof GoalDomainRow) => (v: unknown, r: GoalTableRow) =>
		`${formatNumber(lang, v as number)} (${formatPercent(lang, r[share] as number)})`;
	return [
		{ key: 'domain', label: translate(lang, 'goals.domain'), rowHeader: true },
		{ key: 'participants', label: translate(lang, 'goals.participants'), numeric: true, format: num },
		{ key: 'goals', label: translate(lang, 'goals.goals'), numeric: true, format: num },
		{ key: 'achieved', label: translate(lang, 'goals.achieved'), numeric: true, format: countPct('achieved_share') },
		{ key: 'partly', label: translate(lang, 'goals.partly'), numeric: true, format: countPct('partly_share') },
		{ key: 'not_achieved', label: translate(lang, 'goals.not'), numeric: true, format: countPct('not_share') },
		{ key: 'score', label: translate(lang, 'goals.score'), numeric: true, format: (v) => score(lang, v as number) },
		{ key: 'score_share', label: translate(lang, 'goals.scoreShare'), numeric: true, format: pct }
	];
}

/** The view's headline: overall attainment, points, goals and people. */
export function goalsHeadline(lang: Lang, total: GoalDomainRow): string {
	return translate(lang, 'goals.headline', {
		share: formatPercent(lang, total.score_share),
		score: score(lang, total.score),
		goals: formatNumber(lang, total.goals),
		n: formatNumber(lang, total.participants)
	});
}

export interface GasSummary {
	/** People with at least one GAS rating. */
	n: number;
	/** Mean Kiresuk–Sherman T-score. */
	mean: number;
	/** People with T ≥ 50 (goals met as expected or better). */
	atOrAbove50: number;
}

/** Kiresuk–Sherman T per person, summarised; null when nobody has GAS ratings. */
export function gasSummary(people: GasRatings[]): GasSummary | null {
	if (people.length === 0) return null;
	const ts = people.map((p) => kiresukShermanT(p.ratings));
	const mean = ts.reduce((a, b) => a + b, 0) / ts.length;
	return { n: ts.length, mean, atOrAbove50: ts.filter((x) => x >= 50).length };
}

/** The GAS sentence, or null when there is no summary or too few people to show one. */
export function gasSentence(lang: Lang, s: GasSummary | null, min = DEFAULT_MIN_CELL): string | null {
	if (!s || tooFew(s.n, min)) return null;
	return translate(lang, 'goals.gasSummary', {
		n: formatNumber(lang, s.n),
		mean: formatNumber(lang, s.mean, 1),
		above: formatNumber(lang, s.atOrAbove50)
	});
}

/** The report's findings in reading order; none when the group is too small, and no domain on fewer than `min` people is named. */
export function goalsFindings(lang: Lang, rows: GoalDomainRow[], min = DEFAULT_MIN_CELL): string[] {
	const total = goalTotal(rows);
	if (!total || total.goals === 0 || tooFew(total.participants, min)) return [];
	const out = [
		translate(lang, 'report.goals.overall', {
			share: formatPercent(lang, total.score_share),
			score: score(lang, total.score),
			goals: formatNumber(lang, total.goals),
			n: formatNumber(lang, total.participants)
		}),
		translate(lang, 'report.goals.levels', {
			achieved: formatNumber(lang, total.achieved),
			achievedShare: formatPercent(lang, total.achieved_share),
			partly: formatNumber(lang, total.partly),
			partlyShare: formatPercent(lang, total.partly_share),
			not: formatNumber(lang, total.not_achieved),
			notShare: formatPercent(lang, total.not_share)
		})
	];
	const domains = rows
		.filter((r) => r.domain_code !== null && r.goals > 0 && !tooFew(r.participants, min) && r.score_share !== null)
		.sort((a, b) => (b.score_share ?? 0) - (a.score_share ?? 0));
	if (domains.length >= 2 && domains[0].score_share !== domains[domains.length - 1].score_share) {
		const best = domains[0];
		const worst = domains[domains.length - 1];
		out.push(
			translate(lang, 'report.goals.range', {
				best: inline(nameOf(lang, best, best.domain_code ?? '')),
				bestShare: formatPercent(lang, best.score_share),
				worst: inline(nameOf(lang, worst, worst.domain_code ?? '')),
				worstShare: formatPercent(lang, worst.score_share)
			})
		);
	}
	return out;
}
