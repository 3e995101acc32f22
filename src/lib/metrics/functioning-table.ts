/**
 * Table shaping for the functioning (SFK) view and the report's SFK section
 * (pure; no queries): domain names, the qualifier distribution per domain and
 * wave (chart bars and table), and the children's change groups.
 */
import { translate, type Lang, type MessageKey } from '#lib/i18n/index.svelte.ts';
import { formatNumber, formatPercent } from '#lib/i18n/format.ts';
import { tooFew } from '#lib/privacy/threshold.ts';
import type { Column } from '#lib/ui/table.ts';
import type { QualifierBar } from '#lib/ui/charts/qualifiers.ts';
import { QUALIFIER_CATEGORIES, type FunctioningSummary, type QualifierCategory } from '#lib/metrics/functioning.ts';

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
