/**
 * Prepared statements kept per SQL text, least recently used dropped first.
 * Metric SQL is a fixed set of constants with `?` parameters, so a handful of
 * statements serve every filter change. A statement that fails is dropped and
 * the query is prepared afresh once, so a stale statement can never stick.
 *
 * @example
 * const cache = new StatementCache((sql) => conn.prepare(sql), (s) => s.close());
 * await cache.run('SELECT ?::INTEGER + 1 AS x', (s) => s.query(41)); // prepares once, then reuses
 */
export class StatementCache<S> {
	private readonly statements = new Map<string, Promise<S>>();

	constructor(
		private readonly prepare: (sql: string) => Promise<S> | S,
		private readonly close: (statement: S) => Promise<unknown> | unknown,
		private readonly capacity = 64
	) {}

	/** Number of statements kept. */
	get size(): number {
		return this.statements.size;
	}

	async run<T>(sql: string, use: (statement: S) => Promise<T> | T): Promise<T> {
		try {
			return await use(await this.get(sql));
		} catch {
			// Drop the statement (it may be stale or broken) and try once with a fresh one;
			// a genuine error in the SQL or its parameters is thrown from this second try.
			this.drop(sql);
			return await use(await this.get(sql));
		}
	}

	private get(sql: string): Promise<S> {
		let statement = this.statements.get(sql);
		if (statement) {
			// Most recently used last.
			this.statements.delete(sql);
			this.statements.set(sql, statement);
			return statement;
		}
		statement = Promise.resolve().then(() => this.prepare(sql));
		statement.catch(() => this.statements.delete(sql));
		this.statements.set(sql, statement);
		while (this.statements.size > this.capacity) this.drop(this.statements.keys().next().value!);
		return statement;
	}

	private drop(sql: string): void {
		const statement = this.statements.get(sql);
		if (!statement) return;
		this.statements.delete(sql);
		statement.then((s) => this.close(s)).catch(() => {});
	}

	/** Close every kept statement. */
	async clear(): Promise<void> {
		const all = [...this.statements.values()];
		this.statements.clear();
		await Promise.all(all.map((p) => p.then((s) => this.close(s)).catch(() => {})));
	}
}
