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
 */
import type { PAdjustMethod } from '#lib/stats/index.ts';
import { translate, type Lang, type MessageKey } from '#lib/i18n/index.svelte.ts';
import { formatNumber, formatPercent } from '#lib/i18n/format.ts';
import { tooFew } from '#lib/privacy/threshold.ts';
import type { Column } from '#lib/ui/table.ts';
import { comparePaired, type PairedComparison } from '#lib/outcomes/paired/compare.ts';
import type { InstrumentDimension } from '#lib/outcomes/paired/query.ts';
import type { SfkData } from './query.ts';
import type { QualifierBar } from './chart.ts';

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
	const counts = new Map<string, number>();
	const key = (d: string, w: string, q: string) => `${d}|${w}|${q}`;
	const category = (q: number): QualifierCategory => (isRated(q) ? (String(q) as QualifierCategory) : NOT_RATED);
	for (const p of pairs) {
		assessedByDomain[p.dimension_code] = (assessedByDomain[p.dimension_code] ?? 0) + 1;
		for (const [wave, q] of [['baseline', p.baseline], ['followup', p.followup]] as const) {
			const k = key(p.dimension_code, wave, category(q));
			counts.set(k, (counts.get(k) ?? 0) + 1);
		}
	}
	const distribution: QualifierCount[] = dimensions
		.filter((d) => assessedByDomain[d.dimension_code])
		.flatMap((d) =>
			(['baseline', 'followup'] as const).flatMap((wave) =>
				QUALIFIER_CATEGORIES.map((qualifier) => {
					const count = counts.get(key(d.dimension_code, wave, qualifier)) ?? 0;
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

// ------------------------------------------------------------------ tables

type Summary = FunctioningSummary | null | undefined;
type Wave = 'baseline' | 'followup';

/** "d110 Watching" per dimension code, in the UI language. */
export function functioningDomainNames(lang: Lang, summary: Summary): Map<string, string> {
	return new Map((summary?.dimensions ?? []).map((d) => [d.dimension_code, `${d.dimension_code} ${lang === 'lv' ? d.name_lv : d.name_en}`]));
}

/** Domains assessed for enough children to be shown. */
export function functioningShownDomains(summary: Summary): string[] {
	return (summary?.dimensions ?? []).filter((d) => !tooFew(summary?.assessedByDomain[d.dimension_code] ?? 0)).map((d) => d.dimension_code);
}

export const qualifierLabel = (lang: Lang, q: QualifierCategory) => translate(lang, `functioning.q.${q}` as MessageKey);
export const qualifierCategoryLabels = (lang: Lang) => QUALIFIER_CATEGORIES.map((q) => qualifierLabel(lang, q));
export const functioningWaveLabel = (lang: Lang, w: Wave) => translate(lang, w === 'baseline' ? 'paired.baseline' : 'paired.followup');

/** Bars of the qualifier chart: share of children per shown domain, wave and qualifier. */
export function functioningQualifierBars(lang: Lang, summary: Summary): QualifierBar[] {
	const shown = functioningShownDomains(summary);
	const names = functioningDomainNames(lang, summary);
	return (summary?.distribution ?? [])
		.filter((d) => shown.includes(d.dimension_code))
		.map((d) => ({
			domain: names.get(d.dimension_code) ?? d.dimension_code,
			waveLabel: functioningWaveLabel(lang, d.wave),
			category: d.qualifier,
			categoryLabel: qualifierLabel(lang, d.qualifier),
			share: d.share,
			count: d.count
		}));
}

export type FunctioningDistRow = {
	domain: string;
	wave: string;
	n: number;
	q0: number;
	q1: number;
	q2: number;
	q3: number;
	q4: number;
	q89: number;
};

/** Children per qualifier in each shown domain and wave. */
export function functioningDistRows(lang: Lang, summary: Summary): FunctioningDistRow[] {
	if (!summary) return [];
	const names = functioningDomainNames(lang, summary);
	return functioningShownDomains(summary).flatMap((code) =>
		(['baseline', 'followup'] as const).map((wave) => {
			const cell = (q: QualifierCategory) =>
				summary.distribution.find((d) => d.dimension_code === code && d.wave === wave && d.qualifier === q)?.count ?? 0;
			return {
				domain: names.get(code) ?? code,
				wave: functioningWaveLabel(lang, wave),
				n: summary.assessedByDomain[code],
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
	const countShare = (v: unknown, r: FunctioningDistRow) => `${formatNumber(lang, v as number)} (${formatPercent(lang, (v as number) / r.n)})`;
	return [
		{ key: 'domain', label: translate(lang, 'functioning.domain'), rowHeader: true },
		{ key: 'wave', label: translate(lang, 'functioning.wave') },
		{ key: 'n', label: translate(lang, 'functioning.n'), numeric: true, format: (v) => formatNumber(lang, v as number) },
		...(['q0', 'q1', 'q2', 'q3', 'q4', 'q89'] as const).map((key, i) => ({
			key,
			label: categoryLabels[i],
			numeric: true,
			format: countShare
		}))
	];
}

export type FunctioningChildRow = { group: string; children: number; share: number };

/** Children by kind of change (positive, mixed, only worse, no change) and all assessed. */
export function functioningChildRows(lang: Lang, summary: Summary): FunctioningChildRow[] {
	if (!summary) return [];
	const c = summary.children;
	const row = (key: MessageKey, n: number) => ({ group: translate(lang, key), children: n, share: n / c.assessed });
	return [
		row('functioning.group.positive', c.positive),
		row('functioning.group.mixed', c.mixed),
		row('functioning.group.onlyWorse', c.onlyWorse),
		row('functioning.group.noChange', c.noChange),
		row('functioning.group.assessed', c.assessed)
	];
}

export function functioningChildColumns(lang: Lang): Column<FunctioningChildRow>[] {
	return [
		{ key: 'group', label: translate(lang, 'functioning.childGroup'), rowHeader: true },
		{ key: 'children', label: translate(lang, 'functioning.children'), numeric: true, format: (v) => formatNumber(lang, v as number) },
		{ key: 'share', label: translate(lang, 'functioning.share'), numeric: true, format: (v) => formatPercent(lang, v as number) }
	];
}

/** The comparisons as the shared paired table and sheet show them: the domain code before its name. */
export function functioningPairedResults(summary: Summary): PairedComparison[] {
	return (summary?.comparisons ?? []).map((r) => ({ ...r, name_lv: `${r.dimension_code} ${r.name_lv}`, name_en: `${r.dimension_code} ${r.name_en}` }));
}
