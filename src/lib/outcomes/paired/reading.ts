/**
 * One plain-language sentence per paired result, in the UI language, e.g.
 * "Higher at follow-up by 2,3 on average (n = 95; p = 0,012 after Holm correction)."
 * Never a p-value without n; "–" where the release path hides the test or
 * the counts it would state.
 */
import type { ReleasedComparison } from './release.ts';
import type { MessageKey } from '#lib/i18n/catalogue.ts';
import { translate, type Lang } from '#lib/i18n/translate.ts';
import { formatNumber, formatPExpression } from '#lib/i18n/format.ts';
import { nameOf, inline, method, signed, pText } from '#lib/i18n/sentences.ts';
import { ALPHA } from './alpha.ts';

export function pairedReading(lang: Lang, r: ReleasedComparison, digits = 1): string {
	if (r.n === null || r.pValue === null || r.pAdjusted === null || r.meanChange === null) return '–';
	const n = formatNumber(lang, r.n);
	if (!Number.isFinite(r.pValue)) return translate(lang, 'paired.readingUntestable', { n });
	const p = formatPExpression(lang, r.pAdjusted);
	const method = translate(lang, `paired.adjust.${r.adjust}`);
	const significant = r.pAdjusted < ALPHA;
	if (r.test !== 'paired_t') {
		// Ordinal scores: most people often do not change, so the median change is 0;
		// the direction is that of the changes (improved vs worse), as the rank tests see it.
		if (r.improved === null || r.worse === null) return '–';
		const better = r.improved > r.worse;
		const key = !significant ? 'paired.readingNoEvidence' : better ? 'paired.readingOrdinalBetter' : 'paired.readingOrdinalWorse';
		return translate(lang, key, {
			n,
			p,
			method,
			improved: formatNumber(lang, r.improved),
			worse: formatNumber(lang, r.worse)
		});
	}
	const better = r.higher_is_better ? r.meanChange > 0 : r.meanChange < 0;
	const key = !significant ? 'paired.readingNoEvidence' : better ? 'paired.readingBetter' : 'paired.readingWorse';
	return translate(lang, key, {
		n,
		p,
		method,
		size: formatNumber(lang, Math.abs(r.meanChange), digits),
		measure: translate(lang, 'paired.onAverage')
	});
}

/**
 * One finding naming the dimensions that differ significantly (adjusted p <
 * ALPHA) with their mean change and p, or saying that none does (`none`).
 */
export function pairedSignificance(lang: Lang, rows: readonly ReleasedComparison[], some: MessageKey, none: MessageKey): string {
	const adjust = method(lang, rows[0]?.adjust ?? 'holm');
	const sig = rows.flatMap((r) => (r.pAdjusted !== null && r.pAdjusted < ALPHA && r.meanChange !== null ? [{ ...r, pAdjusted: r.pAdjusted, meanChange: r.meanChange }] : []));
	if (!sig.length) return translate(lang, none, { method: adjust });
	return translate(lang, some, {
		method: adjust,
		list: sig.map((r) => `${inline(nameOf(lang, r))} (${signed(lang, r.meanChange, 1)}; ${pText(lang, r.pAdjusted)})`).join(', ')
	});
}
