/**
 * The goals outcome shaped for its view and the report (pure; no queries):
 * the release step (releaseGoals, releaseGas: every figure of a row the
 * release plan hides becomes null), then, from the released figures only,
 * domain names, attainment bars, the table by domain, the headline, the GAS
 * summary and the report's findings.
 *
 * @example
 * goalsFindings('en', rows) // → ['Goal attainment was 75% (402 of 536 goal points); goals were set for 102 participants.', …]
 */
import { translate, type Lang } from '#lib/i18n/translate.ts';
import { formatNumber, formatPercent } from '#lib/i18n/format.ts';
import { inline, nameOf, score } from '#lib/i18n/sentences.ts';
import { RELEASE_MIN } from '#lib/privacy/release/rules.ts';
import type { ReleaseContext } from '#lib/privacy/release/context.ts';
import { kiresukShermanTOfSum, StatsInputError } from '#lib/stats/index.ts';
import type { Column } from '#lib/ui/table.ts';
import type { AttainmentBar } from '#lib/ui/charts/attainment.ts';
import type { GasRatings, GoalDomainRow } from './query.ts';
import { GAS_AT_OR_ABOVE_ROW, GAS_FAMILY_ID, GAS_RATED_ROW, GOAL_FAMILY_ID, GOAL_TOTAL_ROW, goalLevelKey, goalRowKey, type GoalLevel } from './family.ts';

type GoalFigure = 'participants' | 'goals' | 'achieved' | 'partly' | 'not_achieved' | 'score' | 'score_share' | 'achieved_share' | 'partly_share' | 'not_share';

/** A row of the attainment table as released: a hidden figure is null. */
export type ReleasedGoalRow = Omit<GoalDomainRow, GoalFigure> & { [K in GoalFigure]: number | null };

// ------------------------------------------------------------------ release

/**
 * The attainment table as the release plan allows (pure): the figures of a
 * row (people, goals) when its cell is shown, a level's count and share when
 * the level's cell is shown too, and the score (points and %) only when
 * achieved and partly are both shown (score = achieved + ½·partly would give
 * a hidden level away). A hidden cell hides the cells it is the sum of (a
 * hidden row its levels, a hidden "rest" partly and not, a hidden level
 * total that level in every domain, a hidden all-domains row the table), so
 * no hidden figure is left as the sum of shown ones.
 */
export function releaseGoals(rows: GoalDomainRow[], ctx: ReleaseContext): ReleasedGoalRow[] {
	const shown = (row: string) => ctx.shown(GOAL_FAMILY_ID, row);
	const totalShown = shown(GOAL_TOTAL_ROW);
	// A level's cell of a row, and every cell it lies in: the row, the level's total (and the rest, for partly and not).
	const cell = (d: string | null, l: GoalLevel) => shown(goalLevelKey(d, l)) && (d === null || shown(goalLevelKey(null, l)));
	const level = (d: string | null, l: GoalLevel) => cell(d, l) && (l === 'achieved' || (cell(d, 'rest') && cell(null, 'rest')));
	return rows.map((r) => {
		const d = r.domain_code;
		const row = totalShown && shown(goalRowKey(d));
		const achieved = row && level(d, 'achieved');
		const partly = row && level(d, 'partly');
		const not = row && level(d, 'not');
		const score = achieved && partly;
		return {
			domain_code: d,
			name_lv: r.name_lv,
			name_en: r.name_en,
			participants: row ? r.participants : null,
			goals: row ? r.goals : null,
			achieved: achieved ? r.achieved : null,
			achieved_share: achieved ? r.achieved_share : null,
			partly: partly ? r.partly : null,
			partly_share: partly ? r.partly_share : null,
			not_achieved: not ? r.not_achieved : null,
			not_share: not ? r.not_share : null,
			score: score ? r.score : null,
			score_share: score ? r.score_share : null
		};
	});
}

