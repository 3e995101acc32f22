/**
 * Warm reloads of a packed national dataset (issue 15, "first figures ≤ 1 s
 * when saved"): the time from navigation to the saved overview, and to the
 * steps before it — the database file fetched (`ib:database-fetched`, its Blob
 * ready), hashed here (`ib:database-verified`), the saved results keyed
 * (`ib:saved-results-keyed`, open.ts). One browser profile, so every reload after
 * the first finds the file in the HTTP cache. Several builds can be compared
 * (label=dir), their reloads interleaved so the shared machine's load hits each
 * alike. Results: bench/results/warm-load.json.
 *
 *   npx tsx bench/warm-load.ts [--data 11000-5y] [--rounds 5] [before=/tmp/build-before after=build]
 */
import { join, resolve } from 'node:path';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { chromium } from 'playwright-core';
import { serveRoots, type MultiRootServer } from './serve.ts';
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/helpers/browser.ts';

const ROOT = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
	const i = args.indexOf(`--${name}`);
	return i >= 0 ? args.splice(i, 2)[1] : fallback;
};
const NAME = option('data', '11000-5y');
const ROUNDS = Number(option('rounds', '5'));
const builds = (args.length ? args : ['site=build']).map((a) => {
	const [label, dir] = a.includes('=') ? a.split('=') : [a, a];
	return { label, dir: resolve(ROOT, dir) };
});
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const servers = new Map<string, MultiRootServer>();
for (const b of builds) servers.set(b.label, await serveRoots({ '/': b.dir, [`/national/${NAME}/`]: join(ROOT, 'data/national', NAME) }));
const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'ib-warm-')), { executablePath: CHROMIUM, args: CHROMIUM_ARGS });
// The first overview table in the DOM, on the page's clock (saved or from the engine).
await context.addInitScript(() => {
	const seen = new MutationObserver(() => {
		if (!document.querySelector('[data-testid="overview-table"]')) return;
		performance.mark('ib:first-overview');
		seen.disconnect();
	});
	document.addEventListener('DOMContentLoaded', () => seen.observe(document.body, { childList: true, subtree: true }));
	// The layout marks the document hydrated in its onMount (+layout.svelte).
	const hydrated = new MutationObserver(() => {
		if (document.documentElement?.dataset.hydrated !== 'true') return;
		performance.mark('ib:hydrated');
		hydrated.disconnect();
	});
	// On the document, not its root element: init scripts run before that exists.
	hydrated.observe(document, { attributes: true, subtree: true, attributeFilter: ['data-hydrated'] });
});
const page = context.pages()[0] ?? (await context.newPage());
const engineOverview = page.locator('[data-testid="overview-cards"][data-result="engine"]');

/** Marks of one load, ms since navigation; `responseEnd` is the database file's last byte. */
async function marks(): Promise<Record<string, number>> {
	return page.evaluate(() => {
		const out: Record<string, number> = {};
		for (const m of performance.getEntriesByType('mark')) if (m.name.startsWith('ib:')) out[m.name.slice(3)] ??= Math.round(m.startTime); // the first of each
		const file = performance.getEntriesByType('resource').find((r) => r.name.endsWith('.duckdb')) as PerformanceResourceTiming | undefined;
		if (file) out.responseEnd = Math.round(file.responseEnd);
		if (file) out.databaseRequested = Math.round(file.startTime);
		return out;
	});
}

const runs: Record<string, Record<string, number>[]> = {};
for (const b of builds) {
	// Cold load: fills the HTTP cache and saves the overview's results in IndexedDB.
	const data = `${servers.get(b.label)!.url}/national/${NAME}/manifest.json`;
	await page.goto(`${servers.get(b.label)!.url}/?data=${encodeURIComponent(data)}`);
	await engineOverview.waitFor({ timeout: 300_000 });
	runs[b.label] = [];
}
for (let round = 0; round < ROUNDS; round++) {
	for (const b of builds) {
		const data = `${servers.get(b.label)!.url}/national/${NAME}/manifest.json`;
		await page.goto(`${servers.get(b.label)!.url}/?data=${encodeURIComponent(data)}`);
		await engineOverview.waitFor({ timeout: 300_000 });
		const m = await marks();
		runs[b.label].push(m);
		console.log(b.label.padEnd(8), JSON.stringify(m));
	}
}
await context.close();
for (const s of servers.values()) await s.close();

const steps = ['responseEnd', 'database-fetched', 'database-verified', 'saved-results-keyed', 'first-overview'];
const summary = Object.fromEntries(
	builds.map((b) => [
		b.label,
		Object.fromEntries(steps.map((s) => [s, { median: median(runs[b.label].map((r) => r[s])), all: runs[b.label].map((r) => r[s]) }]))
	])
);
for (const [label, s] of Object.entries(summary)) console.log(label.padEnd(8), steps.map((k) => `${k} ${s[k].median}`).join(' · '));
const manifest = JSON.parse(readFileSync(join(ROOT, 'data/national', NAME, 'manifest.json'), 'utf8'));
const result = {
	data: `data/national/${NAME}`,
	databaseBytes: manifest.database?.bytes,
	rounds: ROUNDS,
	note: 'Warm reloads (file from the HTTP cache, overview saved in IndexedDB); ms since navigation, medians. Machine: 2 cores shared with other work.',
	builds: Object.fromEntries(builds.map((b) => [b.label, b.dir])),
	summary,
	at: new Date().toISOString()
};
mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(join(ROOT, 'bench/results/warm-load.json'), JSON.stringify(result, null, 2) + '\n');
