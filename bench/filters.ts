/**
 * Filter-change profile (issue 15): in one headless Chromium session on a
 * packed national dataset, each view's first render and each filter change
 * of /goals/ and /costs/ (the same steps and the same "last table change
 * before the engine is quiet" rule as bench/national.ts), with what each
 * one cost: the worker queries it started (count, summed SQL time, from the
 * page's query log `__ibQueries`) and the main thread's long tasks (Long
 * Tasks API: count, longest). The load itself is bench/national.ts's.
 *
 *   npx tsx bench/filters.ts --years 1 [--passes 3] [--label before] [--out bench/results/x.json]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { serveRoots } from './serve';

const ROOT = resolve(import.meta.dirname, '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const { values: cli } = parseArgs({
	options: {
		participants: { type: 'string', default: '11000' },
		years: { type: 'string', default: '1' },
		passes: { type: 'string', default: '3' },
		label: { type: 'string', default: 'run' },
		/** Another copy of the dataset (e.g. one with its release plans packed, `npm run data:plans`). */
		data: { type: 'string' },
		out: { type: 'string' },
		/** Print each step's worker queries (start offset, ms, SQL head) and long tasks of the first pass. */
		detail: { type: 'boolean', default: false }
	}
});
const NAME = `${cli.participants}-${cli.years}y`;
const DATA = cli.data ? resolve(cli.data) : join(ROOT, 'data/national', NAME);
const PASSES = Number(cli.passes);
const TIMEOUT = 300_000;
const QUIET_MS = 300;

const VIEWS = [
	{ path: '/goals/', ready: ['goals-table'] },
	{ path: '/costs/', ready: ['costs-table', 'costs-monthly-table'] },
	{ path: '/employment/', ready: ['employment-counts'] },
	{ path: '/functioning/', ready: ['sfk-children-table'] },
	{ path: '/quality-of-life/', ready: ['ks-table-child', 'fq-table', 'sq-table'] },
	{ path: '/municipalities/', ready: ['municipalities-table'] }
];
const STEPS = [
	{ name: 'sex = F', testid: 'filter-sex', value: 'F', reset: '' },
	{ name: 'age 7–12', testid: 'filter-age', value: '7-12', reset: '' },
	{ name: 'region Kurzeme', testid: 'filter-region', value: 'Kurzeme', reset: '' },
	{ name: 'municipality Rīga', testid: 'filter-municipality', value: 'RIGA_C', reset: '' },
	{ name: 'cohort adults', testid: 'filter-cohort', value: 'adult', reset: 'child' }
];
const FILTER_VIEWS = [
	{ path: '/goals/', tables: ['goals-table', 'gas'] },
	{ path: '/costs/', tables: ['costs-table', 'costs-monthly-table', 'budgets-table', 'utilisation-table'] }
];

// Worker message counter (as bench/national.ts) and a long-task buffer.
const INIT_SCRIPT = `
globalThis.__name = (f) => f;
(() => {
	const st = { pending: 0, requests: 0, long: [] };
	globalThis.__ibBench = st;
	const post = Worker.prototype.postMessage;
	const hooked = new WeakSet();
	Worker.prototype.postMessage = function (...args) {
		if (!hooked.has(this)) { hooked.add(this); this.addEventListener('message', () => { st.pending = Math.max(0, st.pending - 1); }); }
		st.pending++; st.requests++;
		return post.apply(this, args);
	};
	try { new PerformanceObserver((l) => { for (const e of l.getEntries()) st.long.push({ at: e.startTime, ms: e.duration }); }).observe({ type: 'longtask', buffered: true }); } catch {}
})();`;

interface Sample {
	ms: number;
	queries: number;
	sqlMs: number;
	longTasks: number;
	longestTaskMs: number;
	detail?: { queries: { at: number; ms: number; sql: string }[]; long: { at: number; ms: number }[] };
}

