/**
 * What the benchmarks measure of the browser beside time: renderer memory from
 * /proc (peak of the summed VmRSS, sampled, and each renderer's own VmHWM, the
 * kernel's peak) and the page's long tasks (PerformanceObserver 'longtask':
 * main-thread tasks over 50 ms, with durations).
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

function procChildren(): Map<number, number[]> {
	const kids = new Map<number, number[]>();
	for (const d of readdirSync('/proc')) {
		if (!/^\d+$/.test(d)) continue;
		try {
			const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			if (!kids.has(ppid)) kids.set(ppid, []);
			kids.get(ppid)!.push(Number(d));
		} catch {
			/* process ended */
		}
	}
	return kids;
}

interface TreeMemory {
	renderersKb: number;
	allKb: number;
	/** VmHWM (peak RSS since the process started) of each renderer process, by pid. */
	rendererHwmKb: Map<number, number>;
}

function memoryOfTree(root: number): TreeMemory {
	const kids = procChildren();
	const stack = [root];
	const out: TreeMemory = { renderersKb: 0, allKb: 0, rendererHwmKb: new Map() };
	while (stack.length) {
		const pid = stack.pop()!;
		stack.push(...(kids.get(pid) ?? []));
		try {
			const status = readFileSync(`/proc/${pid}/status`, 'utf8');
			const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
			const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
			if (!cmd.includes('chrom')) continue;
			out.allKb += kb;
			if (cmd.includes('--type=renderer')) {
				out.renderersKb += kb;
				out.rendererHwmKb.set(pid, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
			}
		} catch {
			/* ended */
		}
	}
	return out;
}

/** Samples the Chromium processes under `pid` (this Node process: other Chromiums on the machine are not ours). */
export class MemSampler {
	peakRenderersKb = 0;
	peakAllKb = 0;
	/** Last VmHWM seen per renderer process (a process's HWM only grows). */
	private hwm = new Map<number, number>();
	private timer: NodeJS.Timeout | null = null;
	constructor(private pid: number) {}
	start() {
		this.timer = setInterval(() => this.tick(), 200);
		this.tick();
		return this;
	}
	/** Sample now (also call it just before closing the browser: the last HWM counts). */
	tick() {
		const m = memoryOfTree(this.pid);
		this.peakRenderersKb = Math.max(this.peakRenderersKb, m.renderersKb);
		this.peakAllKb = Math.max(this.peakAllKb, m.allKb);
		for (const [pid, kb] of m.rendererHwmKb) this.hwm.set(pid, Math.max(this.hwm.get(pid) ?? 0, kb));
	}
	/** The largest renderer's own peak: the page, its DuckDB worker and both wasm heaps live in one renderer. */
	get maxRendererHwmKb(): number {
		return Math.max(0, ...this.hwm.values());
	}
	stop() {
		this.tick();
		if (this.timer) clearInterval(this.timer);
		this.timer = null;
	}
}

/** Injected before the page's scripts (context.addInitScript): records every long task of each document. */
export const LONG_TASKS_INIT = `
(() => {
	const tasks = [];
	globalThis.__ibLongTasks = tasks;
	try {
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) tasks.push({ start: e.startTime, ms: e.duration });
		}).observe({ type: 'longtask', buffered: true });
	} catch { /* no Long Tasks API */ }
})();`;

export interface LongTasks {
	/** Main-thread tasks over 50 ms (what the Long Tasks API reports). */
	count: number;
	over200: number;
	maxMs: number;
	totalMs: number;
	/** Durations, in order. */
	ms: number[];
}

export function summariseLongTasks(ms: number[]): LongTasks {
	return {
		count: ms.length,
		over200: ms.filter((x) => x > 200).length,
		maxMs: Math.round(Math.max(0, ...ms)),
		totalMs: Math.round(ms.reduce((s, x) => s + x, 0)),
		ms: ms.map((x) => Math.round(x))
	};
}

/** The page's clock now (ms since its navigation start), to read long tasks from. */
export function pageNow(page: Page): Promise<number> {
	return page.evaluate(() => performance.now());
}

/** Durations of the current document's long tasks that started at or after `since` (page clock). */
export async function longTasksSince(page: Page, since = 0): Promise<number[]> {
	// Long-task entries are delivered after the task ends: let the observer run first.
	return page.evaluate(
		(since) =>
			new Promise<number[]>((ok) =>
				setTimeout(() => {
					const tasks = (globalThis as unknown as { __ibLongTasks?: { start: number; ms: number }[] }).__ibLongTasks ?? [];
					ok(tasks.filter((t) => t.start >= since).map((t) => t.ms));
				}, 50)
			),
		since
	);
}

/**
 * A Chromium trace (CDP Tracing, works for persistent contexts too) of what
 * `run` makes the page do; returns the trace events.
 */
export async function traceEvents(page: Page, categories: string[], run: () => Promise<void>): Promise<TraceEvent[]> {
	const cdp = await page.context().newCDPSession(page);
	const events: TraceEvent[] = [];
	cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
	const complete = new Promise<void>((ok) => cdp.once('Tracing.tracingComplete', () => ok()));
	await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: categories } });
	try {
		await run();
	} finally {
		await cdp.send('Tracing.end');
		await complete;
		await cdp.detach().catch(() => {});
	}
	return events;
}

export interface TraceEvent {
	name: string;
	ph: string;
	ts: number;
	dur?: number;
	pid: number;
	tid: number;
	args?: Record<string, unknown>;
}

/** Total ms and count of each wasm trace event (by thread name), biggest first. */
export function wasmEventTotals(events: TraceEvent[]): { thread: string; name: string; ms: number; count: number }[] {
	const threads = new Map<string, string>();
	for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, String((e.args as { name?: string })?.name ?? '?'));
	const totals = new Map<string, { thread: string; name: string; ms: number; count: number }>();
	for (const e of events) {
		if (e.ph !== 'X' || !/wasm/i.test(e.name)) continue;
		const thread = (threads.get(`${e.pid}:${e.tid}`) ?? '?').replace(/ThreadPoolForegroundWorker/, 'V8 background');
		const key = `${thread}|${e.name}`;
		const t = totals.get(key) ?? { thread, name: e.name, ms: 0, count: 0 };
		t.ms += (e.dur ?? 0) / 1000;
		t.count++;
		totals.set(key, t);
	}
	return [...totals.values()].sort((a, b) => b.ms - a.ms).map((t) => ({ ...t, ms: Math.round(t.ms * 10) / 10 }));
}
