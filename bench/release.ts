/**
 * Release-path benchmark: how long the release plans take to build (the
 * selection plan of each cohort, then every table family), how much they
 * hide, and the attacker's audit, on the pilot and on national datasets.
 * Node: the contributor queries in native DuckDB (as `npm run publish` runs
 * them; the workbench runs the same SQL in DuckDB-WASM), the plans in JS. Run:
 * `npm run bench:release [-- <dataset dir> …]` (default: data/pilot and
 * data/national/11000-1y if present). Writes bench/results/release.json.
 */
import { writeFile, access } from 'node:fs/promises';
import { join, resolve, basename } from 'node:path';
import { openNativeDataset } from '../src/lib/db/engine-native';
import { familyPlan, selectionPlan } from '../src/lib/privacy/release/runtime';
import { audit } from '../src/lib/privacy/release/audit';
import { FAMILIES } from '../src/lib/outcomes/families';

const ROOT = resolve(import.meta.dirname, '..');
const exists = (p: string) => access(p).then(() => true, () => false);

async function bench(dir: string) {
	const engine = await openNativeDataset(dir);
	const out: Record<string, unknown>[] = [];
	for (const cohort of ['child', 'adult'] as const) {
		const t0 = performance.now();
		const plan = await selectionPlan(engine, cohort);
		const selectionMs = performance.now() - t0;
		const shown = plan.cells.filter((c) => c.reason === null).length;
		const a0 = performance.now();
		const selectionRecoveries = audit(
			plan.space.selections.map((s, i) => ({ key: s.key, row: 'people', members: s.members, shown: plan.cells[i].reason === null })),
			plan.space.constraints,
			plan.min
		).length;
		const auditMs = performance.now() - a0;
		const families = [];
		for (const source of FAMILIES[cohort]) {
			const f0 = performance.now();
			const fp = await familyPlan(engine, cohort, source);
			const ms = performance.now() - f0;
			const inShown = fp.cells.filter((c) => c.reason !== 'selection');
			families.push({ id: source.id, ms: Math.round(ms), cells: inShown.length, hidden: inShown.filter((c) => c.reason !== null).length });
		}
		const row = {
			dataset: basename(dir),
			cohort,
			people: plan.space.people.length,
			selections: plan.space.selections.length,
			selectionsOf5: plan.cells.filter((c) => c.n >= plan.min).length,
			selectionsShown: shown,
			selectionPlanMs: Math.round(selectionMs),
			auditMs: Math.round(auditMs),
			selectionRecoveries,
			families
		};
		console.log(JSON.stringify(row));
		out.push(row);
	}
	await engine.close();
	return out;
}

const dirs = process.argv.slice(2).length
	? process.argv.slice(2).map((d) => resolve(d))
	: [join(ROOT, 'data/pilot'), ...((await exists(join(ROOT, 'data/national/11000-1y/manifest.json'))) ? [join(ROOT, 'data/national/11000-1y')] : [])];
const results = [];
for (const d of dirs) results.push(...(await bench(d)));
await writeFile(join(ROOT, 'bench/results/release.json'), JSON.stringify({ date: new Date().toISOString(), results }, null, 2) + '\n');
