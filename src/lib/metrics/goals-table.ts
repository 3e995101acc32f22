/**
 * Table shaping for the goals view and the report's goals section (pure; no
 * queries): domain names, attainment bars and the attainment table by domain.
 */
import { translate, type Lang } from '#lib/i18n/index.svelte.ts';
import { formatNumber, formatPercent } from '#lib/i18n/format.ts';
import { tooFew } from '#lib/privacy/threshold.ts';
import type { Column } from '#lib/ui/table.ts';
import type { AttainmentBar } from '#lib/ui/charts/attainment.ts';
import type { GoalDomainRow } from '#lib/metrics/goals.ts';

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
		{ key: 'score', label: translate(lang, 'goals.score'), numeric: true, format: (v) => formatNumber(lang, v as number, Number.isInteger(v) ? 0 : 1) },
		{ key: 'score_share', label: translate(lang, 'goals.scoreShare'), numeric: true, format: pct }
	];
}
