/** Words for the export form and its report: QIs, hierarchy levels, tables and files (from the i18n catalogues). */
import { t, type MessageKey } from '#lib/i18n/index.svelte.ts';
import type { ExportFile } from './manifest.ts';

const LEVEL_KEYS: Record<string, MessageKey> = {
	years: 'export.level.years',
	band: 'export.level.band',
	municipality: 'export.level.municipality',
	region: 'export.level.region',
	month: 'export.level.month',
	quarter: 'export.level.quarter',
	year: 'export.level.year',
	months: 'export.level.months',
	'half-years': 'export.level.halfYears',
	grouped: 'export.level.grouped',
	value: 'export.level.value',
	'F/M': 'export.level.sex',
	'*': 'export.level.any'
};

/** A level of a generalisation hierarchy (hierarchies.ts), or its name if it has no message. */
export const levelLabel = (name: string) => (LEVEL_KEYS[name] ? t(LEVEL_KEYS[name]) : name);
export const qiLabel = (q: string) => t(`export.qi.${q}` as MessageKey);
export const tableLabel = (name: string) => t(`export.table.${name}` as MessageKey);

export function fileLabel(f: ExportFile): string {
	const m = /-(participants|assessments)\.(csv|parquet)$/.exec(f.name);
	if (m) return t(m[2] === 'csv' ? 'export.download.csv' : 'export.download.parquet', { table: tableLabel(m[1]) });
	return f.name.endsWith('codebook.md') ? t('export.download.codebook') : t('export.download.manifest');
}

/** data-testid of a file's download button, e.g. export-download-participants-csv. */
export function fileTestId(f: ExportFile): string | undefined {
	const m = /-(participants|assessments|codebook|manifest)\.(csv|parquet|md|json)$/.exec(f.name);
	return m ? `export-download-${m[1]}-${m[2]}` : undefined;
}
