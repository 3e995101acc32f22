// Over 300 lines: the SFK summary, its release through the release path and the tables built from the released figures are one set of rules, kept together.
/**
 * SFK (ICF / ICF-CY) functioning change for children, pure shaping (no
 * queries): activity and participation chapters d1–d9, generic qualifier 0
 * (no difficulty) … 4 (complete difficulty); lower is better. Codes 8 (not
 * specified) and 9 (not applicable) are kept in the distributions but
 * excluded from change.
 *
 * Per domain: qualifier distribution at baseline and follow-up (children with
 * both assessments), improved / unchanged / worse, and a paired Wilcoxon
 * signed-rank test with the nine p-values adjusted together (Holm, or
 * Benjamini–Hochberg on request). Also the rows and columns of the view's
 * tables and the qualifier chart's bars.
 *
 * "Children with positive change" (the published 47): children whose
 * qualifier fell (improved) in at least one domain and rose (worsened) in
 * none, counting only domains rated 0–4 at both waves. This is the definition
 * the pilot data generator uses (data/generators/outcomes.ts: 47 children
 * improved only; 10 more improved in some domain but worsened in another).
 *
 * Every figure a view shows comes from `releaseFunctioning` (the release
 * path's plan of the SFK table family, family.ts): a hidden one is null,
 * shown as "–". The table and chart builders take released summaries (an
 * unreleased FunctioningSummary is one with nothing hidden).
 */
import type { PAdjustMethod } from '#lib/stats/index.ts';
import { translate, type Lang, type MessageKey } from '#lib/i18n/translate.ts';
import { formatNumber, formatPercent } from '#lib/i18n/format.ts';
import { released, type ReleaseContext } from '#lib/privacy/release/context.ts';
import { RELEASE_MIN } from '#lib/privacy/release/rules.ts';
import type { Column } from '#lib/ui/table.ts';
import { comparePaired, type PairedComparison } from '#lib/outcomes/paired/compare.ts';
import { adjustReleased, type ReleasedComparison } from '#lib/outcomes/paired/release.ts';
import type { InstrumentDimension } from '#lib/outcomes/paired/query.ts';
import type { SfkData } from './query.ts';
import type { QualifierBar } from './chart.ts';
import { CHANGE_KINDS, CHILD_GROUPS, SFK_FAMILY_ID, sfkRow } from './family.ts';

export const QUALIFIERS = ['0', '1', '2', '3', '4'] as const;
/** Category for codes 8 (not specified) and 9 (not applicable). */
export const NOT_RATED = '8/9';
export type QualifierCategory = (typeof QUALIFIERS)[number] | typeof NOT_RATED;
export const QUALIFIER_CATEGORIES: QualifierCategory[] = [...QUALIFIERS, NOT_RATED];

export function isRated(q: number): boolean {
	return Number.isInteger(q) && q >= 0 && q <= 4;
}

export interface QualifierCount {
	dimension_code: string;
	wave: 'baseline' | 'followup';
	qualifier: QualifierCategory;
	count: number;
	/** count / children assessed in the domain (both waves, any code) */
	share: number;
}

export interface ChildrenChange {
	/** Children with at least one domain rated 0–4 at both waves. */
	assessed: number;
	/** Improved in ≥ 1 domain and worse in none: the published "positive change". */
	positive: number;
	/** Improved in ≥ 1 domain (whatever else happened). */
	improvedAny: number;
	/** Improved in some domain and worse in another. */
	mixed: number;
	/** Worse in ≥ 1 domain and improved in none. */
	onlyWorse: number;
	/** No change in any rated domain. */
	noChange: number;
}

export interface FunctioningSummary {
	dimensions: InstrumentDimension[];
	distribution: QualifierCount[];
	/** Per domain, children with both waves (any code) — the denominator of `share`. */
	assessedByDomain: Record<string, number>;
	comparisons: PairedComparison[];
	children: ChildrenChange;
	/** Domains in which more children improved than worsened. */
	domainsNetImproved: number;
}

