/**
 * What the SFK results say in words (pure): the reading of each domain's
 * change, the view's change-by-domain table that carries it, and the
 * report's generated findings. One rule for the direction everywhere:
 * more children improved than worsened (lower qualifier = better), as the
 * rank test sees it; never the median change, which is 0 when most children
 * are unchanged. Everything is said from released figures only: a hidden
 * one is "–", and a statement resting on hidden figures is left out.
 */
import { translate, type Lang, type MessageKey } from '#lib/i18n/translate.ts';
import { formatNumber, formatPercent, formatPValue, formatPExpression } from '#lib/i18n/format.ts';
import { nameOf, inline, method } from '#lib/i18n/sentences.ts';
import { RELEASE_MIN } from '#lib/privacy/release/rules.ts';
import type { PAdjustMethod } from '#lib/stats/index.ts';
import type { Column } from '#lib/ui/table.ts';
import type { ReleasedComparison } from '#lib/outcomes/paired/release.ts';
import { ALPHA } from '#lib/outcomes/paired/alpha.ts';
import { functioningDomainNames, type ReleasedFunctioning } from './summary.ts';

/**
 * The reading of one domain's change, e.g. "Improvement: 24 improved, 2 worse
 * (n = 99; p < 0.001, Holm correction)."; "–" where its test is not released.
 */
export function functioningReading(lang: Lang, r: ReleasedComparison): string {
	if (r.n === null || r.pValue === null || r.improved === null || r.worse === null) return '–';
	const params = {
		n: formatNumber(lang, r.n),
		improved: formatNumber(lang, r.improved),
		worse: formatNumber(lang, r.worse),
		p: formatPExpression(lang, r.pAdjusted),
		method: method(lang, r.adjust)
	};
	if (!Number.isFinite(r.pValue)) return translate(lang, 'functioning.readingUntestable', params);
	if (!(r.pAdjusted !== null && r.pAdjusted < ALPHA)) return translate(lang, 'functioning.readingNoEvidence', params);
	return translate(lang, r.improved > r.worse ? 'functioning.readingBetter' : 'functioning.readingWorse', params);
}

export type FunctioningPairedRow = ReleasedComparison & { dimension: string; testName: string; reading: string };

/** One row per domain with pairs; hidden figures null (shown as "–"). */
export function functioningPairedRows(lang: Lang, summary: ReleasedFunctioning | null | undefined): FunctioningPairedRow[] {
	const names = functioningDomainNames(lang, summary);
	return (summary?.comparisons ?? []).map((r) => ({
		...r,
		dimension: names.get(r.dimension_code) ?? r.dimension_code,
		testName: r.pValue === null ? '–' : translate(lang, `paired.test.${r.test}` as MessageKey),
		reading: functioningReading(lang, r)
	}));
}

export function functioningPairedColumns(lang: Lang, adjust: PAdjustMethod): Column<FunctioningPairedRow>[] {
	const t = (key: MessageKey, params?: Record<string, string | number>) => translate(lang, key, params);
	const fmt = (d: number) => (v: unknown) => formatNumber(lang, v as number | null, d);
	const pv = (v: unknown) => formatPValue(lang, v as number | null);
	const why = t('release.cellHidden', { min: RELEASE_MIN });
	const dash = (key: keyof FunctioningPairedRow) => (r: FunctioningPairedRow) => (r[key] === null ? why : null);
	return [
		{ key: 'dimension', label: t('paired.dimension'), rowHeader: true },
		{ key: 'n', label: t('paired.n'), numeric: true, format: fmt(0), suppressed: dash('n') },
		{ key: 'baselineMean', label: `${t('paired.baseline')} (${t('functioning.meanQualifier')})`, numeric: true, format: fmt(2), suppressed: dash('baselineMean') },
		{ key: 'followupMean', label: `${t('paired.followup')} (${t('functioning.meanQualifier')})`, numeric: true, format: fmt(2), suppressed: dash('followupMean') },
		{ key: 'improved', label: t('paired.improved'), numeric: true, format: fmt(0), suppressed: dash('improved') },
		{ key: 'unchanged', label: t('paired.unchanged'), numeric: true, format: fmt(0), suppressed: dash('unchanged') },
		{ key: 'worse', label: t('paired.worse'), numeric: true, format: fmt(0), suppressed: dash('worse') },
		{ key: 'effectSize', label: `${t('paired.effectSize')} (${t('paired.effect.wilcoxon')})`, numeric: true, format: fmt(2), suppressed: dash('effectSize') },
		{ key: 'testName', label: t('paired.test') },
		{ key: 'statistic', label: 'V', numeric: true, format: fmt(1), suppressed: dash('statistic') },
		{ key: 'pValue', label: t('paired.p'), numeric: true, format: pv, suppressed: dash('pValue') },
		{ key: 'pAdjusted', label: t('paired.pAdjusted', { method: method(lang, adjust) }), numeric: true, format: pv, suppressed: dash('pAdjusted') },
		{ key: 'reading', label: t('paired.reading'), minWidth: '22rem' }
	];
}

/**
 * The report's findings: positive change, the other groups, domains net
 * improved, significant domains. None when the children assessed are not
 * released; the tests' finding only over released tests (and left out when
 * none is released: "none significant" would rest on hidden tests).
 */
export function functioningFindings(lang: Lang, s: ReleasedFunctioning): string[] {
	const c = s.children;
	if (c.assessed === null || c.assessed < RELEASE_MIN) return [];
	const out = [
		translate(lang, 'report.sfk.positive', {
			positive: formatNumber(lang, c.positive),
			n: formatNumber(lang, c.assessed),
			share: formatPercent(lang, c.positive === null ? null : c.positive / c.assessed)
		}),
		translate(lang, 'report.sfk.mixed', {
			mixed: formatNumber(lang, c.mixed),
			onlyWorse: formatNumber(lang, c.onlyWorse),
			noChange: formatNumber(lang, c.noChange)
		})
	];
	if (s.comparisons.length === 0) return out;
	out.push(
		translate(lang, 'report.sfk.domains', {
			k: formatNumber(lang, s.domainsNetImproved),
			m: formatNumber(lang, s.comparisons.length)
		})
	);
	const tested = s.comparisons.filter((r) => r.pValue !== null);
	if (tested.length === 0) return out;
	const better = tested
		.filter((r) => r.pAdjusted !== null && r.pAdjusted < ALPHA && r.improved !== null && r.worse !== null && r.improved > r.worse)
		.sort((a, b) => (a.pAdjusted ?? 1) - (b.pAdjusted ?? 1) || a.dimension_code.localeCompare(b.dimension_code));
	const adjust = method(lang, tested[0].adjust);
	out.push(
		better.length
			? translate(lang, 'report.sfk.significant', {
					k: formatNumber(lang, better.length),
					m: formatNumber(lang, tested.length),
					list: better.map((r) => `${r.dimension_code} ${inline(nameOf(lang, r))}`).join(', '),
					method: adjust
				})
			: translate(lang, 'report.sfk.noneSignificant', { method: adjust })
	);
	return out;
}
