/**
 * A dataset is published as a small JSON manifest listing one file per table of
 * the data contract (see data/README.md). The bundled pilot data use the same
 * format a ministry intranet would.
 */
export type TableFormat = 'parquet' | 'arrow';

export interface ManifestTable {
	path: string;
	format: TableFormat;
	rows?: number;
	bytes?: number;
	sha256?: string;
}

/**
 * The same tables packed as one DuckDB database file (`npm run data:pack`).
 * When present the browser attaches it instead of decoding the Parquet files:
 * the load path for national-scale data.
 */
export interface ManifestDatabase {
	path: string;
	format: 'duckdb';
	/** Tables the file holds: the contract's, and the services summaries (db/summaries.ts) of packs that have them. */
	tables: string[];
	bytes?: number;
	sha256?: string;
}

/**
 * The release plans of these data, computed by the publisher (`npm run
 * data:plans`): the workbench reads them instead of building the plans on
 * the page, when `fingerprint` is that of these files.
 */
export interface ManifestReleasePlans {
	path: string;
	bytes?: number;
	sha256: string;
	/** contentFingerprint of the files the plans were made from (data/plans.ts manifestFingerprint). */
	fingerprint: string;
}

export interface DatasetManifest {
	name: string;
	name_lv?: string;
	synthetic?: boolean;
	schema_version?: string;
	tables: Record<string, ManifestTable>;
	database?: ManifestDatabase;
	releasePlans?: ManifestReleasePlans;
}

export function parseManifest(json: unknown): DatasetManifest {
	if (typeof json !== 'object' || json === null) throw new Error('Manifest is not a JSON object');
	const m = json as Partial<DatasetManifest>;
	if (typeof m.name !== 'string') throw new Error('Manifest has no "name"');
	if (typeof m.tables !== 'object' || m.tables === null) throw new Error('Manifest has no "tables"');
	for (const [table, spec] of Object.entries(m.tables)) {
		if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`Manifest table name not allowed: ${table}`);
		if (typeof spec?.path !== 'string') throw new Error(`Manifest table ${table} has no "path"`);
		const format = spec.format ?? (spec.path.endsWith('.arrow') ? 'arrow' : 'parquet');
		if (format !== 'parquet' && format !== 'arrow') throw new Error(`Manifest table ${table}: unknown format ${format}`);
		spec.format = format;
	}
	if (m.database !== undefined) {
		const d = m.database as Partial<ManifestDatabase>;
		if (typeof d?.path !== 'string') throw new Error('Manifest "database" has no "path"');
		if ((d.format ?? 'duckdb') !== 'duckdb') throw new Error(`Manifest "database": unknown format ${d.format}`);
		if (!Array.isArray(d.tables) || d.tables.some((t) => typeof t !== 'string' || !/^[a-z_][a-z0-9_]*$/.test(t))) {
			throw new Error('Manifest "database" needs "tables", a list of table names');
		}
		d.format = 'duckdb';
	}
	if (m.releasePlans !== undefined) {
		const r = m.releasePlans as Partial<ManifestReleasePlans>;
		if (typeof r?.path !== 'string' || typeof r.sha256 !== 'string' || typeof r.fingerprint !== 'string') {
			throw new Error('Manifest "releasePlans" needs "path", "sha256" and "fingerprint"');
		}
	}
	return m as DatasetManifest;
}
