/**
 * Validate in-memory rows against data/schema.json (read through
 * src/lib/contract, the one reading of the contract): column set, types,
 * required / required_when, allowed values, ranges, patterns, primary keys
 * and foreign keys. Used by the generator before anything is written.
 */
import { contract, isTableName, type ColumnType } from '../../src/lib/contract/schema.ts';

/** A generated row before it is checked: any values, under any names. */
export type Row = Record<string, unknown>;

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

function typeOk(v: unknown, type: ColumnType): boolean {
	switch (type) {
		case 'VARCHAR': return typeof v === 'string';
		case 'INTEGER': return typeof v === 'number' && Number.isInteger(v) && Math.abs(v) < 2 ** 31;
		case 'DOUBLE': return typeof v === 'number' && Number.isFinite(v);
		case 'DATE': return typeof v === 'string' && DATE_RE.test(v) && !Number.isNaN(Date.parse(v + 'T00:00:00Z'));
		case 'BOOLEAN': return typeof v === 'boolean';
	}
}

export function validateDataset(tables: Record<string, Row[]>): string[] {
	const problems: string[] = [];
	const say = (msg: string) => {
		if (problems.length < 1000) problems.push(msg);
	};
	for (const name of Object.keys(tables)) if (!isTableName(name)) say(`table ${name} is not in the contract`);
	for (const spec of contract.tables) {
		const name = spec.name;
		const rows = tables[name];
		if (!rows) {
			say(`table ${name} missing`);
			continue;
		}
		const colNames = new Set(spec.columns.map((c) => c.name));
		rows.forEach((row, i) => {
			for (const k of Object.keys(row)) if (!colNames.has(k)) say(`${name}[${i}]: unknown column ${k}`);
			for (const c of spec.columns) {
				const v = row[c.name] ?? null;
				const when = c.required_when;
				const condition = when ? Object.entries(when).every(([k, val]) => row[k] === val) : false;
				if (v === null) {
					if (c.required || condition) say(`${name}[${i}].${c.name}: required`);
					continue;
				}
				if (when && !condition) say(`${name}[${i}].${c.name}: must be NULL unless ${JSON.stringify(when)}`);
				if (!typeOk(v, c.type)) {
					say(`${name}[${i}].${c.name}: ${JSON.stringify(v)} is not ${c.type}`);
					continue;
				}
				if (c.allowed && !c.allowed.includes(v as string | number)) say(`${name}[${i}].${c.name}: ${JSON.stringify(v)} not allowed`);
				if (c.min !== undefined && (v as number | string) < c.min) say(`${name}[${i}].${c.name}: ${v} < ${c.min}`);
				if (c.max !== undefined && (v as number | string) > c.max) say(`${name}[${i}].${c.name}: ${v} > ${c.max}`);
				if (c.pattern && !new RegExp(c.pattern).test(String(v))) say(`${name}[${i}].${c.name}: ${v} does not match ${c.pattern}`);
			}
		});
		const seen = new Set<string>();
		for (const row of rows) {
			const key = JSON.stringify(spec.primary_key.map((k) => row[k]));
			if (seen.has(key)) say(`${name}: duplicate primary key ${key}`);
			seen.add(key);
		}
		for (const fk of spec.foreign_keys) {
			const parent = tables[fk.references.table] ?? [];
			const keys = new Set(parent.map((r) => JSON.stringify(fk.references.columns.map((k) => r[k]))));
			rows.forEach((row, i) => {
				const vals = fk.columns.map((k) => row[k] ?? null);
				if (vals.some((v) => v === null)) return;
				if (!keys.has(JSON.stringify(vals))) say(`${name}[${i}]: ${fk.columns.join(',')}=${vals.join(',')} not in ${fk.references.table}`);
			});
		}
	}
	return problems;
}