export function summariseFunctioning(data: SfkData, options: { adjust?: PAdjustMethod } = {}): FunctioningSummary {
	const { dimensions, pairs } = data;
	const assessedByDomain: Record<string, number> = {};
	// Per domain, counts by wave and qualifier in one array ([wave · K + category]): a national
	// cohort has ~40,000 pairs, and a string key per pair and wave cost 50 ms.
	const K = QUALIFIER_CATEGORIES.length;
	const categoryIndex = new Map<number, number>();
	const indexOf = (q: number): number => {
		let i = categoryIndex.get(q);
		if (i === undefined) categoryIndex.set(q, (i = QUALIFIER_CATEGORIES.indexOf(isRated(q) ? (String(q) as QualifierCategory) : NOT_RATED)));
		return i;
	};
	const counts = new Map<string, Int32Array>();
	for (const p of pairs) {
		assessedByDomain[p.dimension_code] = (assessedByDomain[p.dimension_code] ?? 0) + 1;
		let c = counts.get(p.dimension_code);
		if (!c) counts.set(p.dimension_code, (c = new Int32Array(2 * K)));
		// (A qualifier outside the categories is not shown, as before: no slot.)
		const b = indexOf(p.baseline);
		const f = indexOf(p.followup);
		if (b >= 0) c[b]++;
		if (f >= 0) c[K + f]++;
	}
	const distribution: QualifierCount[] = dimensions
		.filter((d) => assessedByDomain[d.dimension_code])
		.flatMap((d) =>
			(['baseline', 'followup'] as const).flatMap((wave, w) =>
				QUALIFIER_CATEGORIES.map((qualifier, q) => {
					const count = counts.get(d.dimension_code)?.[w * K + q] ?? 0;
					return { dimension_code: d.dimension_code, wave, qualifier, count, share: count / assessedByDomain[d.dimension_code] };
				})
			)
		);

	const rated = pairs.filter((p) => isRated(p.baseline) && isRated(p.followup));
	const comparisons = comparePaired(rated, dimensions, { test: 'wilcoxon', adjust: options.adjust ?? 'holm' });

	const perChild = new Map<string, { better: number; worse: number }>();
	for (const p of rated) {
		const c = perChild.get(p.participant_id) ?? { better: 0, worse: 0 };
		if (p.followup < p.baseline) c.better++;
		if (p.followup > p.baseline) c.worse++;
		perChild.set(p.participant_id, c);
	}
	const all = [...perChild.values()];
	const children: ChildrenChange = {
		assessed: all.length,
		positive: all.filter((c) => c.better > 0 && c.worse === 0).length,
		improvedAny: all.filter((c) => c.better > 0).length,
		mixed: all.filter((c) => c.better > 0 && c.worse > 0).length,
		onlyWorse: all.filter((c) => c.better === 0 && c.worse > 0).length,
		noChange: all.filter((c) => c.better === 0 && c.worse === 0).length
	};
	return {
		dimensions,
		distribution,
		assessedByDomain,
		comparisons,
		children,
		domainsNetImproved: comparisons.filter((r) => r.improved > r.worse).length
	};
}

// ------------------------------------------------------------------ release

/** A qualifier count as released: count and share null where hidden. */
export type ReleasedQualifierCount = Omit<QualifierCount, 'count' | 'share'> & { count: number | null; share: number | null };
export type ReleasedChildren = { [K in keyof ChildrenChange]: number | null };

/** FunctioningSummary as released: every hidden figure null (a FunctioningSummary is one with nothing hidden). */
export interface ReleasedFunctioning {
	dimensions: InstrumentDimension[];
	distribution: ReleasedQualifierCount[];
	assessedByDomain: Record<string, number | null>;
	comparisons: ReleasedComparison[];
	children: ReleasedChildren;
	/** Domains in which more children improved than worsened; null where a domain's direction is not released. */
	domainsNetImproved: number | null;
}

type Range = [number, number];

/**
 * What the released figures say about a count: itself where shown, 1 … 4
 * where hidden as too small, anything where hidden to protect another.
 */
function range(ctx: ReleaseContext, row: string, value: number): Range {
	const why = ctx.hidden(SFK_FAMILY_ID, row);
	if (why === null) return [value, value];
	return why === 'primary' ? [1, RELEASE_MIN - 1] : [0, Infinity];
}

/**
 * Whether a domain counts as "more children improved than worsened", as far
 * as the released figures tell (null: they do not tell). "24 improved, –
 * worse" tells it, since a count hidden as too small is under 5; nothing is
 * computed from a hidden figure beyond that.
 */
export function releasedDirection(ctx: ReleaseContext, r: Pick<PairedComparison, 'dimension_code' | 'improved' | 'worse'>): boolean | null {
	const [i0, i1] = range(ctx, sfkRow.rated(r.dimension_code, 'improved'), r.improved);
	const [w0, w1] = range(ctx, sfkRow.rated(r.dimension_code, 'worse'), r.worse);
	if (i0 > w1) return true;
	if (i1 <= w0) return false;
	return null;
}

// The figures of a domain computed from its pairs' changes rather than counted.
const CHANGE_FIGURES = ['baselineMean', 'followupMean', 'meanChange', 'medianChange', 'statistic', 'pValue', 'pAdjusted', 'effectSize'] as const;

