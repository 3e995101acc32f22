/**
 * What the SFK results say in words (pure): the reading of each domain's
 * change, the view's change-by-domain table that carries it, and the
 * report's generated findings. One rule for the direction everywhere:
 * more children improved than worsened (lower qualifier = better), as the
 * rank test sees it; never the median change, which is 0 when most children
 * are unchanged.
 */
import { translate, type Lang, type MessageKey } from '#lib/i18n/index.svelte.ts';
import { formatNumber, formatPercent, formatPValue, formatPExpression } from '#lib/i18n/format.ts';
import { nameOf, inline, method } from '#lib/i18n/sentences.ts';
import { DEFAULT_MIN_CELL, tooFew } from '#lib/privacy/threshold.ts';
import type { PAdjustMethod } from '#lib/stats/index.ts';
import type { Column } from '#lib/ui/table.ts';
import type { PairedComparison } from '#lib/outcomes/paired/compare.ts';
import { ALPHA } from '#lib/outcomes/paired/alpha.ts';
import { functioningDomainNames, type FunctioningSummary } from './summary.ts';

/** The reading of one domain's change, e.g. "Improvement: 24 improved, 2 worse (n = 99; p < 0.001, Holm correction)." */
export function functioningReading(lang: Lang, r: PairedComparison): string {
	const params = {
		n: formatNumber(lang, r.n),
		improved: formatNumber(lang, r.improved),
		worse: formatNumber(lang, r.worse),
		p: formatPExpression(lang, r.pAdjusted),
		method: method(lang, r.adjust)
	};
	if (!Number.isFinite(r.pValue)) return translate(lang, 'functioning.readingUntestable', params);
	if (!(r.pAdjusted < ALPHA)) return translate(lang, 'functioning.readingNoEvidence', params);
	return translate(lang, r.improved > r.worse ? 'functioning.readingBetter' : 'functioning.readingWorse', params);
}

export type FunctioningPairedRow = PairedComparison & { dimension: string; testName: string; reading: string };

/** One row per domain; a domain on too few children shows only its name, n and why. */
export function functioningPairedRows(lang: Lang, summary: FunctioningSummary | null | undefined): FunctioningPairedRow[] {
	const names = functioningDomainNames(lang, summary);
	return (summary?.comparisons ?? []).map((r) => {
		const base = { ...r, dimension: names.get(r.dimension_code) ?? r.dimension_code, testName: translate(lang, `paired.test.${r.test}` as MessageKey) };
		return tooFew(r.n)
			? { ...base, baselineMean: NaN, followupMean: NaN, meanChange: NaN, medianChange: NaN, improved: NaN, unchanged: NaN, worse: NaN, statistic: NaN, pValue: NaN, pAdjusted: NaN, effectSize: NaN, reading: translate(lang, 'privacy.tooFew', { min: DEFAULT_MIN_CELL }) }
			: { ...base, reading: functioningReading(lang, r) };
	});
}

export function functioningPairedColumns(lang: Lang, adjust: PAdjustMethod): Column<FunctioningPairedRow>[] {
	const t = (key: MessageKey, params?: Record<string, string | number>) => translate(lang, key, params);
	const fmt = (d: number) => (v: unknown) => formatNumber(lang, v as number, d);
	const pv = (v: unknown) => formatPValue(lang, v as number);
	return [
		{ key: 'dimension', label: t('paired.dimension'), rowHeader: true },
		{ key: 'n', label: t('paired.n'), numeric: true, format: fmt(0) },
		{ key: 'baselineMean', label: `${t('paired.baseline')} (${t('functioning.meanQualifier')})`, numeric: true, format: fmt(2) },
		{ key: 'followupMean', label: `${t('paired.followup')} (${t('functioning.meanQualifier')})`, numeric: true, format: fmt(2) },
		{ key: 'improved', label: t('paired.improved'), numeric: true, format: fmt(0) },
		{ key: 'unchanged', label: t('paired.unchanged'), numeric: true, format: fmt(0) },
		{ key: 'worse', label: t('paired.worse'), numeric: true, format: fmt(0) },
		{ key: 'effectSize', label: `${t('paired.effectSize')} (${t('paired.effect.wilcoxon')})`, numeric: true, format: fmt(2) },
		{ key: 'testName', label: t('paired.test') },
		{ key: 'statistic', label: 'V', numeric: true, format: fmt(1) },
		{ key: 'pValue', label: t('paired.p'), numeric: true, format: pv },
		{ key: 'pAdjusted', label: t('paired.pAdjusted', { method: method(lang, adjust) }), numeric: true, format: pv },
		{ key: 'reading', label: t('paired.reading'), minWidth: '22rem' }
	];
}

/** The report's findings: positive change, the other groups, domains net improved, significant domains. */
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
