/**
 * One plain-language sentence per paired result, in the UI language, e.g.
 * "Higher at follow-up by 2,3 on average (n = 95; p = 0,012 after Holm correction)."
 * Never a p-value without n.
 */
import type { PairedComparison } from '#lib/metrics/paired.ts';
import { translate, type Lang } from '#lib/i18n/index.svelte.ts';
import { formatNumber, formatPValue } from '#lib/i18n/format.ts';

export const ALPHA = 0.05;

export function pairedReading(lang: Lang, r: PairedComparison, digits = 1): string {
	const n = formatNumber(lang, r.n);
	if (!Number.isFinite(r.pValue)) return translate(lang, 'paired.readingUntestable', { n });
	const p = formatPValue(lang, r.pAdjusted);
	const change = r.test === 'paired_t' ? r.meanChange : r.medianChange;
	const better = r.higher_is_better ? change > 0 : change < 0;
	const size = formatNumber(lang, Math.abs(change), digits);
	const significant = r.pAdjusted < ALPHA;
	const key = significant
		? better
			? 'paired.readingBetter'
			: 'paired.readingWorse'
		: 'paired.readingNoEvidence';
	const measure = translate(lang, r.test === 'paired_t' ? 'paired.onAverage' : 'paired.median');
	return translate(lang, key, { n, p, size, measure, method: translate(lang, `paired.adjust.${r.adjust}`) });
}
