/**
 * Where a view's first render spends main-thread time (issue 15): in one
 * headless Chromium session on a national dataset, a CPU profile (DevTools
 * Profiler) of each view's client-side navigation until its tables have text
 * and the engine is quiet, summarised as self time by function and by
 * source file. Build unminified for readable names:
 *
 *   BUILD_DIR=/tmp/build-nomin KIT_OUT_DIR=.svelte-kit-nomin npx vite build --minify false
 *   npx tsx bench/profile-views.ts --build /tmp/build-nomin [--years 1] [--views /functioning/,/municipalities/] [--top 25] [--load]
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { serveRoots } from './serve';

const ROOT = resolve(import.meta.dirname, '..');
const { values: cli } = parseArgs({
	options: {
		participants: { type: 'string', default: '11000' },
		years: { type: 'string', default: '1' },
		build: { type: 'string', default: join(ROOT, 'build') },
		views: { type: 'string', default: '/goals/,/costs/,/employment/,/functioning/,/quality-of-life/,/municipalities/' },
		top: { type: 'string', default: '25' },
		/** Also profile a reload (warm: files and compiled engine from the caches) until the overview from the engine. */
		load: { type: 'boolean', default: false }
	}
});
const NAME = `${cli.participants}-${cli.years}y`;
const DATA = join(ROOT, 'data/national', NAME);
const TOP = Number(cli.top);

interface Node {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
	children?: number[];
}
interface Profile {
	nodes: Node[];
	samples: number[];
	timeDeltas: number[];
}

function summarise(p: Profile) {
	const byId = new Map(p.nodes.map((n) => [n.id, n]));
	const self = new Map<number, number>();
	for (let i = 0; i < p.samples.length; i++) self.set(p.samples[i], (self.get(p.samples[i]) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000);
	const fn = new Map<string, number>();
	const file = new Map<string, number>();
	let total = 0;
	for (const [id, ms] of self) {
		const f = byId.get(id)!.callFrame;
		if (f.functionName === '(idle)' || f.functionName === '(program)') continue;
		total += ms;
		const short = f.url.replace(/^.*\/(_app\/immutable\/)?/, '');
		fn.set(`${f.functionName || '(anonymous)'} ${short}:${f.lineNumber + 1}`, (fn.get(`${f.functionName || '(anonymous)'} ${short}:${f.lineNumber + 1}`) ?? 0) + ms);
		file.set(short || f.functionName, (file.get(short || f.functionName) ?? 0) + ms);
	}
	const top = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, TOP).map(([k, v]) => `${v.toFixed(1).padStart(7)} ms  ${k}`);
	return { total, functions: top(fn), files: top(file) };
}

async function main() {
	if (!existsSync(join(DATA, 'manifest.json'))) throw new Error(`${DATA}: no dataset`);
	const server = await serveRoots({ '/': resolve(cli.build!), [`/national/${NAME}/`]: DATA });
	const data = `${server.url}/national/${NAME}/manifest.json`;
	const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
	try {
		const page = await (await browser.newContext({ locale: 'en-GB' })).newPage();
		await page.goto(`${server.url}/?data=${encodeURIComponent(data)}`);
		await page.locator('[data-testid="overview-cards"][data-result="engine"]').waitFor({ timeout: 300_000 });
		await page.waitForTimeout(3000);
		const cdp = await page.context().newCDPSession(page);
		await cdp.send('Profiler.enable');
		await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
		if (cli.load) {
			await cdp.send('Profiler.start');
			const t0 = Date.now();
			await page.reload();
			await page.locator('[data-testid="overview-cards"][data-result="engine"]').waitFor({ timeout: 300_000 });
			const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
			const s = summarise(profile);
			console.log(`\n=== reload → overview from the engine: ${Date.now() - t0} ms wall, ${s.total.toFixed(0)} ms main-thread JS/GC/layout`);
			console.log('  by file:\n' + s.files.slice(0, 12).map((l) => '    ' + l).join('\n'));
			console.log('  by function:\n' + s.functions.map((l) => '    ' + l).join('\n'));
			await page.waitForTimeout(3000);
		}
		for (const path of cli.views!.split(',')) {
			await cdp.send('Profiler.start');
			const t0 = Date.now();
			const pageT0 = await page.evaluate(() => performance.now());
			await page.evaluate(
				({ path, data }) => {
					const a = document.createElement('a');
					a.href = `${path}?data=${encodeURIComponent(data)}`;
					document.body.append(a);
					a.click();
					a.remove();
				},
				{ path, data }
			);
			await page.waitForURL((u) => u.pathname === path);
			await page.waitForFunction(() => document.querySelectorAll('[data-state="loading"]').length === 0 && document.querySelector('main table tbody tr'), null, { timeout: 120_000 });
			await page.waitForTimeout(500);
			const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
			const s = summarise(profile);
			console.log(`\n=== ${path}: ${Date.now() - t0} ms wall (incl. 500 ms settle), ${s.total.toFixed(0)} ms main-thread JS/GC/layout`);
			console.log('  by file:\n' + s.files.slice(0, 12).map((l) => '    ' + l).join('\n'));
			console.log('  by function:\n' + s.functions.map((l) => '    ' + l).join('\n'));
			// The view's queries as the page saw them (sent → rows back, worker round trip included).
			const queries = await page.evaluate((from) => ((globalThis as { __ibQueries?: { at: number; ms: number; sql: string }[] }).__ibQueries ?? []).filter((q) => q.at >= from), pageT0);
			console.log(`  queries: ${queries.length}, ${queries.reduce((a, q) => a + q.ms, 0).toFixed(0)} ms summed`);
			for (const q of queries) console.log(`    +${(q.at - pageT0).toFixed(0).padStart(5)} ms ${q.ms.toFixed(1).padStart(7)} ms  ${q.sql}`);
			await page.evaluate(() => {
				const a = document.createElement('a');
				a.href = `/${location.search}`;
				document.body.append(a);
				a.click();
				a.remove();
			});
			await page.waitForTimeout(1500);
		}
	} finally {
		await browser.close();
		await server.close();
	}
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
