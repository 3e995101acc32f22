// Over 300 lines: the SQoL summary, its release and the tables built from the released figures are one set of rules.
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
 * The page and the report show the same released figures (`releaseSqol`:
 * the release path's plan of the SQoL table family decides which aspect,
 * category count and headline figure may be shown), table (`sqolRows`,
 * `sqolColumns`: also the report's sheet) and reading. An aspect's sign test
 * and effect size are computed from its better and worse counts, so they
 * are shown only where both counts are (and so its same count too).
 */
import { binomialTest, pAdjust, type PAdjustMethod } from '#lib/stats/index.ts';
import { translate, type Lang, type MessageKey } from '#lib/i18n/translate.ts';
import { formatNumber, formatPercent, formatPValue, formatPExpression } from '#lib/i18n/format.ts';
import { nameOf, inline, list, method } from '#lib/i18n/sentences.ts';
import { released, type ReleaseContext } from '#lib/privacy/release/context.ts';
import { ALPHA } from '#lib/outcomes/paired/alpha.ts';
import { RELEASE_MIN } from '#lib/privacy/release/rules.ts';
import type { Column } from '#lib/ui/table.ts';
import type { AttainmentBar } from '#lib/ui/charts/attainment.ts';
import type { SqolData } from './query.ts';
import { aspectRow, NET_POSITIVE_ROW, PERSONS_ROW, SQOL_FAMILY_ID } from './family.ts';

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
	const byAspect = new Map(data.aspects.map((a) => [a.dimension_code, a]));
	const order = new Map(data.dimensions.map((d, i) => [d.dimension_code, i]));
	const aspects: SqolAspect[] = data.dimensions
		.filter((d) => byAspect.has(d.dimension_code))
		.map((d) => {
			const { n, better, worse } = byAspect.get(d.dimension_code)!;
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
	const { persons, netPositive } = data;
	return {
		persons,
		netPositive,
		netPositiveShare: persons ? netPositive / persons : NaN,
		aspects,
		majorityImproved: majorityImproved(aspects)
	};
}

/** Aspects in which more than half of the respondents rated better (released shares only). */
export function majorityImproved(aspects: readonly ReleasedAspect[]): number {
	return aspects.filter((a) => a.betterShare !== null && a.betterShare > 0.5).length;
}

const ASPECT_FIGURES = ['n', 'better', 'same', 'worse', 'betterShare', 'sameShare', 'worseShare', 'pValue', 'pAdjusted', 'effectSize'] as const;

/** An aspect as released: a hidden figure is null (an SqolAspect is one, nothing hidden). */
export type ReleasedAspect = Omit<SqolAspect, (typeof ASPECT_FIGURES)[number]> & { [K in (typeof ASPECT_FIGURES)[number]]: number | null };

export interface ReleasedSqolSummary {
	persons: number | null;
	netPositive: number | null;
	netPositiveShare: number | null;
	/** Aspects ordered by released % better (descending; hidden last), then display order. */
	aspects: ReleasedAspect[];
	majorityImproved: number;
}

function releaseAspect(a: SqolAspect, ctx: ReleaseContext): ReleasedAspect {
	const code = a.dimension_code;
	const n = released(ctx, SQOL_FAMILY_ID, aspectRow(code), a.n);
	const count = (k: 'better' | 'same' | 'worse') => (n === null ? null : released(ctx, SQOL_FAMILY_ID, aspectRow(code, k), a[k]));
	const [better, same, worse] = [count('better'), count('same'), count('worse')];
	const share = (c: number | null) => (c === null || n === null ? null : c / n);
	// The sign test and the effect size are computed from better and worse: shown only with both (and so with same).
	const tested = better !== null && same !== null && worse !== null;
	return {
		...a,
		n,
		better,
		same,
		worse,
		betterShare: share(better),
		sameShare: share(same),
		worseShare: share(worse),
		pValue: tested ? a.pValue : null,
		pAdjusted: tested ? a.pAdjusted : null,
		effectSize: tested ? a.effectSize : null
	};
}

/** Adjusted p-values over the released tests only; hidden tests stay null, untestable ones NaN. */
function adjustAspects(aspects: readonly ReleasedAspect[], adjust: PAdjustMethod): ReleasedAspect[] {
	const tested = aspects.flatMap((a, i) => (a.pValue !== null && Number.isFinite(a.pValue) ? [[a.pValue, i] as const] : []));
	const adjusted = tested.length ? pAdjust(tested.map(([p]) => p), adjust) : [];
	const byAspect = new Map(tested.map(([, i], k) => [i, adjusted[k]]));
	return aspects.map((a, i) => ({ ...a, adjust, pAdjusted: byAspect.get(i) ?? (a.pValue === null ? null : NaN) }));
}

/**
 * The summary as the release plan allows in the view's selection (pure):
 * hidden figures are null; aspects are ordered by their released share
 * better (hidden last, then display order), the p-values adjusted over the
 * released tests, the majority counted over released shares.
 */
export function releaseSqol(data: SqolData, ctx: ReleaseContext, options: { adjust?: PAdjustMethod } = {}): ReleasedSqolSummary {
	const adjust = options.adjust ?? 'holm';
	const s = summariseSqol(data, { adjust });
	const order = new Map(data.dimensions.map((d, i) => [d.dimension_code, i]));
	const aspects = s.aspects
		.map((a) => releaseAspect(a, ctx))
		.sort((a, b) => (b.betterShare ?? -1) - (a.betterShare ?? -1) || order.get(a.dimension_code)! - order.get(b.dimension_code)!);
	const persons = released(ctx, SQOL_FAMILY_ID, PERSONS_ROW, s.persons);
	const netPositive = released(ctx, SQOL_FAMILY_ID, NET_POSITIVE_ROW, s.netPositive);
	const shown = adjustAspects(aspects, adjust);
	return {
		persons,
		netPositive,
		netPositiveShare: persons !== null && netPositive !== null && persons > 0 ? netPositive / persons : null,
		aspects: shown,
		majorityImproved: majorityImproved(shown)
	};
}

/** The released summary with its p-values adjusted by another method (over the same released tests). */
export function readjustSqol(s: ReleasedSqolSummary, adjust: PAdjustMethod): ReleasedSqolSummary {
	return { ...s, aspects: adjustAspects(s.aspects, adjust) };
}

/** Reading of one aspect (sign test of better vs worse, adjusted p); "–" where the test is not released. */
export function sqolReading(lang: Lang, a: ReleasedAspect): string {
	if (a.n === null || a.pValue === null || a.pAdjusted === null || a.better === null || a.worse === null) return '–';
	const n = formatNumber(lang, a.n);
	if (!Number.isFinite(a.pValue)) return translate(lang, 'qol.sq.readingUntestable', { n });
	const params = { n, p: formatPExpression(lang, a.pAdjusted), method: translate(lang, `paired.adjust.${a.adjust}` as MessageKey) };
	if (a.pAdjusted >= ALPHA) return translate(lang, 'qol.sq.readingNoEvidence', params);
	return translate(lang, a.better > a.worse ? 'qol.sq.readingBetter' : 'qol.sq.readingWorse', params);
}

/** Aspects whose share better is released: the only ones counted or named (ordered by % better). */
export function sqolShownAspects(s: ReleasedSqolSummary): (ReleasedAspect & { n: number; better: number; betterShare: number })[] {
	return s.aspects.filter((a): a is ReleasedAspect & { n: number; better: number; betterShare: number } => a.n !== null && a.better !== null && a.betterShare !== null);
}

/** True when any figure of the table is hidden (the view then shows the "–" note). */
export function sqolAnyHidden(aspects: readonly ReleasedAspect[]): boolean {
	return aspects.some((a) => ASPECT_FIGURES.some((k) => a[k] === null));
}

/** Better, same, worse: the chart's level labels, in the order of CHANGE_COLORS. */
export function sqolLevels(lang: Lang): [string, string, string] {
	return [translate(lang, 'qol.sq.better'), translate(lang, 'qol.sq.same'), translate(lang, 'qol.sq.worse')];
}

/**
 * Stacked bars from the released counts only. The bars stack from the left
 * (better, same, worse), so a segment is drawn only where every segment
 * before it is released too: its place would otherwise rest on a hidden
 * count. An aspect without a released share better has no bar.
 */
export function sqolBars(lang: Lang, aspects: readonly ReleasedAspect[]): AttainmentBar[] {
	const labels = sqolLevels(lang);
	return aspects.flatMap((a) => {
		const out: AttainmentBar[] = [];
		const levels = [
			['better', a.betterShare, a.better],
			['same', a.sameShare, a.same],
			['worse', a.worseShare, a.worse]
		] as const;
		for (const [i, [level, share, count]] of levels.entries()) {
			if (share === null || count === null) break;
			out.push({ domain: nameOf(lang, a), level, levelLabel: labels[i], share, count });
		}
		return out;
	});
}

export type SqolRow = ReleasedAspect & { aspect: string; testName: string; reading: string };

export function sqolRows(lang: Lang, aspects: readonly ReleasedAspect[]): SqolRow[] {
	return aspects.map((a) => ({ ...a, aspect: nameOf(lang, a), testName: a.n === null ? '–' : translate(lang, 'qol.sq.testName'), reading: sqolReading(lang, a) }));
}

export function sqolColumns(lang: Lang, adjust: PAdjustMethod): Column<SqolRow>[] {
	const countShare = (share: 'betterShare' | 'sameShare' | 'worseShare') => (v: unknown, r: SqolRow) =>
		v === null || r[share] === null ? '–' : `${formatNumber(lang, v as number)} (${formatPercent(lang, r[share])})`;
	const p = (v: unknown) => formatPValue(lang, v as number | null);
	const why = translate(lang, 'release.cellHidden', { min: RELEASE_MIN });
	const dash = (key: keyof SqolRow) => (r: SqolRow) => (r[key] === null ? why : null);
	return [
		{ key: 'aspect', label: translate(lang, 'qol.sq.aspect'), rowHeader: true },
		{ key: 'n', label: translate(lang, 'qol.sq.n'), numeric: true, format: (v) => formatNumber(lang, v as number | null), suppressed: dash('n') },
		{ key: 'better', label: translate(lang, 'qol.sq.better'), numeric: true, format: countShare('betterShare'), suppressed: dash('better') },
		{ key: 'same', label: translate(lang, 'qol.sq.same'), numeric: true, format: countShare('sameShare'), suppressed: dash('same') },
		{ key: 'worse', label: translate(lang, 'qol.sq.worse'), numeric: true, format: countShare('worseShare'), suppressed: dash('worse') },
		{ key: 'effectSize', label: translate(lang, 'qol.sq.effect'), numeric: true, format: (v) => formatNumber(lang, v as number | null, 2), suppressed: dash('effectSize') },
		{ key: 'testName', label: translate(lang, 'qol.sq.test') },
		{ key: 'pValue', label: translate(lang, 'paired.p'), numeric: true, format: p, suppressed: dash('pValue') },
		{
			key: 'pAdjusted',
			label: translate(lang, 'paired.pAdjusted', { method: translate(lang, `paired.adjust.${adjust}` as MessageKey) }),
			numeric: true,
			format: p,
			suppressed: dash('pAdjusted')
		},
		{ key: 'reading', label: translate(lang, 'paired.reading'), minWidth: '22rem' }
	];
}

/** The report's findings from the released figures: aspects improved by a majority, the extremes, persons net positive, significance. */
export function sqolFindings(lang: Lang, s: ReleasedSqolSummary): string[] {
	const aspects = sqolShownAspects(s);
	if (aspects.length === 0) return [];
	const out = [
		translate(lang, 'report.sq.majority', {
			k: formatNumber(lang, majorityImproved(aspects)),
			m: formatNumber(lang, aspects.length)
		})
	];
	if (aspects.length >= 4) {
		const fmt = (a: ReleasedAspect) => `${inline(nameOf(lang, a))} ${formatPercent(lang, a.betterShare)}`;
		out.push(
			translate(lang, 'report.sq.extremes', {
				high: list(lang, aspects.slice(0, 2).map(fmt)),
				low: list(lang, aspects.slice(-2).map(fmt))
			})
		);
	}
	if (s.netPositive !== null && s.netPositiveShare !== null) {
		out.push(
			translate(lang, 'report.sq.net', {
				share: formatPercent(lang, s.netPositiveShare),
				k: formatNumber(lang, s.netPositive),
				n: formatNumber(lang, s.persons)
			})
		);
	}
	// Over the aspects whose test is released (the others were not adjusted or counted).
	const tested = s.aspects.filter((a) => a.pValue !== null && a.better !== null && a.worse !== null);
	if (tested.length) {
		out.push(
			translate(lang, 'report.sq.significant', {
				method: method(lang, tested[0].adjust),
				k: formatNumber(lang, tested.filter((a) => a.pAdjusted !== null && a.pAdjusted < ALPHA && a.better! > a.worse!).length),
				m: formatNumber(lang, tested.length)
			})
		);
	}
	return out;
}
