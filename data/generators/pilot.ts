/**
 * Deterministic synthetic pilot dataset for IB Outcomes.
 *
 *   npm run data:pilot        (= node data/generators/pilot.ts)
 *
 * Builds every table of data/schema.json from a seeded PRNG so that the
 * published figures of both IBM pilots (data/README.md) come out exactly,
 * validates the rows against the contract, and writes one zstd Parquet file
 * per table plus data/pilot/manifest.json. Output is byte-stable across runs.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { createRng } from './prng.ts';
import { makeAdults, makeChildren, type Participant } from './people.ts';
import { makeCosts } from './costs.ts';
import { makeAssessments, makeEmployment, makeGoals } from './outcomes.ts';
import {
	INDICATIVE_BASIC, INDICATIVE_TOTAL, INSTRUMENT_DIMENSIONS, MUNICIPALITIES, PLAN_DOMAINS, PROGRAMMES,
	SERVICE_CATALOGUE, SUPPLEMENT_MINOR_CHILD, SUPPLEMENT_MOBILITY, SUPPLEMENT_NATURAL_SUPPORT
} from './reference.ts';
import { validateDataset, type Row } from './validate.ts';
import { contract } from '../../src/lib/contract/schema.ts';

export const SEED = 20180801;

const here = dirname(fileURLToPath(import.meta.url));
const DATA_DIR = resolve(here, '..');
const OUT_DIR = join(DATA_DIR, 'pilot');

/** Typed row interfaces as plain records for validation and writing. */
const asRows = <T extends object>(rows: T[]): Row[] => rows as unknown as Row[];

export function buildPilot(seed = SEED): { tables: Record<string, Row[]>; log: string[] } {
	const rng = createRng(seed);
	const children = makeChildren(rng.fork('children'));
	const adults = makeAdults(rng.fork('adults'));
	const costs = makeCosts(rng.fork('costs'), children, adults);
	const goals = makeGoals(rng.fork('goals'), children, adults);
	const assessments = makeAssessments(rng.fork('assessments'), children, adults);
	const employment = makeEmployment(rng.fork('employment'), adults);

	const participants = [...children, ...adults].map((p: Participant) => {
		const { served: _served, ...row } = p;
		return row;
	});
	const tables: Record<string, Row[]> = {
		municipalities: MUNICIPALITIES.map((m) => ({ ...m })),
		programmes: PROGRAMMES.map(({ code, ...rest }) => ({ programme: code, ...rest })),
		participants,
		plan_domains: PLAN_DOMAINS.map((d) => ({ ...d })),
		plan_goals: asRows(goals),
		instrument_dimensions: INSTRUMENT_DIMENSIONS.map((d) => ({ ...d })),
		assessments: asRows(assessments),
		employment: asRows(employment),
		service_catalogue: SERVICE_CATALOGUE.map((s) => ({
			service_code: s.service_code, cohort: s.cohort, domain_code: s.domain_code, service_group: s.service_group,
			unit: s.unit, name_lv: s.name_lv, name_en: s.name_en
		})),
		providers: asRows(costs.providers),
		services: asRows(costs.services),
		overheads: asRows(costs.overheads),
		budgets: asRows(costs.budgets),
		indicative_rates: Object.keys(INDICATIVE_BASIC).map((k) => ({
			care_level: Number(k[0]), residence_type: k[1], basic_eur: INDICATIVE_BASIC[k],
			natural_support_max_eur: SUPPLEMENT_NATURAL_SUPPORT, minor_child_max_eur: SUPPLEMENT_MINOR_CHILD,
			mobility_max_eur: SUPPLEMENT_MOBILITY, total_eur: INDICATIVE_TOTAL[k]
		}))
	};
	for (const k of Object.keys(INDICATIVE_BASIC)) {
		const total = INDICATIVE_BASIC[k] + SUPPLEMENT_NATURAL_SUPPORT + SUPPLEMENT_MINOR_CHILD + SUPPLEMENT_MOBILITY;
		if (total !== INDICATIVE_TOTAL[k]) throw new Error(`indicative table inconsistent at ${k}`);
	}
	return { tables, log: costs.log };
}

