/**
 * An assembled export as files: CSV and Parquet per table, the codebook
 * (Markdown) and the manifest (JSON), named after the cohort. The same
 * result and meta always give the same bytes.
 */
import type { Cohort } from '#lib/filters/filters.ts';
import { toCsv } from '../csv.ts';
import type { ExportTable } from '../export-table.ts';
import { toParquet } from '../parquet-write.ts';
import type { ExportResult } from './assemble.ts';
import { codebookMarkdown } from './codebook.ts';
import { buildManifest, type ExportFile, type ExportMeta } from './manifest.ts';

const enc = new TextEncoder();

function fileStem(cohort: Cohort): string {
	return `ib-outcomes-${cohort}`;
}

function tableCsv(t: ExportTable): string {
	return toCsv(
		t.columns.map((c) => c.name),
		t.rows
	);
}

/** Data files (CSV and Parquet per table), codebook and manifest. */
export async function serialiseExport(result: ExportResult, meta: ExportMeta): Promise<ExportFile[]> {
	const stem = fileStem(result.report.cohort);
	const data: ExportFile[] = [];
	for (const t of result.tables) {
		// With a BOM, as every CSV download of the site: spreadsheets then read ā, ē, ī … correctly.
		data.push({ name: `${stem}-${t.name}.csv`, bytes: enc.encode('\ufeff' + tableCsv(t)), mime: 'text/csv;charset=utf-8' });
		data.push({ name: `${stem}-${t.name}.parquet`, bytes: toParquet(t, `IB Outcomes ${meta.softwareVersion}`), mime: 'application/vnd.apache.parquet' });
	}
	const codebook: ExportFile = { name: `${stem}-codebook.md`, bytes: enc.encode(codebookMarkdown(result, meta)), mime: 'text/markdown;charset=utf-8' };
	const files = [...data, codebook];
	const manifest = await buildManifest(result, meta, files);
	return [...files, { name: `${stem}-manifest.json`, bytes: enc.encode(JSON.stringify(manifest, null, 2) + '\n'), mime: 'application/json' }];
}
