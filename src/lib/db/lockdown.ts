/**
 * DuckDB locked down once the data are in: no file system or network access
 * (`read_csv('http://…')`, `COPY … TO`, `ATTACH` of other paths, extension
 * loading all fail) and no setting can be changed back. The only paths DuckDB
 * may still open are the database files this site registers itself under
 * DATA_DIR (db/attach.ts), so a later `?data=` with a packed database file
 * can still be attached after the lock. Uploaded rows arrive as Arrow
 * (`insertArrowFromIPCStream`), which needs no file access.
 */
import type { Engine } from './engine';

/** The directory prefix of the files the site registers for ATTACH (the one place DuckDB may read after the lock). */
export const DATA_DIR = 'ib-data/';

const locked = new WeakSet<Engine>();

/** Lock the engine's configuration (idempotent: a second call does nothing). */
export async function lockDown(engine: Engine): Promise<void> {
	if (locked.has(engine)) return;
	await engine.exec(
		[`SET allowed_directories = ['${DATA_DIR}']`, 'SET enable_external_access = false', 'SET lock_configuration = true'].join(';\n')
	);
	locked.add(engine);
}
