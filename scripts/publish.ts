/**
 * Publication: `npm run publish -- <dataset dir | manifest.json> --out <dir>`.
 *
 * On the data owner's machine: opens the dataset in native DuckDB, builds the
 * release plan of each cohort, runs every view's query for every selection
 * the plan shows and releases it through the same release path as the
 * workbench (src/lib/privacy/release), then builds the site in published
 * mode (no engine, no microdata) with those results, and scans every byte
 * of the output for participant ids and row-level files. Nothing but
 * released results leaves: the scan fails the run otherwise.
 */
import { cp, mkdir, readFile, rm, writeFile, mkdtemp } from 'node:fs/promises';
import { existsSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openNativeDataset } from '../src/lib/db/engine-native';
import { parseManifest } from '../src/lib/db/manifest';
import { query, type Engine } from '../src/lib/db/engine';
import { selectionPlan, releasedResult } from '../src/lib/privacy/release/runtime';
import { filtersOfSelection } from '../src/lib/privacy/release/space';
import { people } from '../src/lib/query/people';
import { VIEWS } from '../src/lib/outcomes/views';
import { scanPublished } from '../src/lib/publish/scan';
import type { PublishedSpace, PublishedView, ReleaseInfo } from '../src/lib/publish/results';
import type { Cohort } from '../src/lib/filters/filters';

const ROOT = resolve(import.meta.dirname, '..');
const COHORTS: Cohort[] = ['child', 'adult'];

export interface PublishTimings {
	resultsMs: number;
	buildMs: number;
	scanMs: number;
	selections: Record<Cohort, number>;
	bytes: number;
	files: number;
}

/** Released results of every view for every shown selection, as the published site's files. */
export async function publishResults(engine: Engine, info: ReleaseInfo): Promise<Map<string, unknown>> {
	const files = new Map<string, unknown>([['release', info]]);
	const names = await query<{ code: string; name_lv: string; name_en: string }>(engine, 'SELECT code, name_lv, name_en FROM municipalities');
	const nameOf = new Map(names.map((m) => [m.code, m]));
	for (const cohort of COHORTS) {
		const plan = await selectionPlan(engine, cohort);
		const space: PublishedSpace = {
			cohort,
			periods: [...plan.space.periods],
			places: plan.space.places.map((e) => ({
				...e,
				name_lv: e.place.level === 'municipality' ? (nameOf.get(e.place.code)?.name_lv ?? null) : null,
				name_en: e.place.level === 'municipality' ? (nameOf.get(e.place.code)?.name_en ?? null) : null
			})),
			selections: {}
		};
		const shown = plan.space.selections.filter((s, i) => {
			const c = plan.cells[i];
			space.selections[s.key] = c.reason === null ? { ok: true, n: c.n } : { ok: false, reason: c.n === 0 ? 'empty' : 'hidden' };
			return c.reason === null;
		});
		files.set(`space-${cohort}`, space);
		for (const view of VIEWS.filter((v) => v.cohorts.includes(cohort))) {
			const out: PublishedView = { view: view.id, cohort, results: {} };
			for (const s of view.wholeCohortOnly ? shown.filter((x) => x.depth === 0) : shown) {
				const r = await releasedResult(engine, filtersOfSelection(cohort, s), view.spec);
				if ('blocked' in r) throw new Error(`${view.id}: the plan shows ${s.key} but the view was refused (${r.blocked.reason})`);
				out.results[s.key] = r.value;
			}
			files.set(`${view.id}-${cohort}`, out);
		}
	}
	return files;
}

export async function publish(source: string, outDir: string): Promise<PublishTimings> {
	const manifestPath = source.endsWith('.json') ? resolve(source) : join(resolve(source), 'manifest.json');
	const dataDir = dirname(manifestPath);
	const manifest = parseManifest(JSON.parse(await readFile(manifestPath, 'utf8')));
	const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string };
	const t0 = performance.now();
	const engine = await openNativeDataset(dataDir);
	const info: ReleaseInfo = {
		dataset: manifest.name,
		dataset_lv: manifest.name_lv ?? null,
		synthetic: (manifest as { synthetic?: boolean }).synthetic === true,
		releasedOn: new Date().toISOString().slice(0, 10),
		version: pkg.version
	};
	const files = await publishResults(engine, info);
	const ids = [...(await people(engine, 'child')), ...(await people(engine, 'adult'))].map((p) => p.participant_id);
	await engine.close();
	const resultsDir = await mkdtemp(join(tmpdir(), 'ib-results-'));
	for (const [name, value] of files) await writeFile(join(resultsDir, `${name}.json`), JSON.stringify(value));
	const resultsMs = performance.now() - t0;

	// The site in published mode: prerendered with the results (figures in the HTML), no engine, no data.
	const out = resolve(outDir);
	await rm(out, { recursive: true, force: true });
	const b0 = performance.now();
	const build = spawnSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build'], {
		cwd: ROOT,
		stdio: ['ignore', 'pipe', 'inherit'],
		env: { ...process.env, VITE_IB_MODE: 'published', IB_RESULTS_DIR: resultsDir, BUILD_DIR: out, KIT_OUT_DIR: '.svelte-kit-publish' }
	});
	if (build.status !== 0) throw new Error(`vite build (published mode) failed with ${build.status}`);
	await mkdir(join(out, 'results'), { recursive: true });
	await cp(resultsDir, join(out, 'results'), { recursive: true });
	await rm(resultsDir, { recursive: true, force: true });
	const buildMs = performance.now() - b0;

	const s0 = performance.now();
	const findings = await scanPublished(out, ids);
	const scanMs = performance.now() - s0;
	if (findings.length) {
		throw new Error(`microdata scan failed, nothing may leave:\n${findings.map((f) => `  ${f.file}: ${f.what}`).join('\n')}`);
	}
	const size = (dir: string) => spawnSync('du', ['-sb', dir], { encoding: 'utf8' }).stdout.split('\t')[0];
	const count = spawnSync('find', [out, '-type', 'f'], { encoding: 'utf8' }).stdout.trim().split('\n').length;
	const selections = Object.fromEntries(
		COHORTS.map((c) => [c, Object.values((files.get(`space-${c}`) as PublishedSpace).selections).filter((s) => s.ok).length])
	) as Record<Cohort, number>;
	return { resultsMs, buildMs, scanMs, selections, bytes: Number(size(out)), files: count };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
	const { values, positionals } = parseArgs({ options: { out: { type: 'string', default: 'build-public' } }, allowPositionals: true });
	const source = positionals[0] ?? 'data/pilot';
	if (!existsSync(source) || (statSync(source).isDirectory() && !existsSync(join(source, 'manifest.json')))) {
		console.error(`publish: no dataset at ${source} (a folder with manifest.json, or a manifest file)`);
		process.exit(2);
	}
	const t = await publish(source, values.out!);
	console.log(
		`published ${source} → ${values.out}: ${t.selections.child} + ${t.selections.adult} selections, ${t.files} files, ${(t.bytes / 1e6).toFixed(1)} MB; ` +
			`results ${(t.resultsMs / 1000).toFixed(1)} s, build ${(t.buildMs / 1000).toFixed(1)} s, scan ${(t.scanMs / 1000).toFixed(1)} s; microdata scan passed`
	);
}