function sqlLiteral(value: unknown, type: string): string {
	if (value === null || value === undefined) return 'NULL';
	switch (type) {
		case 'VARCHAR':
			return `'${String(value).replaceAll("'", "''")}'`;
		case 'DATE':
			return `DATE '${value}'`;
		case 'BOOLEAN':
			return value ? 'TRUE' : 'FALSE';
		case 'INTEGER':
			return String(Math.trunc(Number(value)));
		case 'DOUBLE': {
			const n = Number(value);
			if (!Number.isFinite(n)) throw new Error(`non-finite DOUBLE ${value}`);
			return `${n}::DOUBLE`;
		}
		default:
			throw new Error(`unknown type ${type}`);
	}
}

async function writeParquet(tables: Record<string, Row[]>, seed: number): Promise<void> {
	rmSync(OUT_DIR, { recursive: true, force: true });
	mkdirSync(OUT_DIR, { recursive: true });
	const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
	const conn = await instance.connect();
	await conn.run('SET threads = 1');
	await conn.run('SET preserve_insertion_order = true');
	const manifestTables: Record<string, unknown> = {};
	for (const spec of contract.tables) {
		const name = spec.name;
		const rows = tables[name];
		const cols = spec.columns;
		await conn.run(
			`CREATE TABLE "${name}" (${cols.map((c) => `"${c.name}" ${c.type}${c.required ? ' NOT NULL' : ''}`).join(', ')})`
		);
		for (let i = 0; i < rows.length; i += 500) {
			const chunk = rows.slice(i, i + 500);
			const values = chunk.map((r) => `(${cols.map((c) => sqlLiteral(r[c.name], c.type)).join(', ')})`).join(',\n');
			await conn.run(`INSERT INTO "${name}" VALUES ${values}`);
		}
		const file = `${name}.parquet`;
		const target = join(OUT_DIR, file);
		const orderBy = spec.primary_key.map((k) => `"${k}"`).join(', ');
		await conn.run(
			`COPY (SELECT * FROM "${name}" ORDER BY ${orderBy}) TO '${target.replaceAll("'", "''")}' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 100000)`
		);
		const bytes = readFileSync(target);
		manifestTables[name] = {
			path: file,
			format: 'parquet',
			rows: rows.length,
			bytes: bytes.byteLength,
			sha256: createHash('sha256').update(bytes).digest('hex')
		};
	}
	conn.closeSync();
	instance.closeSync();
	const manifest = {
		name: 'IBM pilots 2018–2021 (synthetic)',
		name_lv: 'IBM izmēģinājumprojekti 2018–2021 (sintētiski dati)',
		description:
			'Synthetic row-level data calibrated to every published figure of the two IBM pilots (children with FT 2018–2019, adults with GRT 2019–2021). Not real persons.',
		synthetic: true,
		schema_version: contract.version,
		generated_by: 'npm run data:pilot',
		seed,
		tables: manifestTables
	};
	writeFileSync(join(OUT_DIR, 'manifest.json'), JSON.stringify(manifest, null, '\t') + '\n');
	const stray = readdirSync(OUT_DIR).filter((f) => f !== 'manifest.json' && !(f.replace(/\.parquet$/, '') in manifestTables));
	if (stray.length) throw new Error(`unexpected files in ${OUT_DIR}: ${stray.join(', ')}`);
}

async function main(): Promise<void> {
	const { tables, log } = buildPilot(SEED);
	const problems = validateDataset(tables);
	if (problems.length) {
		for (const p of problems.slice(0, 50)) console.error('  ' + p);
		throw new Error(`${problems.length} contract violations`);
	}
	await writeParquet(tables, SEED);
	for (const line of log) console.log(line);
	for (const [name, rows] of Object.entries(tables)) console.log(`${name.padEnd(22)} ${String(rows.length).padStart(6)} rows`);
	console.log(`wrote ${OUT_DIR}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	await main();
}