/** Whether any figure of the released table is hidden (the view then explains "–"). */
export const goalsHidden = (rows: ReleasedGoalRow[]) =>
	rows.some((r) => r.goals === null || r.achieved === null || r.partly === null || r.not_achieved === null || r.score === null);

/** The "all domains" row, if any. */
export const goalTotal = <R extends { domain_code: string | null }>(rows: R[]) => rows.find((r) => r.domain_code === null);

/** Whether there is nothing to show: no all-domains row, its figures hidden, or no goals reviewed. */
export const goalsSuppressed = (rows: ReleasedGoalRow[]) => {
	const total = goalTotal(rows);
	return !total || !total.goals;
};

/** A domain's name in the UI language; the total row is "all domains". */
export const goalDomainName = (lang: Lang, r: { domain_code: string | null; name_lv: string | null; name_en: string | null }) =>
	r.domain_code === null ? translate(lang, 'goals.all') : ((lang === 'lv' ? r.name_lv : r.name_en) ?? r.domain_code);

/** Labels of the attainment levels: achieved, partly, not achieved. */
export const goalLevelLabels = (lang: Lang) => [translate(lang, 'goals.achieved'), translate(lang, 'goals.partly'), translate(lang, 'goals.not')];

/** Bars of the attainment chart: the shown share of each level, in domains with goals shown. */
export function goalAttainmentBars(lang: Lang, rows: ReleasedGoalRow[]): AttainmentBar[] {
	const levels = goalLevelLabels(lang);
	return rows
		.filter((r) => r.goals !== null && r.goals > 0)
		.flatMap((r) => [
			{ domain: goalDomainName(lang, r), level: 'achieved', levelLabel: levels[0], share: r.achieved_share, count: r.achieved },
			{ domain: goalDomainName(lang, r), level: 'partly', levelLabel: levels[1], share: r.partly_share, count: r.partly },
			{ domain: goalDomainName(lang, r), level: 'not', levelLabel: levels[2], share: r.not_share, count: r.not_achieved }
		])
		.filter((b): b is AttainmentBar => b.share !== null && b.count !== null);
}

export type GoalTableRow = ReleasedGoalRow & { domain: string };

/** The released rows with their names (a hidden figure stays null: "–" on screen, empty in the CSV and XLSX). */
export function goalTableRows(lang: Lang, rows: ReleasedGoalRow[]): GoalTableRow[] {
	return rows.map((r) => ({ ...r, domain: goalDomainName(lang, r) }));
}

export function goalColumns(lang: Lang): Column<GoalTableRow>[] {
	const hidden = (key: keyof GoalTableRow) => (r: GoalTableRow) => (r[key] === null ? translate(lang, 'release.cellHidden', { min: RELEASE_MIN }) : null);
	const pct = (v: unknown) => formatPercent(lang, v as number | null);
	const num = (v: unknown) => formatNumber(lang, v as number | null);
	const countPct = (share: keyof GoalTableRow) => (v: unknown, r: GoalTableRow) =>
		v == null ? formatNumber(lang, null) : `${formatNumber(lang, v as number)} (${formatPercent(lang, r[share] as number | null)})`;
	const figure = (key: GoalFigure, label: string, format: Column<GoalTableRow>['format']): Column<GoalTableRow> => ({
		key,
		label,
		numeric: true,
		format,
		suppressed: hidden(key)
	});
	return [
		{ key: 'domain', label: translate(lang, 'goals.domain'), rowHeader: true },
		figure('participants', translate(lang, 'goals.participants'), num),
		figure('goals', translate(lang, 'goals.goals'), num),
		figure('achieved', translate(lang, 'goals.achieved'), countPct('achieved_share')),
		figure('partly', translate(lang, 'goals.partly'), countPct('partly_share')),
		figure('not_achieved', translate(lang, 'goals.not'), countPct('not_share')),
		figure('score', translate(lang, 'goals.score'), (v) => (v == null ? formatNumber(lang, null) : score(lang, v as number))),
		figure('score_share', translate(lang, 'goals.scoreShare'), pct)
	];
}

