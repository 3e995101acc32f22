/**
 * Export the pilot cohorts as the /export page does (same library, same
 * DuckDB-WASM engine, default settings but for notebookSettings' two
 * changes), for notebooks/reproduce-pilot.R:
 *
 *   npx tsx notebooks/make-export.ts [--date YYYY-MM-DD] [--out notebooks/export]
 *
 * The key below is NOT secret: the pilot data are synthetic and the point is
 * that anyone can regenerate byte-identical files. For real data leave the
 * page's default (a fresh random key per export).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { openPilotEngine, PILOT_DIR } from '../tests/helpers/engine.ts';
import { DEFAULT_FILTERS, type Cohort } from '../src/lib/filters/filters.ts';
import { assembleExport } from '../src/lib/export/cohort/assemble.ts';
import type { ExportFile } from '../src/lib/export/cohort/manifest.ts';
import { fetchExportData } from '../src/lib/export/cohort/query.ts';
import { serialiseExport } from '../src/lib/export/cohort/serialise.ts';
import { defaultSettings, type ExportSettings } from '../src/lib/export/cohort/settings.ts';
import type { Engine } from '../src/lib/db/engine.ts';

export const NOTEBOOK_KEY = 'ib-outcomes-notebook-demo-key (synthetic pilot data, not a secret)';

export function notebookSettings(cohort: Cohort): ExportSettings {
	// Defaults of the page with two changes, so that the notebook sees every participant and can
	// reproduce the dashboard's figures exactly: no suppression allowed (background attributes are
	// generalised further instead), and exact costs. Exact costs single people out; they are
	// chosen here only because the pilot data are synthetic. k ≥ 5 on all background columns
	// and the risk cap hold as on the page (tests/unit/export/notebook.test.ts checks the files).
	return { ...defaultSettings({ ...DEFAULT_FILTERS, cohort }), maxSuppressedShare: 0, costStep: 0 };
}

export async function notebookExport(engine: Engine, cohort: Cohort, exportedOn: string): Promise<ExportFile[]> {
	const pkg = JSON.parse(await readFile(resolve(import.meta.dirname, '../package.json'), 'utf8')) as { version: string };
	const manifest = JSON.parse(await readFile(resolve(PILOT_DIR, 'manifest.json'), 'utf8')) as { name: string };
	const settings = notebookSettings(cohort);
	const raw = await fetchExportData(engine, settings.filters);
	const result = await assembleExport(raw, settings, NOTEBOOK_KEY);
	return serialiseExport(result, { softwareVersion: pkg.version, datasetName: manifest.name, exportedOn });
}

async function main() {
	const args = process.argv.slice(2);
	const arg = (name: string) => {
		const i = args.indexOf(name);
		return i >= 0 ? args[i + 1] : undefined;
	};
	const out = resolve(arg('--out') ?? resolve(import.meta.dirname, 'export'));
	const date = arg('--date') ?? new Date().toISOString().slice(0, 10);
	await mkdir(out, { recursive: true });
	const db = await openPilotEngine();
	try {
		for (const cohort of ['child', 'adult'] as const) {
			for (const f of await notebookExport(db.engine, cohort, date)) {
				await writeFile(resolve(out, f.name), f.bytes);
				console.log(`${f.name}\t${f.bytes.length} bytes`);
			}
		}
	} finally {
		await db.close();
	}
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) await main();
