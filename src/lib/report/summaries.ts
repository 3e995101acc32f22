/**
 * The report's generated findings: short sentences in Latvian or English,
 * written from the summaries the metric modules compute (pure functions, no
 * queries). Each returns its sentences in reading order, or none when the
 * group is too small to report; dimensions, domains or aspects on fewer than
 * `min` people are never named.
 *
 * @example
 * goalsFindings('en', rows) // → ['Goal attainment was 75% (402 of 536 goal points); goals were set for 102 participants.', …]
 */
import { translate, type Lang, type MessageKey } from '#lib/i18n/index.svelte.ts';
import { formatEur, formatNumber, formatPercent, formatPValue, formatPExpression } from '#lib/i18n/format.ts';
import { DEFAULT_MIN_CELL, tooFew } from '#lib/privacy/threshold.ts';
import type { GoalDomainRow } from '#lib/metrics/goals.ts';
import type { FunctioningSummary } from '#lib/metrics/functioning.ts';
import type { KidscreenInformantSummary } from '#lib/metrics/kidscreen.ts';
import { KIDSCREEN_NORM } from '#lib/metrics/kidscreen.ts';
import type { FqolsSummary } from '#lib/metrics/fqols.ts';
import type { SqolSummary } from '#lib/metrics/sqol.ts';
import type { EmploymentResult } from '#lib/metrics/employment.ts';
import type { CostTable } from '#lib/metrics/costs.ts';
import type { PairedComparison } from '#lib/outcomes/paired/compare.ts';
import type { Cohort } from '#lib/filters/filters.ts';

import { ALPHA } from '#lib/outcomes/paired/alpha.ts';

/** Significance level of every test in the report (one for pages and report). */
export { ALPHA };

import { nameOf, inline, list, method, signed, pText, score } from '#lib/i18n/sentences.ts';

// ------------------------------------------------------------------ goals

