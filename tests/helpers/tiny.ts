/**
 * Hand-made datasets for metric tests: an empty DuckDB-WASM engine (the
 * site's engine) plus SQL that creates the few rows a test needs, so the right
 * answer can be worked out by hand in the test.
 */
import { createNodeEngine } from '../../src/lib/db/engine-node';
import { query, type Engine, type SqlParam } from '../../src/lib/db/engine';
import { SUMMARY_TABLES } from '../../src/lib/db/summaries';

export interface TinyDb {
	engine: Engine;
	query<T = Record<string, unknown>>(sql: string, params?: SqlParam[]): Promise<T[]>;
	close(): Promise<void>;
}

/** The two tables every filter joins: municipalities and participants. */
export const BASE_DDL = `
CREATE TABLE municipalities (code VARCHAR, name_lv VARCHAR, name_en VARCHAR, region VARCHAR);
CREATE TABLE participants (
	participant_id VARCHAR, cohort VARCHAR, programme VARCHAR, municipality_code VARCHAR,
	sex VARCHAR, birth_year INTEGER, age_at_entry INTEGER, enrolled_on DATE, exited_on DATE
);`;

export async function tinyDb(...statements: string[]): Promise<TinyDb> {
	const engine = await createNodeEngine();
	for (const block of [BASE_DDL, ...statements]) {
		for (const sql of block.split(/;\s*\n/).map((s) => s.trim()).filter(Boolean)) await engine.exec(sql);
	}
	// As the site does once data are in (db/summaries.ts refreshSummaries): the cost queries read
	// these. One by one: a hand-made table may lack columns a summary needs that its test does not.
	for (const t of SUMMARY_TABLES) await engine.exec(`CREATE TABLE ${t.name} AS ${t.select}`).catch(() => {});
	return {
		engine,
		query: <T>(sql: string, params: SqlParam[] = []) => query<T>(engine, sql, params),
		close: () => engine.close()
	};
}

/** n participants of one cohort in one municipality, ids P1..Pn. */
export function participantsSql(
	n: number,
	o: { cohort?: string; municipality?: string; prefix?: string; sex?: (i: number) => string; age?: (i: number) => number } = {}
): string {
	const rows = Array.from({ length: n }, (_, k) => {
		const i = k + 1;
		return `('${o.prefix ?? 'P'}${i}', '${o.cohort ?? 'child'}', 'test', '${o.municipality ?? 'M1'}', '${o.sex?.(i) ?? (i % 2 ? 'F' : 'M')}', 2010, ${o.age?.(i) ?? 8}, DATE '2018-10-01', DATE '2019-09-30')`;
	});
	return `INSERT INTO participants VALUES ${rows.join(',\n')}`;
}
