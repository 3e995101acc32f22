/**
 * The page's side of the hash worker (db/hash-worker.ts): without Workers, or
 * when the worker fails to start, the same sha256 is computed on the page; a
 * mismatch is refused as with the page's own hashing. The worker itself runs
 * in tests/browser/trust.test.ts.
 */
import { describe, it, expect, vi, afterEach } from 'vitest';
import { createHash } from 'node:crypto';
import { IntegrityError, verifyFile } from '../../../src/lib/db/verify';

const bytes = new TextEncoder().encode('a packed database file');
const sha = createHash('sha256').update(bytes).digest('hex');

async function freshClient() {
	vi.resetModules();
	return import('../../../src/lib/db/hash-worker');
}

afterEach(() => vi.unstubAllGlobals());

describe('sha256OffThread', () => {
	it('hashes on the page where there are no Workers, and refuses a mismatch the same way', async () => {
		vi.stubGlobal('Worker', undefined);
		const { prepareHashWorker, sha256OffThread } = await freshClient();
		prepareHashWorker();
		expect(await sha256OffThread(new Blob([bytes]))).toBe(sha);
		const err = await verifyFile('dataset.duckdb', sha, new Blob([bytes, new Uint8Array([1])]), sha256OffThread).catch((e) => e);
		expect(err).toBeInstanceOf(IntegrityError);
		expect(err.message).toMatch(/^dataset\.duckdb: sha256 does not match the manifest/);
	});

	it('falls back to the page when the worker fails to load, for the request waiting and those after', async () => {
		const started: string[] = [];
		class FailingWorker {
			onmessage: ((e: MessageEvent) => void) | null = null;
			onerror: ((e: { preventDefault(): void }) => void) | null = null;
			constructor(url: URL) {
				started.push(String(url));
				setTimeout(() => this.onerror?.({ preventDefault() {} }), 0);
			}
			postMessage() {}
			terminate() {}
		}
		vi.stubGlobal('Worker', FailingWorker);
		const { sha256OffThread } = await freshClient();
		expect(await sha256OffThread(new Blob([bytes]))).toBe(sha);
		expect(await sha256OffThread(new Blob([bytes]))).toBe(sha);
		expect(started).toHaveLength(1);
		expect(started[0]).toMatch(/hash\.worker\.ts$/);
	});

	it('passes on the worker’s answer, and its error as an error', async () => {
		class AnsweringWorker {
			onmessage: ((e: { data: unknown }) => void) | null = null;
			onerror = null;
			postMessage(m: { id: number; blob: Blob }) {
				const reply = m.blob.size === 0 ? { id: m.id, error: 'not readable' } : { id: m.id, sha256: 'ab'.repeat(32) };
				setTimeout(() => this.onmessage?.({ data: reply }), 0);
			}
			terminate() {}
		}
		vi.stubGlobal('Worker', AnsweringWorker);
		const { sha256OffThread } = await freshClient();
		expect(await sha256OffThread(new Blob([bytes]))).toBe('ab'.repeat(32));
		await expect(sha256OffThread(new Blob([]))).rejects.toThrow('not readable');
	});
});