/** Runs `act` in the page and waits for the last table change before the engine is quiet; what it cost. */
async function measure(page: Page, act: { kind: 'nav'; path: string; tables: string[] } | { kind: 'filter'; testid: string; value: string; tables: string[] }): Promise<Sample> {
	if (act.kind === 'filter') await page.getByTestId(act.testid).locator(`option[value="${act.value}"]`).waitFor({ state: 'attached', timeout: 60_000 });
	// Measure the queries, not the results the page remembers per data revision (src/lib/db/revision-memo.ts).
	await page.evaluate(() => (globalThis as { __ibForgetRemembered?: () => void }).__ibForgetRemembered?.());
	return page.evaluate(
		({ act, timeout, quiet }) =>
			new Promise<Sample>((ok, fail) => {
				type St = { pending: number; requests: number; long: { at: number; ms: number }[] };
				const st = (globalThis as unknown as { __ibBench: St }).__ibBench;
				const log = (globalThis as unknown as { __ibQueries?: { at: number; ms: number; sql: string }[] }).__ibQueries ?? [];
				const text = () => act.tables.map((t) => { const el = document.querySelector(`[data-testid="${t}"]`); return (el?.querySelector('tbody') ?? el)?.textContent ?? ''; }).join('\u0000');
				const norm = (p: string) => (p.length > 1 ? p.replace(/\/$/, '') : p);
				let last = act.kind === 'nav' ? '' : text();
				const req0 = st.requests;
				let changedAt: number | null = null;
				let quietSince: number | null = null;
				const t0 = performance.now();
				const obs = new MutationObserver(() => {
					if (act.kind === 'nav' && norm(location.pathname) !== norm(act.path)) return;
					const now = text();
					// A first render counts when every table has text; a filter change at each change.
					if (act.kind === 'nav' && act.tables.some((t) => !(document.querySelector(`[data-testid="${t}"]`)?.textContent ?? '').trim())) return;
					if (now && now !== last) {
						last = now;
						changedAt = performance.now() - t0;
					}
				});
				obs.observe(document.body, { childList: true, subtree: true, characterData: true });
				const poll = setInterval(() => {
					const t = performance.now();
					const idle = st.requests > req0 && st.pending === 0;
					quietSince = idle ? (quietSince ?? t) : null;
					if (quietSince !== null && t - quietSince >= quiet && changedAt !== null) finish(null);
					else if (t - t0 > timeout) finish(new Error('timeout'));
				}, 10);
				function finish(err: Error | null) {
					clearInterval(poll);
					obs.disconnect();
					if (err) return fail(err);
					const end = t0 + changedAt!;
					const qs = log.filter((q) => q.at >= t0 && q.at <= end);
					const lt = st.long.filter((l) => l.at + l.ms >= t0 && l.at <= end);
					const r = (x: number) => Math.round(x);
					ok({
						ms: changedAt!,
						queries: qs.length,
						sqlMs: qs.reduce((s, q) => s + q.ms, 0),
						longTasks: lt.length,
						longestTaskMs: Math.max(0, ...lt.map((l) => l.ms)),
						detail: {
							queries: qs.map((q) => ({ at: r(q.at - t0), ms: r(q.ms), sql: q.sql })),
							long: lt.map((l) => ({ at: r(l.at - t0), ms: r(l.ms) }))
						}
					});
				}
				if (act.kind === 'nav') {
					const data = new URL(location.href).searchParams.get('data');
					const link = document.createElement('a');
					link.href = act.path + (data ? `?data=${encodeURIComponent(data)}` : '');
					(document.querySelector('main') ?? document.body).append(link);
					link.click();
					link.remove();
				} else {
					const select = document.querySelector<HTMLSelectElement>(`[data-testid="${act.testid}"]`);
					if (!select) return fail(new Error(`no select ${act.testid}`));
					select.value = act.value;
					select.dispatchEvent(new Event('change', { bubbles: true }));
				}
			}),
		{ act, timeout: TIMEOUT, quiet: QUIET_MS }
	);
}

const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length ? Math.round((s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) * 10) / 10 : null;
};

