/**
 * Where a view's first render spends main-thread time (issue 15): in one
 * headless Chromium session on a national dataset, a CPU profile (DevTools
 * Profiler) of each view's client-side navigation until its tables have text
 * and the engine is quiet, summarised as self time by function and by
 * source file. Build unminified for readable names:
 *
 *   BUILD_DIR=/tmp/build-nomin KIT_OUT_DIR=.svelte-kit-nomin npx vite build --minify false
 *   npx tsx bench/profile-views.ts --build /tmp/build-nomin [--years 1] [--views /functioning/,/municipalities/] [--top 25] [--load]
 *
 * With `--cold`: the load's long tasks instead. Each of `--rounds` fresh
 * browser profiles (empty HTTP and code cache, as bench/national.ts) makes a
 * first navigation and `--reloads` warm reloads until the overview from the
 * engine, traced (CDP Tracing: the main thread's tasks, trace events and CPU
 * samples); every main-thread task over `--over` ms (default 50; the Long
 * Tasks API's entries, matched to the trace's RunTask) is printed with its
 * trace events by self time and its JS functions by self time:
 *
 *   npx tsx bench/profile-views.ts --build /tmp/build-nomin --cold [--years 5] [--rounds 3] [--reloads 2] [--over 150]
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { tmpdir } from 'node:os';
import { chromium } from 'playwright-core';
import { serveRoots } from './serve';
import { LONG_TASKS_INIT, traceEvents, wasmEventTotals, type TraceEvent } from './browser-metrics';
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/helpers/browser.ts';

const ROOT = resolve(import.meta.dirname, '..');
const { values: cli } = parseArgs({
	options: {
		participants: { type: 'string', default: '11000' },
		years: { type: 'string', default: '1' },
		build: { type: 'string', default: join(ROOT, 'build') },
		views: { type: 'string', default: '/goals/,/costs/,/employment/,/functioning/,/quality-of-life/,/municipalities/' },
		top: { type: 'string', default: '25' },
		/** Also profile a reload (warm: files and compiled engine from the caches) until the overview from the engine. */
		load: { type: 'boolean', default: false },
		/** Profile the long tasks of cold loads (fresh profile) and warm reloads instead of the views. */
		cold: { type: 'boolean', default: false },
		rounds: { type: 'string', default: '3' },
		reloads: { type: 'string', default: '2' },
		/** Print tasks longer than this (ms). */
		over: { type: 'string', default: '50' }
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

// ---------------------------------------------------------------- --cold: the load's long tasks, one by one

const CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'v8.wasm', 'disabled-by-default-v8.cpu_profiler', 'blink.user_timing', 'loading'];

interface Sample { ts: number; stack: { functionName: string; url: string; lineNumber: number }[] }

/** The main thread's CPU samples (ProfileChunk events of its thread), on the trace clock (µs). */
function mainThreadSamples(events: TraceEvent[], pid: number, tid: number): Sample[] {
	const out: Sample[] = [];
	const profiles = new Map<string, { t: number; nodes: Map<number, { callFrame: Sample['stack'][number]; parent?: number }> }>();
	for (const e of events) {
		// The Profile event is on the profiled thread; its chunks come from V8's profiler thread (same process, same id).
		if (e.pid !== pid || e.ph !== 'P') continue;
		const id = String((e as { id?: string }).id);
		const data = (e.args as { data?: Record<string, unknown> })?.data ?? {};
		if (e.name === 'Profile' && e.tid === tid) profiles.set(id, { t: Number(data.startTime ?? e.ts), nodes: new Map() });
		if (e.name !== 'ProfileChunk') continue;
		const p = profiles.get(id);
		if (!p) continue;
		const cpu = data.cpuProfile as { nodes?: { id: number; callFrame: Sample['stack'][number]; parent?: number }[]; samples?: number[] } | undefined;
		for (const n of cpu?.nodes ?? []) p.nodes.set(n.id, { callFrame: n.callFrame, parent: n.parent });
		const deltas = (data.timeDeltas as number[] | undefined) ?? [];
		(cpu?.samples ?? []).forEach((node, i) => {
			p.t += deltas[i] ?? 0;
			const stack: Sample['stack'] = [];
			for (let n = p.nodes.get(node); n; n = n.parent === undefined ? undefined : p.nodes.get(n.parent)) stack.push(n.callFrame);
			out.push({ ts: p.t, stack });
		});
	}
	return out.sort((a, b) => a.ts - b.ts);
}

const frameName = (f: Sample['stack'][number]) => `${f.functionName || '(anonymous)'} ${(f.url ?? '').replace(/^.*\/(_app\/immutable\/)?/, '')}:${f.lineNumber + 1}`;
const topOf = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);

