/**
 * SQL with named parameters. Metric queries are written with `$name`
 * placeholders; `namedSql` rewrites them once, at module load, to DuckDB's
 * numbered `$1…$n` (a number may be used many times), and `bind` turns a
 * typed object of values into the positional list the engines take. So a
 * caller names what it binds and can never get the order wrong, and no value
 * is ever spliced into the SQL text.
 *
 * @example
 * const q = namedSql<'cohort' | 'sex'>(`SELECT count(*) FROM participants
 *   WHERE cohort = $cohort AND ($sex::VARCHAR IS NULL OR sex = $sex)`);
 * q.text // '… WHERE cohort = $1 AND ($2::VARCHAR IS NULL OR sex = $2)'
 * q.bind({ cohort: 'child', sex: null }) // ['child', null]
 */
import { query, type Engine, type SqlParam } from '#lib/db/engine.ts';

export interface NamedSql<P extends string> {
	/** The SQL as the engine receives it, with `$1…$n`. */
	readonly text: string;
	/** The parameter names, in the order of their numbers. */
	readonly names: readonly P[];
	/** Positional values for `text`; throws on a missing name. */
	bind(values: Readonly<Record<P, SqlParam>>): SqlParam[];
}

// `$name` outside quotes; `$1` (already numbered) and `$$` are not names.
const NAME = /\$([A-Za-z_][A-Za-z0-9_]*)/g;

export function namedSql<P extends string>(sql: string): NamedSql<P> {
	if (/\$\d/.test(sql)) throw new Error('namedSql: use $name placeholders, not $1');
	const names: P[] = [];
	const text = sql.replace(NAME, (_, name: string) => {
		let k = names.indexOf(name as P);
		if (k < 0) k = names.push(name as P) - 1;
		return `$${k + 1}`;
	});
	return {
		text,
		names,
		bind(values) {
			return names.map((n) => {
				if (!(n in values)) throw new Error(`namedSql: no value for $${n}`);
				const v = values[n];
				if (v === undefined) throw new Error(`namedSql: $${n} is undefined`);
				return v;
			});
		}
	};
}

/** Run a named query and return plain JS rows. */
export function run<T, P extends string>(engine: Engine, q: NamedSql<P>, values: Readonly<Record<P, SqlParam>>): Promise<T[]> {
	return query<T>(engine, q.text, q.bind(values));
}
