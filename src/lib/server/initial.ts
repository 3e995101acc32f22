/**
 * Build time only: the released results each page carries in its
 * prerendered HTML (figures at first paint). The workbench build computes
 * them from the bundled pilot data in native DuckDB, through the same
 * release path as the browser; the published build reads them from the
 * results `npm run publish` wrote (IB_RESULTS_DIR). Only whole-cohort
 * selections are prerendered; every other selection is computed (workbench)
 * or fetched (published) in the browser.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DEFAULT_FILTERS, forCohort, type Cohort } from '#lib/filters/filters.ts';
import { PUBLISHED } from '#lib/mode.ts';
import { releasedResult, selectionGate } from '#lib/privacy/release/runtime.ts';
import { initialKey, type InitialResults } from '#lib/publish/initial.ts';
import type { PublishedSpace, PublishedView, ReleaseInfo } from '#lib/publish/results.ts';
import { VIEWS } from '#lib/outcomes/views.ts';

const COHORTS: Cohort[] = ['child', 'adult'];
const WHOLE = 'all|all|all|all';

export interface BuildData {
	initial: InitialResults;
	release: ReleaseInfo | null;
}

let cached: Promise<BuildData> | null = null;

export function buildData(): Promise<BuildData> {
	cached ??= PUBLISHED ? fromResults(process.env.IB_RESULTS_DIR ?? '') : fromPilot();
	return cached;
}

async function fromResults(dir: string): Promise<BuildData> {
	if (!dir) throw new Error('published build: IB_RESULTS_DIR is not set (run `npm run publish`)');
	const read = async <T>(name: string) => JSON.parse(await readFile(join(dir, `${name}.json`), 'utf8')) as T;
	const initial: InitialResults = {};
	for (const cohort of COHORTS) {
		const space = await read<PublishedSpace>(`space-${cohort}`);
		const whole = space.selections[WHOLE];
		if (whole?.ok) initial[initialKey('gate', cohort)] = { value: { ok: true, key: WHOLE, n: whole.n, cohort } };
		for (const view of VIEWS.filter((v) => v.cohorts.includes(cohort))) {
			const file = await read<PublishedView>(`${view.id}-${cohort}`);
			if (WHOLE in file.results) initial[initialKey(view.id, cohort)] = { value: file.results[WHOLE] };
		}
	}
	return { initial, release: await read<ReleaseInfo>('release') };
}

async function fromPilot(): Promise<BuildData> {
	// Imported here so that only the build's server side ever loads native DuckDB.
	const { openNativeDataset } = await import('#lib/db/engine-native.ts');
	const dir = resolve('data/pilot');
	const engine = await openNativeDataset(dir);
	const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as { name: string; name_lv?: string; synthetic?: boolean };
	try {
		const initial: InitialResults = {};
		for (const cohort of COHORTS) {
			const f = forCohort(DEFAULT_FILTERS, cohort);
			initial[initialKey('gate', cohort)] = { value: await selectionGate(engine, f, [cohort]) };
			for (const view of VIEWS.filter((v) => v.cohorts.includes(cohort))) {
				initial[initialKey(view.id, cohort)] = await releasedResult(engine, f, view.spec);
			}
		}
		// Which data the prerendered figures are of (the header says so until the engine has loaded).
		const release: ReleaseInfo = {
			dataset: manifest.name,
			dataset_lv: manifest.name_lv ?? null,
			synthetic: manifest.synthetic === true,
			releasedOn: new Date().toISOString().slice(0, 10),
			version: ''
		};
		return { initial, release };
	} finally {
		await engine.close();
	}
}