/** One main-thread task: its trace events by self time, JS functions by self time and the app's frames under them. */
function describeTask(events: TraceEvent[], samples: Sample[], pid: number, tid: number, t0: number, t1: number): string[] {
	// Complete events of the main thread inside the task, nested: self time per name.
	const inside = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.ts >= t0 - 1 && e.ts + (e.dur ?? 0) <= t1 + 1 && e.name !== 'RunTask' && e.name !== 'ThreadControllerImpl::RunTask');
	inside.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
	const selfByEvent = new Map<string, number>();
	const stack: { e: TraceEvent; child: number }[] = [];
	const close = (upTo: number) => {
		while (stack.length && stack.at(-1)!.e.ts + (stack.at(-1)!.e.dur ?? 0) <= upTo) {
			const { e, child } = stack.pop()!;
			selfByEvent.set(e.name, (selfByEvent.get(e.name) ?? 0) + ((e.dur ?? 0) - child) / 1000);
			if (stack.length) stack.at(-1)!.child += e.dur ?? 0;
		}
	};
	for (const e of inside) {
		close(e.ts);
		stack.push({ e, child: 0 });
	}
	close(Infinity);
	const mine = samples.filter((s) => s.ts >= t0 && s.ts <= t1);
	const selfFn = new Map<string, number>();
	const appFrame = new Map<string, number>();
	for (let i = 0; i < mine.length; i++) {
		const ms = ((mine[i + 1]?.ts ?? t1) - mine[i].ts) / 1000;
		const top = mine[i].stack[0];
		if (!top || top.functionName === '(idle)') continue;
		selfFn.set(frameName(top), (selfFn.get(frameName(top)) ?? 0) + ms);
		// The innermost frame of the site's own chunks (named in an unminified build), with its caller: who asked for the work.
		const app = mine[i].stack.filter((f) => f.url?.includes('/_app/immutable/') && !/node_modules|duckdb|svelte/.test(f.url!));
		const key = app.length ? app.slice(0, 3).map(frameName).join(' ← ') : '(no app frame)';
		appFrame.set(key, (appFrame.get(key) ?? 0) + ms);
	}
	const fmt = ([k, v]: [string, number]) => `${v.toFixed(1).padStart(7)} ms  ${k}`;
	return [
		'    trace events by self time:', ...topOf(selfByEvent, 8).map((x) => '      ' + fmt(x)),
		'    JS by self time (samples):', ...topOf(selfFn, TOP).map((x) => '      ' + fmt(x)),
		'    innermost app frames (← callers):', ...topOf(appFrame, 8).map((x) => '      ' + fmt(x))
	];
}

async function coldLoads(url: string) {
	const OVER = Number(cli.over);
	const summary: Record<string, number[]> = {};
	for (let round = 0; round < Number(cli.rounds); round++) {
		const dir = mkdtempSync(join(tmpdir(), 'ib-profile-cold-'));
		const context = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, locale: 'en-GB' });
		try {
			await context.addInitScript(LONG_TASKS_INIT);
			const page = context.pages()[0] ?? (await context.newPage());
			for (let k = 0; k <= Number(cli.reloads); k++) {
				const kind = k === 0 ? 'cold' : `warm${k}`;
				let tasks: { start: number; ms: number }[] = [];
				let syncAt = 0;
				const t0 = Date.now();
				const events = await traceEvents(page, CATEGORIES, async () => {
					if (k === 0) await page.goto(url);
					else await page.reload();
					await page.locator('[data-testid="overview-cards"][data-result="engine"]').waitFor({ timeout: 300_000 });
					await page.waitForTimeout(100); // long-task entries arrive after the task
					// A user-timing mark ties the page's clock to the trace's.
					({ tasks, syncAt } = await page.evaluate(() => {
						performance.mark('ib:profile-clock');
						return { tasks: (globalThis as unknown as { __ibLongTasks: { start: number; ms: number }[] }).__ibLongTasks, syncAt: performance.getEntriesByName('ib:profile-clock')[0].startTime };
					}));
				});
				const wall = Date.now() - t0;
				const mark = events.find((e) => e.name === 'ib:profile-clock');
				if (!mark) throw new Error('no clock mark in the trace');
				const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && (e.args as { name?: string }).name === 'CrRendererMain' && e.pid === mark.pid);
				const pid = mark.pid;
				const tid = main?.tid ?? mark.tid;
				const offsetUs = mark.ts - syncAt * 1000; // trace µs = page ms × 1000 + offset
				const samples = mainThreadSamples(events, pid, tid);
				(summary[kind] ??= []).push(...tasks.map((t) => Math.round(t.ms)));
				console.log(`\n=== round ${round + 1} ${kind}: ${wall} ms to the overview from the engine; main-thread long tasks: ${tasks.map((t) => Math.round(t.ms)).join(', ') || 'none'}; ${samples.length} CPU samples`);
				// Where V8 compiled or deserialised the engine (page main thread or a worker), for a cache hit: wasm.Deserialize.
				const wasm = wasmEventTotals(events.filter((e) => e.pid === pid)).filter((w) => /Deserialize|OnBytesReceived|FinishStreaming|compileDigest|CompileLazy|Validate/.test(w.name));
				console.log('  wasm work by thread: ' + (wasm.slice(0, 6).map((w) => `${w.thread} ${w.name} ${w.ms} ms`).join('; ') || 'none traced'));
				for (const t of tasks) {
					if (t.ms <= OVER) continue;
					const a = offsetUs + t.start * 1000;
					const b = a + t.ms * 1000;
					console.log(`  task at ${Math.round(t.start)} ms, ${Math.round(t.ms)} ms`);
					for (const line of describeTask(events, samples, pid, tid, a, b)) console.log(line);
				}
			}
		} finally {
			await context.close();
			rmSync(dir, { recursive: true, force: true });
		}
	}
	console.log('\nlong tasks (ms) by load:');
	for (const [kind, ms] of Object.entries(summary)) console.log(`  ${kind}: ${ms.length} tasks, > 200 ms: ${ms.filter((x) => x > 200).length} [${ms.filter((x) => x > 200).join(', ')}], max ${Math.max(0, ...ms)}`);
}

async function main() {
	if (!existsSync(join(DATA, 'manifest.json'))) throw new Error(`${DATA}: no dataset`);
	const server = await serveRoots({ '/': resolve(cli.build!), [`/national/${NAME}/`]: DATA });
	const data = `${server.url}/national/${NAME}/manifest.json`;
	if (cli.cold) {
		try {
			return await coldLoads(`${server.url}/?data=${encodeURIComponent(data)}`);
		} finally {
			await server.close();
		}
	}
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
