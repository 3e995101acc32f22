/**
 * Subjective quality of life of adults (Gigantesco & Giuliani): 13 life
 * aspects, each rated once, at follow-up, as changed for the better (+1), the
 * same (0) or for the worse (−1).
 *
 * Per aspect: n, % better / same / worse (of those who rated it), ordered by
 * % better; a sign test = binomialTest(#better, #better + #worse, p = ½), the
 * 13 p-values adjusted together (Holm by default).
 *
 * "Persons reporting positive change overall" (the published 84%): persons
 * who rated more aspects better than worse, as a share of persons with any
 * rating. This is the definition the pilot data generator uses
 * (data/generators/outcomes.ts: SQOL_NET_POSITIVE = 81 of the 97 served adults).
 *
 * The page and the report show the same aspects (`sqolShownAspects`), table
 * (`sqolRows`, `sqolColumns`: also the report's sheet) and reading.
 */
import { binomialTest, pAdjust, type PAdjustMethod } from '#lib/stats/index.ts';
import { translate, type Lang, type MessageKey } from '#lib/i18n/index.svelte.ts';
import { formatNumber, formatPercent, formatPValue, formatPExpression } from '#lib/i18n/format.ts';
import { nameOf, inline, list, method } from '#lib/i18n/sentences.ts';
import { DEFAULT_MIN_CELL, tooFew } from '#lib/privacy/threshold.ts';
import { ALPHA } from '#lib/outcomes/paired/alpha.ts';
import type { Column } from '#lib/ui/table.ts';
import type { AttainmentBar } from '#lib/ui/charts/attainment.ts';
import type { SqolData, SqolRating } from './query.ts';

export interface SqolAspect {
	dimension_code: string;
	name_lv: string;
	name_en: string;
	n: number;
	better: number;
	same: number;
	worse: number;
	betterShare: number;
	sameShare: number;
	worseShare: number;
	/** Sign test: #better of #better + #worse against ½; NaN when nobody changed. */
	pValue: number;
	pAdjusted: number;
	adjust: PAdjustMethod;
	/** (better − worse) / (better + worse), in [−1, 1]; NaN when nobody changed. */
	effectSize: number;
}

export interface SqolSummary {
	/** Persons with at least one rating. */
	persons: number;
	/** Persons rating more aspects better than worse. */
	netPositive: number;
	netPositiveShare: number;
	/** Aspects ordered by % better (descending), then display order. */
	aspects: SqolAspect[];
	/** Aspects in which more than half of the respondents rated better. */
	majorityImproved: number;
}

export function summariseSqol(data: SqolData, options: { adjust?: PAdjustMethod } = {}): SqolSummary {
	const adjust = options.adjust ?? 'holm';
	const byAspect = new Map<string, SqolRating[]>();
	const perPerson = new Map<string, { better: number; worse: number }>();
	for (const r of data.ratings) {
		const list = byAspect.get(r.dimension_code);
		if (list) list.push(r);
		else byAspect.set(r.dimension_code, [r]);
		const p = perPerson.get(r.participant_id) ?? { better: 0, worse: 0 };
		if (r.rating > 0) p.better++;
		if (r.rating < 0) p.worse++;
		perPerson.set(r.participant_id, p);
	}
	const order = new Map(data.dimensions.map((d, i) => [d.dimension_code, i]));
	const aspects: SqolAspect[] = data.dimensions
		.filter((d) => byAspect.has(d.dimension_code))
		.map((d) => {
			const rs = byAspect.get(d.dimension_code)!;
			const n = rs.length;
			const better = rs.filter((r) => r.rating > 0).length;
			const worse = rs.filter((r) => r.rating < 0).length;
			const same = n - better - worse;
			const changed = better + worse;
			return {
				dimension_code: d.dimension_code,
				name_lv: d.name_lv,
				name_en: d.name_en,
				n,
				better,
				same,
				worse,
				betterShare: better / n,
				sameShare: same / n,
				worseShare: worse / n,
				pValue: changed > 0 ? binomialTest(better, changed).pValue : NaN,
				pAdjusted: NaN,
				adjust,
				effectSize: changed > 0 ? (better - worse) / changed : NaN
			};
		})
		.sort((a, b) => b.betterShare - a.betterShare || order.get(a.dimension_code)! - order.get(b.dimension_code)!);
	const tested = aspects.filter((a) => Number.isFinite(a.pValue));
	const adjusted = tested.length ? pAdjust(tested.map((a) => a.pValue), adjust) : [];
	tested.forEach((a, i) => (a.pAdjusted = adjusted[i]));
	const people = [...perPerson.values()];
	const netPositive = people.filter((p) => p.better > p.worse).length;
	return {
		persons: people.length,
		netPositive,
		netPositiveShare: people.length ? netPositive / people.length : NaN,
		aspects,
		majorityImproved: majorityImproved(aspects)
	};
}

