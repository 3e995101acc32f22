/** Messages between the page (check-client.ts) and the check worker (check.worker.ts). */
import type { TypedRow } from '#lib/contract/schema.ts';
import type { CheckOptions, CheckResult } from './check.ts';

/** Options that cross to the worker (no callbacks). */
export type WorkerCheckOptions = Pick<CheckOptions, 'table' | 'mapping' | 'today' | 'maxProblems' | 'maxColumns'>;

export type CheckRequest =
	| { id: number; type: 'context'; tables: Record<string, TypedRow[]> }
	| { id: number; type: 'detect'; file: File }
	| { id: number; type: 'check'; file: File; opts: WorkerCheckOptions };

export type CheckReply =
	| { id: number; type: 'progress'; share: number }
	/**
	 * Accepted rows of result `result` as the Arrow IPC stream the live layer
	 * ingests (db/ingest.ts liveRowsToIPC), transferred: the page neither
	 * deserialises nor holds a million row objects (no long tasks, no big GC).
	 */
	| { id: number; type: 'accepted'; result: number; ipc: Uint8Array }
	| { id: number; type: 'done'; value: CheckResult[] | string | null | true }
	| { id: number; type: 'failed'; message: string };
