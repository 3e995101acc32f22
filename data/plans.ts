/**
 * Publisher step after data:pack: computes the release plans of every cohort
 * and table family from the dataset (native DuckDB, the same runtime code the
 * browser runs) and writes them beside it as `release-plans.json`, listed in
 * the manifest as `releasePlans` (path, bytes, sha256, and the fingerprint of
 * the data they were made from). The workbench then reads the plans instead
 * of building them on the page (src/lib/privacy/release/packed.ts). The file
 * holds which selections and cells are shown and the people of shown
 * selections: derived from the microdata, it stays with them and is never
 * part of a published site.
 *
 * Run: `npm run data:plans -- data/national/11000-1y` (after data:pack).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openNativeDataset } from '../src/lib/db/engine-native.ts';
import { contentFingerprint } from '../src/lib/db/result-cache.ts';
import { parseManifest } from '../src/lib/db/manifest.ts';
import { TABLES } from '../src/lib/contract/schema.ts';
import { FAMILIES } from '../src/lib/outcomes/families.ts';
import { familyPlan, selectionPlan } from '../src/lib/privacy/release/runtime.ts';
import { familySignature, packFamily, packSelections, PACKED_FORMAT, RULES_VERSION, type PackedPlans } from '../src/lib/privacy/release/packed.ts';
import { RELEASE_MIN } from '../src/lib/privacy/release/rules.ts';
import type { Engine } from '../src/lib/db/engine.ts';
import type { Cohort } from '../src/lib/filters/filters.ts';

export const PLANS_FILE = 'release-plans.json';

/**
 * The data's fingerprint as the browser computes it from the hashes it checks
 * (db/open.ts): the database file if the manifest has one, else the contract
 * tables' files. Here they are the manifest's sha256s; the browser matches the
 * plans only with the hashes it computed itself.
 */
export function manifestFingerprint(manifest: ReturnType<typeof parseManifest>): string | null {
	const files: Record<string, { sha256: string; verified: boolean }> = {};
	const add = (path: string, sha256: string | undefined) => (files[path] = { sha256: sha256 ?? '', verified: sha256 !== undefined });
	if (manifest.database) add(manifest.database.path, manifest.database.sha256);
	else for (const [name, spec] of Object.entries(manifest.tables)) if (TABLES.includes(name)) add(spec.path, spec.sha256);
	return contentFingerprint({ origin: '', files });
}

/** Every cohort's plans, computed from the data behind `engine`, in packed form. */
export async function computePackedPlans(engine: Engine, fingerprint: string): Promise<PackedPlans> {
	const out: PackedPlans = { format: PACKED_FORMAT, rules: RULES_VERSION, fingerprint, min: RELEASE_MIN, cohorts: {} };
	for (const cohort of ['child', 'adult'] as Cohort[]) {
		const plan = await selectionPlan(engine, cohort);
		const sel = packSelections(plan);
		const families: Record<string, ReturnType<typeof packFamily>> = {};
		for (const source of FAMILIES[cohort]) {
			const fp = await familyPlan(engine, cohort, source);
			const rows = [...new Set(fp.cells.map((c) => c.row))];
			families[source.id] = packFamily(fp, sel.keys, rows, familySignature(source, cohort, rows));
		}
		out.cohorts[cohort] = { ...sel, families };
	}
	return out;
}

export async function packPlans(dir: string): Promise<{ bytes: number; seconds: number }> {
	const t0 = performance.now();
	const manifestPath = join(dir, 'manifest.json');
	const raw = JSON.parse(readFileSync(manifestPath, 'utf8'));
	const fingerprint = manifestFingerprint(parseManifest(structuredClone(raw)));
	if (!fingerprint) throw new Error(`${manifestPath}: files without sha256, so plans could not be matched to the data`);
	const engine = await openNativeDataset(dir);
	try {
		const text = JSON.stringify(await computePackedPlans(engine, fingerprint));
		writeFileSync(join(dir, PLANS_FILE), text);
		const bytes = Buffer.byteLength(text);
		raw.releasePlans = { path: PLANS_FILE, bytes, sha256: createHash('sha256').update(text).digest('hex'), fingerprint };
		writeFileSync(manifestPath, JSON.stringify(raw, null, '\t') + '\n');
		return { bytes, seconds: (performance.now() - t0) / 1000 };
	} finally {
		await engine.close();
	}
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const dir = resolve(process.argv[2] ?? '');
	const r = await packPlans(dir);
	console.log(`${join(dir, PLANS_FILE)}: ${(r.bytes / 1e6).toFixed(2)} MB (${r.seconds.toFixed(1)} s)`);
}
