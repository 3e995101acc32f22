/**
 * A paired-results sheet of the report's workbook in the current language:
 * the same released figures as the table on screen (a hidden one is an
 * empty cell).
 */
import { t, i18n, type MessageKey } from '#lib/i18n/index.svelte.ts';
import type { XlsxSheet } from '#lib/export/xlsx-write.ts';
import { RELEASE_MIN } from '#lib/privacy/release/rules.ts';
import type { PairedComparison } from './compare.ts';
import { PAIRED_FIGURES, type ReleasedComparison } from './release.ts';

/**
 * Rows that did not come through the release path (n given but under the
 * threshold) keep only their name: released rows (n null or ≥ RELEASE_MIN)
 * pass unchanged.
 */
export function unreleasedGuard(r: ReleasedComparison | PairedComparison): ReleasedComparison {
	if (r.n === null || r.n >= RELEASE_MIN) return r;
	const out: ReleasedComparison = { ...r, note: null };
	for (const k of PAIRED_FIGURES) out[k] = null;
	return out;
}

export function pairedResultsSheet(name: string, rows: readonly ReleasedComparison[]): XlsxSheet {
	const adjust = rows[0]?.adjust ?? 'holm';
	const test = rows[0]?.test ?? 'paired_t';
	return {
		name,
		header: [
			t('paired.dimension'),
			t('paired.n'),
			t('paired.baseline'),
			t('paired.followup'),
			t('paired.meanChange'),
			t('paired.improved'),
			t('paired.unchanged'),
			t('paired.worse'),
			`${t('paired.effectSize')} (${t(`paired.effect.${test}` as MessageKey)})`,
			t('paired.test'),
			t('paired.p'),
			t('paired.pAdjusted', { method: t(`paired.adjust.${adjust}` as MessageKey) })
		],
		rows: rows.map(unreleasedGuard).map((r) => [
			i18n.lang === 'lv' ? r.name_lv : r.name_en,
			r.n,
			r.baselineMean,
			r.followupMean,
			r.meanChange,
			r.improved,
			r.unchanged,
			r.worse,
			r.effectSize,
			r.n === null ? null : t(`paired.test.${r.test}` as MessageKey),
			r.pValue,
			r.pAdjusted
		])
	};
}