/** The view's headline: overall attainment, points, goals and people ("–" for a hidden figure). */
export function goalsHeadline(lang: Lang, total: ReleasedGoalRow): string {
	return translate(lang, 'goals.headline', {
		share: formatPercent(lang, total.score_share),
		score: total.score === null ? formatNumber(lang, null) : score(lang, total.score),
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

/** The GAS summary as released: a hidden figure is null. */
export type ReleasedGas = { [K in keyof GasSummary]: GasSummary[K] | null };

/** Kiresuk–Sherman T per person, summarised; null when nobody has GAS ratings. */
export function gasSummary(people: GasRatings[]): GasSummary | null {
	if (people.length === 0) return null;
	const ts = people.map((p) => {
		if (!(p.lowest >= -2 && p.highest <= 2)) throw new StatsInputError(`GAS ratings must be on −2..+2 (got ${p.lowest} … ${p.highest})`);
		return kiresukShermanTOfSum(p.rating_sum, p.goals);
	});
	const mean = ts.reduce((a, b) => a + b, 0) / ts.length;
	return { n: ts.length, mean, atOrAbove50: ts.filter((x) => x >= 50).length };
}

/**
 * The GAS summary as the release plan allows (pure): people rated and their
 * mean T when the rated row is shown, the people with T ≥ 50 when that row
 * is shown too; null when nobody has GAS ratings.
 */
export function releaseGas(people: GasRatings[], ctx: ReleaseContext): ReleasedGas | null {
	const s = gasSummary(people);
	if (!s) return null;
	const rated = ctx.shown(GAS_FAMILY_ID, GAS_RATED_ROW);
	return {
		n: rated ? s.n : null,
		mean: rated ? s.mean : null,
		atOrAbove50: rated && ctx.shown(GAS_FAMILY_ID, GAS_AT_OR_ABOVE_ROW) ? s.atOrAbove50 : null
	};
}

/** The GAS sentence ("–" for a hidden count of T ≥ 50), or null when there is no summary or its people are hidden. */
export function gasSentence(lang: Lang, s: ReleasedGas | null): string | null {
	if (!s || s.n === null || s.mean === null) return null;
	return translate(lang, 'goals.gasSummary', {
		n: formatNumber(lang, s.n),
		mean: formatNumber(lang, s.mean, 1),
		above: formatNumber(lang, s.atOrAbove50)
	});
}

/**
 * The report's findings in reading order, from the released figures: none
 * when the table is hidden; a sentence only when all its figures are shown,
 * and only domains whose score is shown are named.
 */
export function goalsFindings(lang: Lang, rows: ReleasedGoalRow[]): string[] {
	const total = goalTotal(rows);
	if (!total || !total.goals || total.participants === null) return [];
	const out: string[] = [];
	if (total.score !== null && total.score_share !== null) {
		out.push(
			translate(lang, 'report.goals.overall', {
				share: formatPercent(lang, total.score_share),
				score: score(lang, total.score),
				goals: formatNumber(lang, total.goals),
				n: formatNumber(lang, total.participants)
			})
		);
	}
	if (total.achieved !== null && total.partly !== null && total.not_achieved !== null) {
		out.push(
			translate(lang, 'report.goals.levels', {
				achieved: formatNumber(lang, total.achieved),
				achievedShare: formatPercent(lang, total.achieved_share),
				partly: formatNumber(lang, total.partly),
				partlyShare: formatPercent(lang, total.partly_share),
				not: formatNumber(lang, total.not_achieved),
				notShare: formatPercent(lang, total.not_share)
			})
		);
	}
	const domains = rows
		.filter((r) => r.domain_code !== null && r.goals !== null && r.goals > 0 && r.score_share !== null)
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
