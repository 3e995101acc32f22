/** The pilot dataset loaded into DuckDB-WASM in Node, exactly as the site loads it. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createNodeEngine } from '../../src/lib/db/engine-node';
import { query, type Engine, type SqlParam } from '../../src/lib/db/engine';
import { loadDataset } from '../../src/lib/db/load';
import { parseManifest } from '../../src/lib/db/manifest';

export const PILOT_DIR = resolve(import.meta.dirname, '../../data/pilot');

export interface TestEngine {
	engine: Engine;
	query<T = Record<string, unknown>>(sql: string, params?: SqlParam[]): Promise<T[]>;
	close(): Promise<void>;
}

export async function openDatasetEngine(dir: string): Promise<TestEngine> {
	const engine = await createNodeEngine();
	const manifest = parseManifest(JSON.parse(await readFile(resolve(dir, 'manifest.json'), 'utf8')));
	await loadDataset(engine, manifest, async (p) => new Uint8Array(await readFile(resolve(dir, p))));
	return {
		engine,
		query: <T>(sql: string, params: SqlParam[] = []) => query<T>(engine, sql, params),
		close: () => engine.close()
	};
}

export function openPilotEngine(): Promise<TestEngine> {
	return openDatasetEngine(PILOT_DIR);
}
