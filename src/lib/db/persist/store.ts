/**
 * Live files kept in the browser: each accepted upload's checked rows (one
 * Arrow IPC stream per table, as the live layer ingests them) plus the index
 * (index-format.ts). Restoring inserts them through the upload's own path
 * (appendLiveIPC), so stored rows get the same casts and column check.
 * Every change is written before it is reported; the index is written last
 * when adding and first when forgetting, so an interruption leaves at worst
 * an unreferenced file (removed on the next open), never a dangling entry.
 */
import type { Engine } from '../engine.ts';
import type { Layer } from '../layers.ts';
import { appendLiveIPC } from '../ingest.ts';
import type { StoreBackend } from './backend.ts';
import {
	INDEX_FILE,
	emptyIndex,
	newFileId,
	parseIndex,
	partPath,
	restoreOrder,
	unreferenced,
	withFile,
	withLayers,
	withoutFile,
	type StoreIndex,
	type StoredFile
} from './index-format.ts';

/** What an accepted upload adds: its original bytes' identity and one IPC stream per table. */
export interface AcceptedUpload {
	name: string;
	sha256: string | null;
	bytes: number;
	parts: { table: string; ipc: Uint8Array; rows: number }[];
}

/** A stored file that could not be restored, and why (its rows are not in the live layer). */
export interface RestoreProblem {
	file: StoredFile;
	message: string;
}

export interface RestoreResult {
	files: StoredFile[];
	rows: number;
	problems: RestoreProblem[];
}

export class LiveStore {
	private current: Promise<StoreIndex> | null = null;
	/** Changes one after another: two clicks never interleave their index writes. */
	private queue: Promise<unknown> = Promise.resolve();

	constructor(
		readonly backend: StoreBackend,
		private readonly schemaVersion: string,
		private readonly now: () => Date = () => new Date()
	) {}

	/** The index (read once; a missing index is an empty store). */
	index(): Promise<StoreIndex> {
		this.current ??= this.readIndex();
		return this.current;
	}

	private async readIndex(): Promise<StoreIndex> {
		const bytes = await this.backend.read(INDEX_FILE);
		if (!bytes) return emptyIndex(this.schemaVersion);
		return parseIndex(JSON.parse(new TextDecoder().decode(bytes)));
	}

	private async writeIndex(index: StoreIndex): Promise<void> {
		await this.backend.write(INDEX_FILE, new TextEncoder().encode(JSON.stringify(index, null, '\t')));
		this.current = Promise.resolve(index);
	}

	private serial<T>(work: () => Promise<T>): Promise<T> {
		const run = this.queue.then(work, work);
		this.queue = run.catch(() => {});
		return run;
	}

	/** Store an accepted upload; resolves once its files and the index are written. */
	add(upload: AcceptedUpload): Promise<StoredFile> {
		return this.serial(async () => {
			const index = await this.index();
			const id = newFileId(index, this.now());
			const file: StoredFile = {
				id,
				name: upload.name,
				sha256: upload.sha256,
				bytes: upload.bytes,
				acceptedAt: this.now().toISOString(),
				parts: []
			};
			try {
				for (const p of upload.parts) {
					const path = partPath(id, p.table);
					await this.backend.write(path, p.ipc);
					file.parts.push({ table: p.table, path, rows: p.rows, bytes: p.ipc.byteLength });
				}
				await this.writeIndex(withFile(index, file));
			} catch (e) {
				for (const p of file.parts) await this.backend.remove(p.path).catch(() => {});
				throw e;
			}
			return file;
		});
	}

	/** Forget one stored upload (index first, then its files). */
	forget(id: string): Promise<void> {
		return this.serial(async () => {
			const index = await this.index();
			const file = index.files.find((f) => f.id === id);
			if (!file) return;
			await this.writeIndex(withoutFile(index, id));
			for (const p of file.parts) await this.backend.remove(p.path);
		});
	}

	/** Forget every stored upload. */
	forgetAll(): Promise<void> {
		return this.serial(async () => {
			const index = await this.index();
			await this.writeIndex({ ...emptyIndex(this.schemaVersion), layers: index.layers });
			for (const name of await this.backend.list()) if (name !== INDEX_FILE) await this.backend.remove(name);
		});
	}

	/** Remember the layers the views use, for the next start (only once something is stored). */
	setLayers(layers: Layer[]): Promise<void> {
		return this.serial(async () => {
			const index = await this.index();
			if (index.files.length === 0 || index.layers.join() === layers.join()) return;
			await this.writeIndex(withLayers(index, layers));
		});
	}

	/** Delete files no index entry names (an add interrupted before its index write). */
	tidy(): Promise<string[]> {
		return this.serial(async () => {
			const stray = unreferenced(await this.index(), await this.backend.list());
			for (const name of stray) await this.backend.remove(name);
			return stray;
		});
	}

	/**
	 * Insert every stored upload's rows into the live layer, parents first. A
	 * file that cannot be read or was stored under another contract version is
	 * reported and skipped (its rows are kept in the store until forgotten).
	 */
	async restore(engine: Engine): Promise<RestoreResult> {
		const index = await this.index();
		const result: RestoreResult = { files: [], rows: 0, problems: [] };
		const failed = new Set<string>();
		for (const { file, part } of restoreOrder(index)) {
			if (failed.has(file.id)) continue;
			try {
				if (index.schemaVersion !== this.schemaVersion) {
					throw new Error(`stored under data contract ${index.schemaVersion}, this site uses ${this.schemaVersion}`);
				}
				const ipc = await this.backend.read(part.path);
				if (!ipc) throw new Error(`stored file ${part.path} is missing`);
				const rows = await appendLiveIPC(engine, part.table, ipc);
				if (rows !== part.rows) throw new Error(`${part.table}: the index says ${part.rows} rows, the stored file has ${rows}`);
				result.rows += rows;
			} catch (e) {
				failed.add(file.id);
				result.problems.push({ file, message: (e as Error).message });
			}
		}
		result.files = index.files.filter((f) => !failed.has(f.id));
		return result;
	}
}