async function main() {
	if (!existsSync(join(DATA, 'manifest.json'))) throw new Error(`${DATA}: no dataset (see bench/README.md)`);
	const load0 = loadavg()[0];
	const server = await serveRoots({ '/': join(ROOT, 'build'), [`/national/${NAME}/`]: DATA });
	const url = `${server.url}/?data=${encodeURIComponent(`${server.url}/national/${NAME}/manifest.json`)}`;
	const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
	const results: Record<string, Sample[]> = {};
	const errors: string[] = [];
	let loadMs = 0;
	let loadLongest = 0;
	let planSource = '';
	try {
		const context = await browser.newContext({ locale: 'en-GB' });
		await context.addInitScript(INIT_SCRIPT);
		const page = await context.newPage();
		page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
		// e.g. "release plans: … computing them" (packed plans not used)
		page.on('console', (m) => m.type() === 'warning' && errors.push(`warning: ${m.text()}`));
		const t0 = Date.now();
		await page.goto(url, { waitUntil: 'commit' });
		await page.locator('[data-testid="overview-cards"][data-result="engine"]').waitFor({ timeout: TIMEOUT });
		loadMs = Date.now() - t0;
		// Let what the overview starts after its figures (e.g. prefetched plans) settle, as a reader would read.
		await page.waitForTimeout(3000);
		planSource = await page.evaluate(() => String((globalThis as { __ibPlans?: unknown }).__ibPlans));
		loadLongest = await page.evaluate(() => Math.max(0, ...(globalThis as unknown as { __ibBench: { long: { ms: number }[] } }).__ibBench.long.map((l) => l.ms)));
		const push = (k: string, s: Sample) => (results[k] ??= []).push(s);
		const home = () => measure(page, { kind: 'nav', path: '/', tables: ['overview-table'] }).catch(() => null);
		for (let pass = 0; pass < PASSES; pass++) {
			console.log(`pass ${pass + 1}/${PASSES}`);
			for (const v of VIEWS) {
				try {
					push(`view ${v.path}`, await measure(page, { kind: 'nav', path: v.path, tables: v.ready }));
				} catch (e) {
					errors.push(`${v.path}: ${(e as Error).message}`);
				}
				await home();
			}
			for (const fv of FILTER_VIEWS) {
				await measure(page, { kind: 'nav', path: fv.path, tables: fv.tables });
				for (const s of STEPS) {
					try {
						push(`filter ${fv.path} ${s.name}`, await measure(page, { kind: 'filter', testid: s.testid, value: s.value, tables: fv.tables }));
						push(`reset ${fv.path} ${s.name}`, await measure(page, { kind: 'filter', testid: s.testid, value: s.reset, tables: fv.tables }));
					} catch (e) {
						errors.push(`${fv.path} ${s.name}: ${(e as Error).message}`);
					}
				}
				await home();
			}
		}
	} finally {
		await browser.close();
		await server.close();
	}
	const table = Object.entries(results).map(([step, xs]) => ({
		step,
		ms: median(xs.map((x) => x.ms)),
		samples: xs.map((x) => Math.round(x.ms)),
		queries: median(xs.map((x) => x.queries)),
		sqlMs: median(xs.map((x) => x.sqlMs)),
		longTasks: Math.max(...xs.map((x) => x.longTasks)),
		longestTaskMs: Math.round(Math.max(...xs.map((x) => x.longestTaskMs)))
	}));
	const filterMs = table.filter((r) => r.step.startsWith('filter ')).flatMap((r) => r.samples);
	const sorted = [...filterMs].sort((a, b) => a - b);
	const summary = {
		filterMedianMs: median(filterMs),
		filterP95Ms: sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)] : null,
		longestTaskDuringFilteringMs: Math.max(0, ...table.filter((r) => !r.step.startsWith('view ')).map((r) => r.longestTaskMs)),
		loadMs,
		planSource,
		longestTaskAfterLoadMs: Math.round(loadLongest)
	};
	console.table(table.map(({ samples: _, ...r }) => r));
	if (cli.detail)
		for (const [step, xs] of Object.entries(results)) {
			const d = xs[0].detail!;
			console.log(`\n${step}: ${Math.round(xs[0].ms)} ms; long tasks ${d.long.map((l) => `${l.ms} ms at +${l.at}`).join(', ') || 'none'}`);
			for (const q of d.queries) console.log(`  +${String(q.at).padStart(4)} ${String(q.ms).padStart(4)} ms  ${q.sql}`);
		}
	console.log(summary, errors);
	const plans = existsSync(join(DATA, 'manifest.json')) && 'releasePlans' in JSON.parse(readFileSync(join(DATA, 'manifest.json'), 'utf8'));
	const out = { date: new Date().toISOString(), label: cli.label, dataset: NAME, packedPlans: plans, passes: PASSES, loadavg: [load0, loadavg()[0]], summary, table, errors };
	if (cli.out) {
		const prev = existsSync(cli.out) ? JSON.parse(readFileSync(cli.out, 'utf8')) : { runs: [] };
		prev.runs.push(out);
		writeFileSync(cli.out, JSON.stringify(prev, null, '\t') + '\n');
	}
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