export function goalsFindings(lang: Lang, rows: GoalDomainRow[], min = DEFAULT_MIN_CELL): string[] {
	const total = rows.find((r) => r.domain_code === null);
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

// ------------------------------------------------------------------ SFK

export function functioningFindings(lang: Lang, s: FunctioningSummary, min = DEFAULT_MIN_CELL): string[] {
	const c = s.children;
	if (tooFew(c.assessed, min)) return [];
	const out = [
		translate(lang, 'report.sfk.positive', {
			positive: formatNumber(lang, c.positive),
			n: formatNumber(lang, c.assessed),
			share: formatPercent(lang, c.positive / c.assessed)
		}),
		translate(lang, 'report.sfk.mixed', {
			mixed: formatNumber(lang, c.mixed),
			onlyWorse: formatNumber(lang, c.onlyWorse),
			noChange: formatNumber(lang, c.noChange)
		})
	];
	const shown = s.comparisons.filter((r) => !tooFew(r.n, min));
	if (shown.length === 0) return out;
	out.push(
		translate(lang, 'report.sfk.domains', {
			k: formatNumber(lang, shown.filter((r) => r.improved > r.worse).length),
			m: formatNumber(lang, shown.length)
		})
	);
	const better = shown
		.filter((r) => r.pAdjusted < ALPHA && r.improved > r.worse)
		.sort((a, b) => a.pAdjusted - b.pAdjusted || a.dimension_code.localeCompare(b.dimension_code));
	const adjust = method(lang, shown[0].adjust);
	out.push(
		better.length
			? translate(lang, 'report.sfk.significant', {
					k: formatNumber(lang, better.length),
					m: formatNumber(lang, shown.length),
					list: better.map((r) => `${r.dimension_code} ${inline(nameOf(lang, r))}`).join(', '),
					method: adjust
				})
			: translate(lang, 'report.sfk.noneSignificant', { method: adjust })
	);
	return out;
}

// ------------------------------------------------------------------ KIDSCREEN

export function kidscreenFindings(lang: Lang, summaries: KidscreenInformantSummary[], min = DEFAULT_MIN_CELL): string[] {
	const out: string[] = [];
	for (const s of summaries) {
		if (tooFew(s.respondents, min)) continue;
		const rows = s.rows.filter((r) => !tooFew(r.n, min));
		if (rows.length === 0) continue;
		out.push(
			translate(lang, `report.ks.higher.${s.informant}`, {
				k: formatNumber(lang, rows.filter((r) => r.followupMean > r.baselineMean).length),
				m: formatNumber(lang, rows.length),
				n: formatNumber(lang, s.respondents)
			})
		);
		const gains = rows
			.filter((r) => r.meanChange > 0)
			.sort((a, b) => b.meanChange - a.meanChange)
			.slice(0, 2)
			.map((r) => `${inline(nameOf(lang, r))} (${signed(lang, r.meanChange, 1)})`);
		if (gains.length) out.push(translate(lang, 'report.ks.gains', { list: list(lang, gains) }));
		out.push(pairedSignificance(lang, rows, 'report.ks.significant', 'report.ks.noneSignificant'));
		if (s.tScores) {
			const closest = [...rows]
				.sort((a, b) => b.followupMean - a.followupMean)
				.slice(0, 2)
				.map((r) => `${inline(nameOf(lang, r))} ${formatNumber(lang, r.followupMean, 1)}`);
			out.push(
				translate(lang, 'report.ks.norm', {
					k: formatNumber(lang, rows.filter((r) => r.followupMean < KIDSCREEN_NORM).length),
					m: formatNumber(lang, rows.length),
					list: list(lang, closest)
				})
			);
		} else {
			out.push(translate(lang, 'report.ks.notT'));
		}
	}
	return out;
}

function pairedSignificance(lang: Lang, rows: PairedComparison[], some: MessageKey, none: MessageKey): string {
	const adjust = method(lang, rows[0]?.adjust ?? 'holm');
	const sig = rows.filter((r) => r.pAdjusted < ALPHA);
	if (!sig.length) return translate(lang, none, { method: adjust });
	return translate(lang, some, {
		method: adjust,
		list: sig.map((r) => `${inline(nameOf(lang, r))} (${signed(lang, r.meanChange, 1)}; ${pText(lang, r.pAdjusted)})`).join(', ')
	});
}

// ------------------------------------------------------------------ FQOLS

export function fqolsFindings(lang: Lang, s: FqolsSummary, min = DEFAULT_MIN_CELL): string[] {
	if (tooFew(s.families, min)) return [];
	const rows = s.rows.filter((r) => !tooFew(r.n, min));
	if (rows.length === 0) return [];
	const out = [
		translate(lang, 'report.fq.rose', {
			k: formatNumber(lang, rows.filter((r) => r.followupMean > r.baselineMean).length),
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

// ------------------------------------------------------------------ SQoL

export function sqolFindings(lang: Lang, s: SqolSummary, min = DEFAULT_MIN_CELL): string[] {
	if (tooFew(s.persons, min)) return [];
	const aspects = s.aspects.filter((a) => !tooFew(a.n, min)); // ordered by % better
	if (aspects.length === 0) return [];
	const out = [
		translate(lang, 'report.sq.majority', {
			k: formatNumber(lang, aspects.filter((a) => a.betterShare > 0.5).length),
			m: formatNumber(lang, aspects.length)
		})
	];
	if (aspects.length >= 4) {
		const fmt = (a: (typeof aspects)[number]) => `${inline(nameOf(lang, a))} ${formatPercent(lang, a.betterShare)}`;
		out.push(
			translate(lang, 'report.sq.extremes', {
				high: list(lang, aspects.slice(0, 2).map(fmt)),
				low: list(lang, aspects.slice(-2).map(fmt))
			})
		);
	}
	out.push(
		translate(lang, 'report.sq.net', {
			share: formatPercent(lang, s.netPositiveShare),
			k: formatNumber(lang, s.netPositive),
			n: formatNumber(lang, s.persons)
		})
	);
	out.push(
		translate(lang, 'report.sq.significant', {
			method: method(lang, aspects[0].adjust),
			k: formatNumber(lang, aspects.filter((a) => a.pAdjusted < ALPHA && a.better > a.worse).length),
			m: formatNumber(lang, aspects.length)
		})
	);
	return out;
}

// ------------------------------------------------------------------ employment

export function employmentFindings(lang: Lang, r: EmploymentResult, min = DEFAULT_MIN_CELL): string[] {
	const test = r.test;
	if (tooFew(r.n, min) || tooFew(test.nPairs, min)) return [];
	const out = [
		translate(lang, 'report.emp.counts', {
			before: formatNumber(lang, test.employedBefore),
			after: formatNumber(lang, test.employedAfter),
			n: formatNumber(lang, test.nPairs)
		})
	];
	const changes = r.counts
		.filter((c) => c.status !== 'not_employed' && c.change !== 0)
		.map((c) => `${inline(translate(lang, `employment.status.${c.status}` as MessageKey))} ${signed(lang, c.change)}`);
	if (changes.length) out.push(translate(lang, 'report.emp.changes', { list: changes.join(', ') }));
	if (Number.isFinite(test.pValue)) {
		const params = {
			shareBefore: formatPercent(lang, test.shareBefore),
			shareAfter: formatPercent(lang, test.shareAfter),
			b: formatNumber(lang, test.b),
			c: formatNumber(lang, test.c),
			test: translate(lang, test.primary === 'exact' ? 'employment.test.exact' : 'employment.test.chisq'),
			p: pText(lang, test.pValue)
		};
		const key = test.pValue >= ALPHA ? 'report.emp.noEvidence' : test.b > test.c ? 'report.emp.up' : 'report.emp.down';
		out.push(translate(lang, key, params));
	}
	return out;
}

// ------------------------------------------------------------------ costs

export function costFindings(lang: Lang, cohort: Cohort, ct: CostTable, min = DEFAULT_MIN_CELL): string[] {
	const total = ct.rows.find((r) => r.row === 'total');
	if (!total || tooFew(total.participants, min)) return [];
	// The children's published table shows costs in whole euros, the adults' in cents.
	const digits = cohort === 'child' ? 0 : 2;
	const out = [
		translate(lang, `report.costs.total.${cohort}`, {
			cost: formatEur(lang, total.cost_eur, digits),
			n: formatNumber(lang, total.participants),
			per: formatEur(lang, total.eur_per_participant),
			perMonth: formatEur(lang, total.eur_per_participant_month)
		})
	];
	const withOverheads = ct.rows.find((r) => r.row === 'total_with_overheads');
	if (withOverheads) {
		out.push(
			translate(lang, 'report.costs.overheads', {
				label: translate(lang, `costs.totalWithOverheads.${cohort}`),
				cost: formatEur(lang, withOverheads.cost_eur, digits),
				perMonth: formatEur(lang, withOverheads.eur_per_participant_month)
			})
		);
	}
	const groups = ct.rows
		.filter((r) => r.row !== 'total' && r.row !== 'total_with_overheads' && !tooFew(r.participants, min))
		.sort((a, b) => b.cost_eur - a.cost_eur);
	if (groups.length >= 2) {
		out.push(
			translate(lang, 'report.costs.largest', {
				group: inline(translate(lang, `costs.group.${groups[0].row}` as MessageKey)),
				share: formatPercent(lang, groups[0].share_cost)
			})
		);
	}
	return out;
}
