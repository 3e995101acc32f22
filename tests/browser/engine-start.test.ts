/**
 * How the engine starts (engine-browser.ts, wasm-compile.ts, duckdb-worker.ts):
 * a same-origin worker of its own compiles DuckDB's wasm once, off the page's
 * thread, and the page hands the module to a same-origin classic worker, under the Content-Security-Policy the site is meant to run with
 * (workers only from 'self', scripts from 'self' and wasm compilation, no
 * eval), and the 34 MB wasm is downloaded once.
 */
import { describe, it, expect } from 'vitest';
import { offlinePage, waitForData, plain } from '../helpers/browser';
import { useBuiltSite } from '../helpers/site';

const site = useBuiltSite();

/** Records every Worker the page starts (its URL resolved) and every blob: URL it makes. */
const RECORD_WORKERS = `
(() => {
	const seen = { workers: [], blobs: 0 };
	globalThis.__ibWorkers = seen;
	const W = globalThis.Worker;
	globalThis.Worker = class extends W {
		constructor(url, options) {
			seen.workers.push({ url: new URL(String(url), location.href).href, type: options?.type ?? 'classic' });
			super(url, options);
		}
	};
	const create = URL.createObjectURL;
	URL.createObjectURL = (o) => { seen.blobs++; return create(o); };
})();`;

/** The policy on the page (workers) and on the worker scripts (what they may load and compile). */
const PAGE_CSP = "worker-src 'self'";
const WORKER_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'";

async function openWithPolicy(pageCsp: string) {
	const opened = await offlinePage(site.browser);
	const { page, context } = opened;
	const violations: string[] = [];
	page.on('console', (m) => {
		if (/Content.Security.Policy|Refused to/i.test(m.text())) violations.push(m.text());
	});
	await context.addInitScript(RECORD_WORKERS);
	await page.route(
		(url) => url.pathname.endsWith('/') || url.pathname.endsWith('.html') || /worker.*\.js$/.test(url.pathname),
		async (route) => {
			const response = await route.fetch();
			const isWorker = /worker.*\.js$/.test(new URL(route.request().url()).pathname);
			await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': isWorker ? WORKER_CSP : pageCsp } });
		}
	);
	const wasmRequests: string[] = [];
	page.on('request', (r) => {
		if (/duckdb-(eh|mvp)[^/]*\.wasm$/.test(new URL(r.url()).pathname)) wasmRequests.push(r.url());
	});
	return { ...opened, violations, wasmRequests };
}

describe('engine start', () => {
	it('compiles the wasm once in a worker of its own and starts DuckDB in a same-origin worker allowed by worker-src/script-src self', async () => {
		const { page, context, errors, blocked, violations, wasmRequests } = await openWithPolicy(PAGE_CSP);
		await page.goto(site.url + '/');
		await waitForData(page);
		await page.getByTestId('participants-child').waitFor();
		expect(plain(await page.getByTestId('participants-child').textContent())).toBe('102');

		const seen = (await page.evaluate(() => (globalThis as { __ibWorkers?: unknown }).__ibWorkers)) as {
			workers: { url: string; type: string }[];
			blobs: number;
		};
		const engineWorkers = seen.workers.filter((w) => w.url.includes('duckdb-worker'));
		expect(engineWorkers).toHaveLength(1);
		expect(seen.workers.filter((w) => w.url.includes('wasm-compile.worker'))).toEqual([expect.objectContaining({ type: 'module' })]);
		for (const w of seen.workers) expect(w.url.startsWith(site.url + '/')).toBe(true);
		expect(seen.blobs).toBe(0);
		// The module was compiled (a 'compile' step before the worker's instantiate) …
		const steps = (await page.evaluate(() => (globalThis as { __ibLoad?: { engineSteps: Record<string, number> } }).__ibLoad?.engineSteps)) ?? {};
		expect(steps.compile).toBeGreaterThan(steps.begin);
		expect(steps.instantiate).toBeGreaterThan(steps.compile);
		// … from the one download: the worker did not fetch the wasm again.
		expect(wasmRequests).toHaveLength(1);
		expect(violations).toEqual([]);
		expect(blocked).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('says so when the engine\'s worker may not start, instead of loading for ever', async () => {
		const { page, context } = await openWithPolicy("worker-src 'none'");
		await page.goto(site.url + '/');
		await page.getByTestId('load-error').waitFor({ timeout: 60_000 });
		expect(await page.getByTestId('load-error').textContent()).toMatch(/\S/);
		await context.close();
	});
});
