/**
 * The hash worker: the sha256 of a downloaded file (a Blob, passed by
 * reference), read and digested here rather than on the page's thread, which
 * is saturated while the page starts (hydration, the engine's start-up).
 * Started by hash-worker.ts.
 */
/// <reference lib="webworker" />
import { sha256Hex } from './verify.ts';
import type { HashReply, HashRequest } from './hash-worker.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (e: MessageEvent<HashRequest>) => {
	const { id, blob } = e.data;
	let reply: HashReply;
	try {
		reply = { id, sha256: await sha256Hex(blob) };
	} catch (err) {
		reply = { id, error: err instanceof Error ? err.message : String(err) };
	}
	scope.postMessage(reply);
};
