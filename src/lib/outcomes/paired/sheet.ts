/** Column labels of a paired-results sheet in the current language, and a sheet builder bound to them. */
import { t, i18n, type MessageKey } from '#lib/i18n/index.svelte.ts';
import type { PairedComparison } from './compare.ts';
import { tooFew } from '#lib/privacy/threshold.ts';
import { pairedSheet } from '#lib/report/sheets.svelte.ts';

export function pairedResultsSheet(name: string, rows: PairedComparison[]) {
	const adjust = rows[0]?.adjust ?? 'holm';
	return pairedSheet(
		name,
		rows,
		{
			dimension: t('paired.dimension'),
			n: t('paired.n'),
			baseline: t('paired.baseline'),
			followup: t('paired.followup'),
			meanChange: t('paired.meanChange'),
			improved: t('paired.improved'),
			unchanged: t('paired.unchanged'),
			worse: t('paired.worse'),
			effectSize: `${t('paired.effectSize')} (${t(`paired.effect.${rows[0]?.test ?? 'paired_t'}` as MessageKey)})`,
			test: t('paired.test'),
			p: t('paired.p'),
			pAdjusted: t('paired.pAdjusted', { method: t(`paired.adjust.${adjust}` as MessageKey) })
		},
		(r) => (i18n.lang === 'lv' ? r.name_lv : r.name_en),
		(r) => t(`paired.test.${r.test}` as MessageKey),
		(n) => tooFew(n)
	);
}
