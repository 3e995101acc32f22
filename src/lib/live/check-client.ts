/**
 * The page's side of checking uploads: a dedicated worker (check.worker.ts)
 * when the platform has workers, else the same functions in-line (Node,
 * tests). One `Checker` per batch of dropped files: it holds the context
 * (rows already loaded plus each file accepted so far), orders the files by
 * their detected table and checks them one by one. From the worker, a
 * result's accepted rows come as `acceptedIPC` (an Arrow IPC stream for
 * `appendLiveIPC`) and `accepted` is empty: count them with `acceptedCount`.
 *
 * @example
 * const checker = await startChecker(await loadedTables(engine));
 * try {
 *   for (const f of await checker.order(files)) results.push(await checker.check(f, { onProgress, signal }));
 * } finally { checker.close(); }
 */
import type { TypedRow } from '#lib/contract/schema.ts';
import type { CheckResult } from './check.ts';
import type { CheckReply, CheckRequest, WorkerCheckOptions } from './check-protocol.ts';
import { checkUpload, detectUploadTable, inDetectedOrder, UploadCancelled, type UploadCheckOptions, type UploadInput } from './upload.ts';
import { addAccepted, contextFromTables } from './validate.ts';

export interface Checker {
	/** Where the checks run: 'worker' in the browser. */
	readonly where: 'worker' | 'inline';
	/** Files parents first, by the table detected in each. */
	order<T extends UploadInput>(files: T[]): Promise<T[]>;
	/** Check one file; its accepted rows then count as loaded for the next file. */
	check(file: UploadInput, opts?: UploadCheckOptions): Promise<CheckResult[]>;
	close(): void;
}

/** A checker whose context starts from `tables` (rows already in the live layer and the reference tables). */
export async function startChecker(tables: Record<string, TypedRow[]>): Promise<Checker> {
	if (typeof Worker === 'undefined') return inlineChecker(tables);
	const checker = new WorkerChecker();
	await checker.request({ type: 'context', tables });
	return checker;
}

function inlineChecker(tables: Record<string, TypedRow[]>): Checker {
	const ctx = contextFromTables(tables);
	return {
		where: 'inline',
		order: (files) => inDetectedOrder(files, detectUploadTable),
		async check(file, opts = {}) {
			const results = await checkUpload(file, ctx, opts);
			for (const r of results) if (r.table && !r.fileRejected) addAccepted(ctx, r.table, r.accepted);
			return results;
		},
		close() {}
	};
}

type Pending = {
	resolve: (v: unknown) => void;
	reject: (e: Error) => void;
	onProgress?: (share: number) => void;
	accepted: Map<number, Uint8Array>;
};

/** Rows a result accepted: `accepted` in-line, `acceptedIPC` from the worker. */
export const acceptedCount = (r: CheckResult): number => (r.fileRejected ? 0 : r.acceptedIPC ? r.stats.accepted : r.accepted.length);

const asFile = async (f: UploadInput): Promise<File> => (f instanceof File ? f : new File([await f.arrayBuffer()], f.name));

class WorkerChecker implements Checker {
	readonly where = 'worker' as const;
	private worker: Worker | null = new Worker(new URL('./check.worker.ts', import.meta.url), { type: 'module' });
	private next = 1;
	private pending = new Map<number, Pending>();

	constructor() {
		this.worker!.onmessage = (e: MessageEvent<CheckReply>) => this.receive(e.data);
		this.worker!.onerror = (e) => this.failAll(new Error(e.message || 'check worker failed'));
	}

	private receive(m: CheckReply): void {
		const p = this.pending.get(m.id);
		if (!p) return;
		if (m.type === 'progress') p.onProgress?.(m.share);
		else if (m.type === 'accepted') p.accepted.set(m.result, m.ipc);
		else {
			this.pending.delete(m.id);
			if (m.type === 'failed') p.reject(new Error(m.message));
			else if (Array.isArray(m.value)) p.resolve(m.value.map((r, i) => (p.accepted.has(i) ? { ...r, acceptedIPC: p.accepted.get(i) } : r)));
			else p.resolve(m.value);
		}
	}

	private failAll(e: Error): void {
		for (const p of this.pending.values()) p.reject(e);
		this.pending.clear();
	}

	request(msg: Omit<Extract<CheckRequest, { type: 'context' }>, 'id'> | Omit<Extract<CheckRequest, { type: 'detect' }>, 'id'> | Omit<Extract<CheckRequest, { type: 'check' }>, 'id'>, onProgress?: (share: number) => void): Promise<unknown> {
		if (!this.worker) return Promise.reject(new UploadCancelled());
		const id = this.next++;
		return new Promise((resolve, reject) => {
			this.pending.set(id, { resolve, reject, onProgress, accepted: new Map() });
			this.worker!.postMessage({ ...msg, id } as CheckRequest);
		});
	}

	async order<T extends UploadInput>(files: T[]): Promise<T[]> {
		return inDetectedOrder(files, async (f) => (await this.request({ type: 'detect', file: await asFile(f) })) as string | null);
	}

	async check(file: UploadInput, opts: UploadCheckOptions = {}): Promise<CheckResult[]> {
		const { signal, onProgress, table, mapping, today, maxProblems, maxColumns } = opts;
		if (opts.onAccepted) throw new Error('onAccepted is not supported across the worker');
		const o: WorkerCheckOptions = { table, mapping: mapping ? { ...mapping } : undefined, today, maxProblems, maxColumns };
		// stopping is ending the worker: the batch is over, the next one starts a new checker
		const stop = () => {
			this.close();
			this.failAll(new UploadCancelled());
		};
		if (signal?.aborted) throw new UploadCancelled();
		signal?.addEventListener('abort', stop, { once: true });
		try {
			return (await this.request({ type: 'check', file: await asFile(file), opts: o }, onProgress)) as CheckResult[];
		} finally {
			signal?.removeEventListener('abort', stop);
		}
	}

	close(): void {
		this.worker?.terminate();
		this.worker = null;
	}
}