/**
 * One domain's paired result as released. Its n (the rated pairs) and its
 * improved / unchanged / worse counts are cells of the family. Its means,
 * change, effect size and test are shown only with all four: qualifier
 * changes are mostly ±1, and then the mean change (× n = worse − improved)
 * and the Wilcoxon V (= worse × their mean rank) give a hidden count away.
 */
function releaseComparison(r: PairedComparison, ctx: ReleaseContext): ReleasedComparison {
	const d = r.dimension_code;
	const n = released(ctx, SFK_FAMILY_ID, sfkRow.rated(d), r.n);
	const [improved, unchanged, worse] = CHANGE_KINDS.map((k) => released(ctx, SFK_FAMILY_ID, sfkRow.rated(d, k), r[k]));
	const out: ReleasedComparison = { ...r, n, improved, unchanged, worse };
	if (n !== null && improved !== null && unchanged !== null && worse !== null) return out;
	for (const k of CHANGE_FIGURES) out[k] = null;
	return { ...out, note: null };
}

/**
 * The view's data through the release path (pure): the summary of the
 * selection's SFK pairs with every figure of a hidden row of the SFK family
 * null, and the tests adjusted over the released ones only (at cohort level
 * on the pilot that is none: 2–3 children worse in every domain).
 */
export function releaseFunctioning(data: SfkData, ctx: ReleaseContext, options: { adjust?: PAdjustMethod } = {}): ReleasedFunctioning {
	const s = summariseFunctioning(data, options);
	const rel = (row: string, value: number) => released(ctx, SFK_FAMILY_ID, row, value);
	const assessedByDomain: Record<string, number | null> = {};
	for (const [d, n] of Object.entries(s.assessedByDomain)) assessedByDomain[d] = rel(sfkRow.assessed(d), n);
	const distribution = s.distribution.map((q) => {
		const count = rel(sfkRow.qualifier(q.dimension_code, q.wave, q.qualifier), q.count);
		return { ...q, count, share: count === null || assessedByDomain[q.dimension_code] === null ? null : q.share };
	});
	const c = s.children;
	const [positive, mixed, onlyWorse, noChange] = CHILD_GROUPS.map((g) => rel(sfkRow.children(g), c[g]));
	const children: ReleasedChildren = {
		assessed: rel(sfkRow.children('assessed'), c.assessed),
		positive,
		mixed,
		onlyWorse,
		noChange,
		// Not shown; the sum of two released figures where both are.
		improvedAny: positive === null || mixed === null ? null : positive + mixed
	};
	const comparisons = adjustReleased(
		s.comparisons.map((r) => releaseComparison(r, ctx)),
		options.adjust ?? 'holm'
	);
	const directions = s.comparisons.map((r) => releasedDirection(ctx, r));
	return {
		dimensions: s.dimensions,
		distribution,
		assessedByDomain,
		comparisons,
		children,
		domainsNetImproved: directions.some((x) => x === null) ? null : directions.filter((x) => x).length
	};
}

/** The same released summary with its released p-values adjusted by another method (the page's choice). */
export function readjustFunctioning(s: ReleasedFunctioning, adjust: PAdjustMethod): ReleasedFunctioning {
	return { ...s, comparisons: adjustReleased(s.comparisons, adjust) };
}

// ------------------------------------------------------------------ tables

type Summary = ReleasedFunctioning | null | undefined;
type Wave = 'baseline' | 'followup';

/** A hidden cell's tooltip (the cell shows "–", muted; the note under the table says the same). */
const hiddenWhy = (lang: Lang) => translate(lang, 'release.cellHidden', { min: RELEASE_MIN });

/** "d110 Watching" per dimension code, in the UI language. */
export function functioningDomainNames(lang: Lang, summary: Summary): Map<string, string> {
	return new Map((summary?.dimensions ?? []).map((d) => [d.dimension_code, `${d.dimension_code} ${lang === 'lv' ? d.name_lv : d.name_en}`]));
}

/** Domains whose children with both waves are released (and some): the distribution's domains. */
export function functioningShownDomains(summary: Summary): string[] {
	return (summary?.dimensions ?? []).filter((d) => (summary?.assessedByDomain[d.dimension_code] ?? 0) > 0).map((d) => d.dimension_code);
}

export const qualifierLabel = (lang: Lang, q: QualifierCategory) => translate(lang, `functioning.q.${q}` as MessageKey);
export const qualifierCategoryLabels = (lang: Lang) => QUALIFIER_CATEGORIES.map((q) => qualifierLabel(lang, q));
export const functioningWaveLabel = (lang: Lang, w: Wave) => translate(lang, w === 'baseline' ? 'paired.baseline' : 'paired.followup');

