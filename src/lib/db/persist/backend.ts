/**
 * Where stored live files are kept: the browser's Origin Private File System
 * (read and written from JavaScript, never by DuckDB, whose external access
 * is switched off after loading), or memory when OPFS is missing.
 */

export interface StoreBackend {
	/** 'opfs' survives a reload and a browser restart; 'memory' only this page. */
	readonly kind: 'opfs' | 'memory';
	read(name: string): Promise<Uint8Array | null>;
	/** Replace the file's content as a whole (OPFS commits on close: no half-written file). */
	write(name: string, bytes: Uint8Array): Promise<void>;
	remove(name: string): Promise<void>;
	list(): Promise<string[]>;
}

export function memoryBackend(): StoreBackend {
	const files = new Map<string, Uint8Array>();
	return {
		kind: 'memory',
		read: async (name) => files.get(name) ?? null,
		write: async (name, bytes) => void files.set(name, bytes.slice()),
		remove: async (name) => void files.delete(name),
		list: async () => [...files.keys()]
	};
}

/** The directory of this site's live files in OPFS. */
export const OPFS_DIRECTORY = 'ib-live-files';

/**
 * The OPFS backend, or null with the reason when this browser has none (some
 * private modes, non-secure origins, older browsers).
 */
export async function opfsBackend(): Promise<{ backend: StoreBackend } | { backend: null; reason: string }> {
	const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined;
	if (!storage?.getDirectory) return { backend: null, reason: 'navigator.storage.getDirectory is missing' };
	let dir: FileSystemDirectoryHandle;
	try {
		dir = await (await storage.getDirectory()).getDirectoryHandle(OPFS_DIRECTORY, { create: true });
	} catch (e) {
		return { backend: null, reason: (e as Error).message || String(e) };
	}
	// Safari before 26 writes OPFS files only from workers: treat it as no OPFS on the page.
	if (typeof FileSystemFileHandle === 'undefined' || typeof FileSystemFileHandle.prototype.createWritable !== 'function') {
		return { backend: null, reason: 'FileSystemFileHandle.createWritable is missing' };
	}
	return {
		backend: {
			kind: 'opfs',
			async read(name) {
				const handle = await dir.getFileHandle(name).catch(() => null);
				return handle ? new Uint8Array(await (await handle.getFile()).arrayBuffer()) : null;
			},
			async write(name, bytes) {
				const writable = await (await dir.getFileHandle(name, { create: true })).createWritable();
				try {
					await writable.write(bytes as Uint8Array<ArrayBuffer>);
					await writable.close();
				} catch (e) {
					await writable.abort().catch(() => {});
					throw e;
				}
			},
			async remove(name) {
				await dir.removeEntry(name).catch((e: DOMException) => {
					if (e?.name !== 'NotFoundError') throw e;
				});
			},
			async list() {
				const names: string[] = [];
				for await (const key of (dir as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(key);
				return names;
			}
		}
	};
}