/** Aspects in which more than half of the respondents rated better. */
export function majorityImproved(aspects: SqolAspect[]): number {
	return aspects.filter((a) => a.betterShare > 0.5).length;
}

/** Reading of one aspect (sign test of better vs worse, adjusted p). */
export function sqolReading(lang: Lang, a: SqolAspect): string {
	const n = formatNumber(lang, a.n);
	if (!Number.isFinite(a.pValue)) return translate(lang, 'qol.sq.readingUntestable', { n });
	const params = { n, p: formatPExpression(lang, a.pAdjusted), method: translate(lang, `paired.adjust.${a.adjust}` as MessageKey) };
	if (a.pAdjusted >= ALPHA) return translate(lang, 'qol.sq.readingNoEvidence', params);
	return translate(lang, a.better > a.worse ? 'qol.sq.readingBetter' : 'qol.sq.readingWorse', params);
}

/** Aspects rated by at least `min` persons: the only ones shown, counted or named (ordered by % better). */
export function sqolShownAspects(s: SqolSummary, min = DEFAULT_MIN_CELL): SqolAspect[] {
	return s.aspects.filter((a) => !tooFew(a.n, min));
}

/** Better, same, worse: the chart's level labels, in the order of CHANGE_COLORS. */
export function sqolLevels(lang: Lang): [string, string, string] {
	return [translate(lang, 'qol.sq.better'), translate(lang, 'qol.sq.same'), translate(lang, 'qol.sq.worse')];
}

export function sqolBars(lang: Lang, aspects: SqolAspect[]): AttainmentBar[] {
	const [better, same, worse] = sqolLevels(lang);
	return aspects.flatMap((a) => [
		{ domain: nameOf(lang, a), level: 'better', levelLabel: better, share: a.betterShare, count: a.better },
		{ domain: nameOf(lang, a), level: 'same', levelLabel: same, share: a.sameShare, count: a.same },
		{ domain: nameOf(lang, a), level: 'worse', levelLabel: worse, share: a.worseShare, count: a.worse }
	]);
}

export type SqolRow = SqolAspect & { aspect: string; testName: string; reading: string };

export function sqolRows(lang: Lang, aspects: SqolAspect[]): SqolRow[] {
	return aspects.map((a) => ({ ...a, aspect: nameOf(lang, a), testName: translate(lang, 'qol.sq.testName'), reading: sqolReading(lang, a) }));
}

export function sqolColumns(lang: Lang, adjust: PAdjustMethod): Column<SqolRow>[] {
	const countShare = (share: 'betterShare' | 'sameShare' | 'worseShare') => (v: unknown, r: SqolRow) =>
		`${formatNumber(lang, v as number)} (${formatPercent(lang, r[share])})`;
	const p = (v: unknown) => formatPValue(lang, v as number);
	return [
		{ key: 'aspect', label: translate(lang, 'qol.sq.aspect'), rowHeader: true },
		{ key: 'n', label: translate(lang, 'qol.sq.n'), numeric: true, format: (v) => formatNumber(lang, v as number) },
		{ key: 'better', label: translate(lang, 'qol.sq.better'), numeric: true, format: countShare('betterShare') },
		{ key: 'same', label: translate(lang, 'qol.sq.same'), numeric: true, format: countShare('sameShare') },
		{ key: 'worse', label: translate(lang, 'qol.sq.worse'), numeric: true, format: countShare('worseShare') },
		{ key: 'effectSize', label: translate(lang, 'qol.sq.effect'), numeric: true, format: (v) => formatNumber(lang, v as number, 2) },
		{ key: 'testName', label: translate(lang, 'qol.sq.test') },
		{ key: 'pValue', label: translate(lang, 'paired.p'), numeric: true, format: p },
		{
			key: 'pAdjusted',
			label: translate(lang, 'paired.pAdjusted', { method: translate(lang, `paired.adjust.${adjust}` as MessageKey) }),
			numeric: true,
			format: p
		},
		{ key: 'reading', label: translate(lang, 'paired.reading'), minWidth: '22rem' }
	];
}

/** The report's findings: aspects improved by a majority, the extremes, persons net positive, significance. */
export function sqolFindings(lang: Lang, s: SqolSummary, min = DEFAULT_MIN_CELL): string[] {
	if (tooFew(s.persons, min)) return [];
	const aspects = sqolShownAspects(s, min);
	if (aspects.length === 0) return [];
	const out = [
		translate(lang, 'report.sq.majority', {
			k: formatNumber(lang, majorityImproved(aspects)),
			m: formatNumber(lang, aspects.length)
		})
	];
	if (aspects.length >= 4) {
		const fmt = (a: SqolAspect) => `${inline(nameOf(lang, a))} ${formatPercent(lang, a.betterShare)}`;
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