/** Bars of the qualifier chart: share of children per shown domain, wave and qualifier; a hidden count has no bar. */
export function functioningQualifierBars(lang: Lang, summary: Summary): QualifierBar[] {
	const shown = functioningShownDomains(summary);
	const names = functioningDomainNames(lang, summary);
	return (summary?.distribution ?? []).flatMap((d) =>
		shown.includes(d.dimension_code) && d.count !== null && d.share !== null
			? [
					{
						domain: names.get(d.dimension_code) ?? d.dimension_code,
						waveLabel: functioningWaveLabel(lang, d.wave),
						category: d.qualifier,
						categoryLabel: qualifierLabel(lang, d.qualifier),
						share: d.share,
						count: d.count
					}
				]
			: []
	);
}

export type FunctioningDistRow = {
	domain: string;
	wave: string;
	n: number | null;
	q0: number | null;
	q1: number | null;
	q2: number | null;
	q3: number | null;
	q4: number | null;
	q89: number | null;
};

/** Children per qualifier in each shown domain and wave (null: hidden). */
export function functioningDistRows(lang: Lang, summary: Summary): FunctioningDistRow[] {
	if (!summary) return [];
	const names = functioningDomainNames(lang, summary);
	return functioningShownDomains(summary).flatMap((code) =>
		(['baseline', 'followup'] as const).map((wave) => {
			const cell = (q: QualifierCategory) => {
				const d = summary.distribution.find((x) => x.dimension_code === code && x.wave === wave && x.qualifier === q);
				return d ? d.count : 0;
			};
			return {
				domain: names.get(code) ?? code,
				wave: functioningWaveLabel(lang, wave),
				n: summary.assessedByDomain[code] ?? null,
				q0: cell('0'),
				q1: cell('1'),
				q2: cell('2'),
				q3: cell('3'),
				q4: cell('4'),
				q89: cell('8/9')
			};
		})
	);
}

export function functioningDistColumns(lang: Lang): Column<FunctioningDistRow>[] {
	const categoryLabels = qualifierCategoryLabels(lang);
	const why = hiddenWhy(lang);
	// The share only of a released count and a released n.
	const countShare = (v: unknown, r: FunctioningDistRow) =>
		v === null ? '–' : `${formatNumber(lang, v as number)} (${formatPercent(lang, r.n ? (v as number) / r.n : null)})`;
	return [
		{ key: 'domain', label: translate(lang, 'functioning.domain'), rowHeader: true },
		{ key: 'wave', label: translate(lang, 'functioning.wave') },
		{ key: 'n', label: translate(lang, 'functioning.n'), numeric: true, format: (v) => formatNumber(lang, v as number | null), suppressed: (r) => (r.n === null ? why : null) },
		...(['q0', 'q1', 'q2', 'q3', 'q4', 'q89'] as const).map((key, i) => ({
			key,
			label: categoryLabels[i],
			numeric: true,
			format: countShare,
			suppressed: (r: FunctioningDistRow) => (r[key] === null ? why : null)
		}))
	];
}

export type FunctioningChildRow = { group: string; children: number | null; share: number | null };

/** Children by kind of change (positive, mixed, only worse, no change) and all assessed (null: hidden). */
export function functioningChildRows(lang: Lang, summary: Summary): FunctioningChildRow[] {
	if (!summary) return [];
	const c = summary.children;
	const row = (key: MessageKey, n: number | null) => ({ group: translate(lang, key), children: n, share: n === null || !c.assessed ? null : n / c.assessed });
	return [
		row('functioning.group.positive', c.positive),
		row('functioning.group.mixed', c.mixed),
		row('functioning.group.onlyWorse', c.onlyWorse),
		row('functioning.group.noChange', c.noChange),
		row('functioning.group.assessed', c.assessed)
	];
}

export function functioningChildColumns(lang: Lang): Column<FunctioningChildRow>[] {
	const why = hiddenWhy(lang);
	return [
		{ key: 'group', label: translate(lang, 'functioning.childGroup'), rowHeader: true },
		{ key: 'children', label: translate(lang, 'functioning.children'), numeric: true, format: (v) => formatNumber(lang, v as number | null), suppressed: (r) => (r.children === null ? why : null) },
		{ key: 'share', label: translate(lang, 'functioning.share'), numeric: true, format: (v) => formatPercent(lang, v as number | null), suppressed: (r) => (r.share === null ? why : null) }
	];
}

/** The comparisons as the shared paired table and sheet show them: the domain code before its name. */
export function functioningPairedResults(summary: Summary): ReleasedComparison[] {
	return (summary?.comparisons ?? []).map((r) => ({ ...r, name_lv: `${r.dimension_code} ${r.name_lv}`, name_en: `${r.dimension_code} ${r.name_en}` }));
}
