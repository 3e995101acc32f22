/**
 * The check worker: validates uploads off the page's thread (CSV streamed,
 * Parquet by row group, Arrow by record batch, XLSX per sheet) against the
 * context it holds, and posts progress, the accepted rows (as Arrow IPC,
 * transferred) and the results. Each checked file's accepted rows join the context, so a drop of
 * participants and their services is checked in one pass (parents first).
 * Started by check-client.ts; it ends with the page's terminate().
 */
/// <reference lib="webworker" />
import { checkUpload, detectUploadTable } from './upload.ts';
import { addAccepted, contextFromTables, createContext, type ValidationContext } from './validate.ts';
import { liveRowsToIPC } from '#lib/db/ingest.ts';
import type { CheckReply, CheckRequest } from './check-protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
let ctx: ValidationContext = createContext();
const post = (m: CheckReply, transfer: Transferable[] = []) => scope.postMessage(m, transfer);

async function handle(m: CheckRequest): Promise<void> {
	if (m.type === 'context') {
		ctx = contextFromTables(m.tables);
		return post({ id: m.id, type: 'done', value: true });
	}
	if (m.type === 'detect') return post({ id: m.id, type: 'done', value: await detectUploadTable(m.file) });
	let last = -1;
	const results = await checkUpload(m.file, ctx, {
		...m.opts,
		onProgress: (share) => {
			// a message per whole percent is plenty for a progress bar
			const pct = Math.floor(share * 100);
			if (pct !== last) post({ id: m.id, type: 'progress', share: (last = pct) / 100 });
		}
	});
	results.forEach((r, i) => {
		if (r.table && !r.fileRejected) addAccepted(ctx, r.table, r.accepted);
		if (r.table && r.accepted.length > 0) {
			const ipc = liveRowsToIPC(r.table, r.accepted);
			post({ id: m.id, type: 'accepted', result: i, ipc }, [ipc.buffer]);
		}
	});
	post({ id: m.id, type: 'done', value: results.map((r) => ({ ...r, accepted: [] })) });
}

scope.onmessage = (e: MessageEvent<CheckRequest>) => {
	handle(e.data).catch((err: unknown) => post({ id: e.data.id, type: 'failed', message: err instanceof Error ? err.message : String(err) }));
};
