import { describe, it, expect, afterAll } from 'vitest';
import { StatementCache } from '../../../src/lib/db/statement-cache';
import { createNodeEngine } from '../../../src/lib/db/engine-node';
import { query, type Engine } from '../../../src/lib/db/engine';

describe('StatementCache', () => {
	const fake = () => {
		const log: string[] = [];
		let n = 0;
		const cache = new StatementCache<{ id: number; sql: string }>(
			(sql) => {
				log.push(`prepare ${sql}`);
				return { id: ++n, sql };
			},
			(s) => log.push(`close ${s.id}`),
			2
		);
		return { cache, log };
	};

	it('prepares each SQL text once and reuses it', async () => {
		const { cache, log } = fake();
		expect(await cache.run('a', (s) => s.id)).toBe(1);
		expect(await cache.run('a', (s) => s.id)).toBe(1);
		expect(log).toEqual(['prepare a']);
	});

	it('closes the least recently used statement beyond its capacity', async () => {
		const { cache, log } = fake();
		await cache.run('a', () => 0);
		await cache.run('b', () => 0);
		await cache.run('a', () => 0); // a is now the most recent
		await cache.run('c', () => 0);
		await Promise.resolve();
		expect(cache.size).toBe(2);
		expect(log).toContain('close 2'); // b went, not a
		expect(log).not.toContain('close 1');
	});

	it('drops a statement that fails and prepares it again once; a second failure is thrown', async () => {
		const { cache, log } = fake();
		let calls = 0;
		expect(await cache.run('a', (s) => (++calls === 1 ? Promise.reject(new Error('stale')) : s.id))).toBe(2);
		await expect(cache.run('b', () => Promise.reject(new Error('bad SQL')))).rejects.toThrow('bad SQL');
		expect(log.filter((l) => l === 'prepare b')).toHaveLength(2);
	});
});

describe('kept statements in the engine', () => {
	let engine: Engine;
	afterAll(() => engine?.close());

	it('see a view replaced under them (DuckDB re-binds the statement)', async () => {
		engine = await createNodeEngine();
		await engine.exec('CREATE VIEW v AS SELECT 1 AS x');
		const sql = 'SELECT sum(x)::INTEGER + ?::INTEGER AS y FROM v';
		expect(await query(engine, sql, [0])).toEqual([{ y: 1 }]);
		await engine.exec('CREATE OR REPLACE VIEW v AS SELECT * FROM range(10) t(x)');
		expect(await query(engine, sql, [0])).toEqual([{ y: 45 }]);
		await engine.exec('CREATE OR REPLACE VIEW v AS SELECT 7.0::DOUBLE AS x');
		expect(await query(engine, sql, [1])).toEqual([{ y: 8 }]);
	});
});
