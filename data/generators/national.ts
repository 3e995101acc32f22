/**
 * Long: one SQL pipeline that builds the tables in dependency order, then writes and checks them.
 *
 * Synthetic national roll-out dataset for scale tests (issue 7).
 *
 *   npm run data:national -- --participants 11000 --years 1 [--out data/national/<name>] [--seed N]
 *
 * Same contract as the pilot data (every table of data/schema.json, same
 * column names, types and order), but at the size of a national roll-out:
 * ~2,500 children : ~8,600 adults (domain.md, "National roll-out estimates"),
 * the 43 municipalities since 2021 in the 5 planning regions, and one
 * `services` row per service session / day / trip (≈ 45 rows per person and
 * month, so 11,000 participants × 1 year ≈ 6 million rows). All the heavy
 * lifting is SQL inside native DuckDB: rows come from range(), and every
 * random draw is a hash of (seed, row key, tag), so the data are a pure
 * function of the arguments (same DuckDB version ⇒ same rows). The script
 * checks the written files against the contract (column list and types, NOT
 * NULL / required_when, allowed values, ranges, patterns, primary and foreign
 * keys) and writes one zstd Parquet file per table (row groups of 122,880)
 * plus manifest.json in the pilot's format.
 */
import { createHash } from 'node:crypto';
import { createReadStream, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import {
	INDICATIVE_BASIC, INDICATIVE_TOTAL, INSTRUMENT_DIMENSIONS, PLAN_DOMAINS, SERVICE_CATALOGUE,
	SUPPLEMENT_MINOR_CHILD, SUPPLEMENT_MOBILITY, SUPPLEMENT_NATURAL_SUPPORT
} from './reference.ts';
import { KIDSCREEN_MEANS, SQOL_BETTER } from './outcomes.ts';
import { NATIONAL_ADULTS, NATIONAL_CHILDREN, NATIONAL_MUNICIPALITIES, SERVICE_VOLUME } from './national-reference.ts';
import { contract } from '../../src/lib/contract/schema.ts';

const here = dirname(fileURLToPath(import.meta.url));
const DATA_DIR = resolve(here, '..');
export const DEFAULT_SEED = 20250101;
/** First day of the synthetic roll-out's service period. */
const START_YEAR = 2025;
/** Hourly services are recorded per visit: rows per month × this, hours per row ÷ this. */
const VISITS_PER_DAY = 3;

export interface NationalOptions {
	participants: number;
	years: number;
	seed: number;
	out: string;
	/** Skip the contract checks (they take a few seconds on tens of millions of rows). */
	skipChecks?: boolean;
	quiet?: boolean;
}

export function defaultOutDir(participants: number, years: number): string {
	return join(DATA_DIR, 'national', `${participants}-${years}y`);
}

const q = (s: string) => `'${s.replaceAll("'", "''")}'`;
const num = (x: number) => (Number.isInteger(x) ? `${x}` : `${x}`);
const values = (rows: (string | number | boolean | null)[][]) =>
	rows.map((r) => `(${r.map((v) => (v === null ? 'NULL' : typeof v === 'string' ? q(v) : typeof v === 'boolean' ? String(v) : num(v))).join(', ')})`).join(',\n');

/** Month index (0 = January of START_YEAR) → first day of that month, as SQL. */
const monthDate = (expr: string) => `(DATE '${START_YEAR}-01-01' + to_months((${expr})::INTEGER))::DATE`;
/** DATE → month index. */
const monthIndex = (expr: string) => `((year(${expr}) - ${START_YEAR}) * 12 + month(${expr}) - 1)`;

/** CASE over a uniform column: first value whose cumulative weight exceeds u. */
function pickCase(u: string, choices: [string | number, number][]): string {
	const total = choices.reduce((s, [, w]) => s + w, 0);
	let acc = 0;
	const whens = choices.slice(0, -1).map(([v, w]) => {
		acc += w / total;
		return `WHEN ${u} < ${acc} THEN ${typeof v === 'string' ? q(v) : v}`;
	});
	const last = choices[choices.length - 1][0];
	return `CASE ${whens.join(' ')} ELSE ${typeof last === 'string' ? q(last) : last} END`;
}

export async function generateNational(opts: NationalOptions): Promise<{ manifestPath: string; rows: Record<string, number>; bytes: Record<string, number>; seconds: number }> {
	const { participants: N, years: Y, seed } = opts;
	if (!Number.isInteger(N) || N < 10 || N > 999_999) throw new Error('--participants must be an integer 10…999999');
	if (!Number.isInteger(Y) || Y < 1 || Y > 5) throw new Error('--years must be 1…5 (programmes.service_months is at most 60 in the contract)');
	if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
	const log = (s: string) => {
		if (!opts.quiet) console.log(s);
	};
	const t0 = performance.now();
	const M = 12 * Y;
	const nC = Math.round((N * NATIONAL_CHILDREN) / (NATIONAL_CHILDREN + NATIONAL_ADULTS));
	const nA = N - nC;
	const START = `DATE '${START_YEAR}-01-01'`;
	const END = `DATE '${START_YEAR + Y - 1}-12-31'`;
	const outDir = resolve(opts.out);
	rmSync(outDir, { recursive: true, force: true });
	mkdirSync(outDir, { recursive: true });

	const instance = await DuckDBInstance.create(':memory:', {
		threads: String(cpus().length),
		preserve_insertion_order: 'true',
		temp_directory: join(outDir, '.tmp')
	});
	const conn = await instance.connect();
	const run = async (sql: string) => {
		await conn.run(sql);
	};
	const scalar = async (sql: string) => (await conn.runAndReadAll(sql)).getRowsJS()[0]?.[0];
	const step = (() => {
		let last = performance.now();
		return (what: string) => {
			const now = performance.now();
			log(`  ${what.padEnd(34)} ${((now - last) / 1000).toFixed(1).padStart(6)} s`);
			last = now;
		};
	})();

	// Pseudo-random numbers: u(key, tag) uniform in [0, 1), nrm(key, tag) standard normal.
	await run(`CREATE MACRO u(a, tag) AS (hash(${seed}::BIGINT, a::BIGINT, tag::VARCHAR) >> 11)::DOUBLE / 9007199254740992.0`);
	await run(`CREATE MACRO u2(a, b, tag) AS (hash(${seed}::BIGINT, a::BIGINT, b::BIGINT, tag::VARCHAR) >> 11)::DOUBLE / 9007199254740992.0`);
	await run(`CREATE MACRO nrm(a, tag) AS sqrt(-2 * ln(greatest(u(a, tag || '.1'), 1e-12))) * cos(2 * pi() * u(a, tag || '.2'))`);
	await run(`CREATE MACRO nrm2(a, b, tag) AS sqrt(-2 * ln(greatest(u2(a, b, tag || '.1'), 1e-12))) * cos(2 * pi() * u2(a, b, tag || '.2'))`);

	// Contract tables, created empty from schema.json so names, types and order follow the contract.
	for (const { name, columns } of contract.tables) {
		await run(`CREATE TABLE "${name}" (${columns.map((c) => `"${c.name}" ${c.type}${c.required ? ' NOT NULL' : ''}`).join(', ')})`);
	}

	// ---------------------------------------------------------------- reference tables
	const totalPop = NATIONAL_MUNICIPALITIES.reduce((s, m) => s + m.population_k, 0);
	let cum = 0;
	const muniRows = NATIONAL_MUNICIPALITIES.map((m, ord) => {
		const lo = cum / totalPop;
		cum += m.population_k;
		// Local providers: more in bigger municipalities.
		const nprov = 2 + Math.ceil(m.population_k / 15);
		return [ord, m.code, m.name_lv, m.name_en, m.kind, m.region, m.successor_2021_lv, lo, cum / totalPop, nprov];
	});
	muniRows[muniRows.length - 1][8] = 1.000001;
	await run(`CREATE TEMP TABLE muni (ord INTEGER, code VARCHAR, name_lv VARCHAR, name_en VARCHAR, kind VARCHAR, region VARCHAR, successor_2021_lv VARCHAR, lo DOUBLE, hi DOUBLE, nprov INTEGER);
		INSERT INTO muni VALUES ${values(muniRows as (string | number)[][])}`);
	await run(`INSERT INTO municipalities BY NAME SELECT code, name_lv, name_en, kind, region, successor_2021_lv FROM muni`);

	const yearsLabel = Y === 1 ? `${START_YEAR}` : `${START_YEAR}–${START_YEAR + Y - 1}`;
	await run(`INSERT INTO programmes VALUES
		('national_children_${START_YEAR}', 'child', 'IBM valsts mēroga ieviešana bērniem ar FT un viņu ģimenēm (sintētiski dati)',
		 'IBM national roll-out for children with functional impairments and their families (synthetic)',
		 DATE '${START_YEAR - 1}-10-01', ${END}, ${START}, ${END}, ${M}, ${M}),
		('national_adults_${START_YEAR}', 'adult', 'IBM valsts mēroga ieviešana pilngadīgām personām ar GRT (sintētiski dati)',
		 'IBM national roll-out for adults with mental disorders (synthetic)',
		 DATE '${START_YEAR - 1}-10-01', ${END}, ${START}, ${END}, ${M}, ${M})`);
	await run(`INSERT INTO plan_domains VALUES ${values(PLAN_DOMAINS.map((d) => [d.code, d.cohort, d.sort_order, d.name_lv, d.name_en]))}`);
	await run(`INSERT INTO instrument_dimensions VALUES ${values(INSTRUMENT_DIMENSIONS.map((d) => [d.instrument, d.dimension_code, d.sort_order, d.name_lv, d.name_en, d.items, d.higher_is_better, d.scale_min, d.scale_max, d.scoring_method]))}`);
	await run(`INSERT INTO service_catalogue VALUES ${values(SERVICE_CATALOGUE.map((s) => [s.service_code, s.cohort, s.domain_code, s.service_group, s.unit, s.name_lv, s.name_en]))}`);
	await run(`INSERT INTO indicative_rates VALUES ${values(Object.keys(INDICATIVE_BASIC).map((k) => [Number(k[0]), k[1], INDICATIVE_BASIC[k], SUPPLEMENT_NATURAL_SUPPORT, SUPPLEMENT_MINOR_CHILD, SUPPLEMENT_MOBILITY, INDICATIVE_TOTAL[k]]))}`);
	const svcRows = SERVICE_CATALOGUE.map((s, idx) => {
		const v = SERVICE_VOLUME[s.service_code];
		if (!v) throw new Error(`no SERVICE_VOLUME for ${s.service_code}`);
		// Hourly services: one row per visit (VISITS_PER_DAY short visits instead of one long day), same hours in all.
		const split = s.unit === 'hour' ? VISITS_PER_DAY : 1;
		return [idx, s.service_code, s.cohort, s.service_group, s.unit, s.base_price, s.price_basis, s.eligibility ?? null, v.users, v.per_month * split, (v.hours ?? 1) / split];
	});
	await run(`CREATE TEMP TABLE svc (svc_idx INTEGER, service_code VARCHAR, cohort VARCHAR, grp VARCHAR, unit VARCHAR, base_price DOUBLE, basis VARCHAR, elig VARCHAR, users DOUBLE, per_month DOUBLE, hours DOUBLE);
		INSERT INTO svc VALUES ${values(svcRows)}`);
	await run(`CREATE TEMP TABLE months AS SELECT mi::INTEGER AS mi, ${monthDate('mi')} AS month, (mi % 12 + 1)::INTEGER AS moy FROM range(${M}) t(mi)`);

	// Providers: 2 + pop/15k local providers per municipality (municipal / NGO / private) and 12 national ones.
	await run(`CREATE TEMP TABLE prov AS
		WITH loc AS (SELECT ord, code, name_lv, unnest(range(nprov)) AS k FROM muni),
		loc2 AS (SELECT *, row_number() OVER (ORDER BY ord, k) - 1 AS no FROM loc),
		nat AS (SELECT k, (SELECT count(*) FROM loc) + k AS no FROM range(12) t(k))
		SELECT no::INTEGER AS no, code AS municipality_code, ord AS muni_ord, k::INTEGER AS k,
			${pickCase(`u(no, 'pkind')`, [['municipal', 0.35], ['ngo', 0.35], ['private', 0.3]])} AS kind, name_lv
		FROM loc2
		UNION ALL
		SELECT no::INTEGER, NULL, NULL, k::INTEGER, CASE WHEN k < 7 THEN 'state' ELSE 'ngo' END, NULL FROM nat`);
	await run(`ALTER TABLE prov ADD COLUMN factor DOUBLE; UPDATE prov SET factor = round(0.8 + 0.45 * u(no, 'pf') + CASE WHEN kind = 'private' THEN 0.1 ELSE 0 END, 3)`);
	await run(`INSERT INTO providers BY NAME
		SELECT 'P' || lpad((no + 1)::VARCHAR, 4, '0') AS provider_id, kind, municipality_code,
			CASE WHEN municipality_code IS NULL THEN
				CASE kind WHEN 'state' THEN 'Valsts sociālās aprūpes centrs, filiāle Nr. ' || (k + 1) ELSE 'Nacionāla biedrība Nr. ' || (k - 6) END
			ELSE name_lv || ': ' || CASE kind WHEN 'municipal' THEN 'pašvaldības iestāde' WHEN 'ngo' THEN 'biedrība' ELSE 'privātprakse' END || ' Nr. ' || (k + 1) END AS label
		FROM prov ORDER BY no`);
	const nLocalProv = Number(await scalar(`SELECT count(*) FROM prov WHERE municipality_code IS NOT NULL`));
	step('reference tables');

	// ---------------------------------------------------------------- participants
	const childAges: [number, number][] = [0, 3, 5, 6, 7, 7, 7, 7, 8, 8, 7, 7, 6, 6, 5, 5, 4, 3].map((w, age) => [age, w]);
	const adultAges: [number, number][] = [];
	for (let a = 18; a <= 79; a++) adultAges.push([a, a < 25 ? 1.6 : a < 55 ? 1.3 : a < 65 ? 1 : 0.45]);
	const exitP = 1 - Math.pow(0.93, Y);
	await run(`CREATE TEMP TABLE p0 AS
		SELECT i::INTEGER AS i, i < ${nC} AS is_child,
			CASE WHEN i < ${nC} THEN 'C' || lpad((i + 1)::VARCHAR, 6, '0') ELSE 'A' || lpad((i - ${nC} + 1)::VARCHAR, 6, '0') END AS participant_id,
			u(i, 'mun') AS u_mun, u(i, 'age') AS u_age, u(i, 'stock') AS u_stock, u(i, 'enr') AS u_enr,
			u(i, 'exit') AS u_exit, u(i, 'exitd') AS u_exitd, u(i, 'why') AS u_why
		FROM range(${N}) t(i)`);
	await run(`CREATE TEMP TABLE p1 AS
		SELECT p0.*, mu.code AS municipality_code, mu.ord AS muni_ord,
			CASE WHEN is_child THEN ${pickCase('u_age', childAges)} ELSE ${pickCase('u_age', adultAges)} END AS age,
			CASE WHEN u_stock < 0.75 THEN DATE '${START_YEAR - 1}-10-01' + (u_enr * 90)::INTEGER
				ELSE ${START} + (u_enr * (${END} - ${START} - 60))::INTEGER END AS enrolled_on
		FROM p0 JOIN muni mu ON p0.u_mun >= mu.lo AND p0.u_mun < mu.hi`);
	// first_m / last_m: first and last month index with services; last_full_m: last month fully inside participation.
	await run(`CREATE TEMP TABLE p2 AS
		WITH a AS (
			SELECT *, greatest(0, ${monthIndex('enrolled_on')} + 1) AS first_m,
				u_exit > 0.992 AS withdrew_early, u_exit < ${exitP} AS exits
			FROM p1
		), b AS (
			SELECT *, CASE
				WHEN withdrew_early THEN enrolled_on + 10 + (u_exitd * 30)::INTEGER
				WHEN exits AND ${monthDate('first_m')} + 60 < ${END} THEN ${monthDate('first_m')} + 60 + (u_exitd * (${END} - ${monthDate('first_m')} - 60))::INTEGER
				END AS exited_on
			FROM a
		)
		SELECT *,
			CASE WHEN exited_on IS NULL THEN NULL WHEN withdrew_early THEN 'withdrew_before_services'
				ELSE ${pickCase('u_why', [['withdrew', 0.35], ['moved', 0.3], ['died', 0.15], ['other', 0.2]])} END AS exit_reason,
			CASE WHEN exited_on IS NULL THEN ${M - 1} ELSE ${monthIndex('exited_on')} END AS last_m,
			CASE WHEN exited_on IS NULL THEN ${M - 1} ELSE ${monthIndex('exited_on')} - 1 END AS last_full_m,
			NOT withdrew_early AND first_m <= ${M - 1} AND (exited_on IS NULL OR ${monthIndex('exited_on')} >= first_m) AS served
		FROM b`);
	await run(`CREATE TEMP TABLE part AS
		WITH c AS (
			SELECT p2.*,
				-- whole 6-month plan periods completed (reviewed) within participation
				CASE WHEN served THEN greatest(0, (last_full_m - first_m + 1) // 6) ELSE 0 END AS n_reviewed,
				CASE WHEN served THEN (last_m - first_m) // 6 + 1 ELSE 0 END AS n_periods,
				CASE WHEN is_child THEN CASE WHEN u(i, 'sex') < 0.6 THEN 'M' ELSE 'F' END ELSE CASE WHEN u(i, 'sex') < 0.5 THEN 'M' ELSE 'F' END END AS sex,
				year(enrolled_on) - age - CASE WHEN u(i, 'bday') < dayofyear(enrolled_on) / 366.0 THEN 0 ELSE 1 END AS birth_year,
				-- children
				u(i, 'vis') < 0.13 AS vis, u(i, 'hear') < 0.11 AS hear, u(i, 'mob') < 0.42 AS mob, u(i, 'ment') < 0.74 AS ment0,
				u(i, 'fam') < 0.66 AS two_parent, u(i, 'hh') AS u_hh, u(i, 'care') AS u_care, u(i, 'inc') AS u_inc,
				-- adults
				u(i, 'dg') < 0.35 AS dg1, ${pickCase(`u(i, 'cl')`, [[1, 0.2], [2, 0.35], [3, 0.3], [4, 0.15]])} AS care_level0,
				${pickCase(`u(i, 'res')`, [['a', 0.3], ['b', 0.55], ['c', 0.15]])} AS res0,
				u(i, 'ns') < 0.21 AS ns, u(i, 'mc') < 0.16 AS mc, u(i, 'mb') < 0.30 AS mbn, u(i, 'li') AS u_li
			FROM p2
		)
		SELECT c.*, (ment0 OR NOT (vis OR hear OR mob)) AS ment,
			CASE WHEN is_child THEN round(380 + 540 * u(i, 'ind') + CASE WHEN mob THEN 60 ELSE 0 END)
				ELSE ir.basic_eur + CASE WHEN ns THEN ${SUPPLEMENT_NATURAL_SUPPORT} ELSE 0 END + CASE WHEN mc THEN ${SUPPLEMENT_MINOR_CHILD} ELSE 0 END + CASE WHEN mbn THEN ${SUPPLEMENT_MOBILITY} ELSE 0 END
			END AS ind_month,
			-- last reviewed plan period's review date = follow-up assessment date
			CASE WHEN n_reviewed > 0 THEN ${monthDate('first_m + 6 * n_reviewed')} - 1 - (u(i, 'fud') * 10)::INTEGER END AS followup_on
		FROM c LEFT JOIN indicative_rates ir ON NOT c.is_child AND ir.care_level = c.care_level0 AND ir.residence_type = c.res0`);
	await run(`INSERT INTO participants BY NAME
		SELECT participant_id, CASE WHEN is_child THEN 'child' ELSE 'adult' END AS cohort,
			CASE WHEN is_child THEN 'national_children_${START_YEAR}' ELSE 'national_adults_${START_YEAR}' END AS programme,
			municipality_code, sex, birth_year, age AS age_at_entry, enrolled_on, exited_on, exit_reason,
			CASE WHEN is_child THEN vis END AS impairment_vision,
			CASE WHEN is_child THEN hear END AS impairment_hearing,
			CASE WHEN is_child THEN mob END AS impairment_mobility,
			CASE WHEN is_child THEN ment END AS impairment_mental,
			CASE WHEN is_child THEN CASE WHEN two_parent THEN 'two_parent' ELSE 'single_parent' END END AS family_structure,
			CASE WHEN is_child THEN ${pickCase('u_care', [['guardian', 0.04], ['foster', 0.03], ['parents', 0.93]])} END AS caregiver_type,
			CASE WHEN is_child AND two_parent THEN ${pickCase('u_hh', [['married_1_child', 0.25], ['married_2_children', 0.24], ['married_3plus_children', 0.41], ['cohabiting_1_child', 0.05], ['cohabiting_2_children', 0.02], ['cohabiting_3plus_children', 0.03]])}
				WHEN is_child THEN ${pickCase('u_hh', [['single_parent_1_child', 0.51], ['single_parent_2_children', 0.34], ['single_parent_3plus_children', 0.15]])}
				WHEN res0 = 'a' THEN 'alone' WHEN res0 = 'c' THEN 'group_home'
				ELSE ${pickCase('u_hh', [['with_parents', 0.5], ['with_partner', 0.3], ['with_relatives', 0.2]])} END AS household_type,
			CASE WHEN is_child AND NOT two_parent THEN ${pickCase('u_inc', [['needy', 0.2], ['low_income', 0.06], ['none', 0.74]])}
				WHEN is_child THEN ${pickCase('u_inc', [['needy', 0.045], ['low_income', 0.015], ['none', 0.94]])}
				ELSE ${pickCase('u_inc', [['needy', 0.12], ['low_income', 0.15], ['none', 0.73]])} END AS income_status,
			CASE WHEN NOT is_child THEN CASE WHEN dg1 THEN 'I' ELSE 'II' END END AS disability_group,
			CASE WHEN NOT is_child THEN care_level0 END AS care_level,
			CASE WHEN NOT is_child THEN res0 END AS residence_type,
			CASE WHEN NOT is_child THEN ns END AS needs_natural_support,
			CASE WHEN NOT is_child THEN mc END AS needs_minor_child,
			CASE WHEN NOT is_child THEN mbn END AS needs_mobility,
			CASE WHEN NOT is_child THEN u_li < CASE WHEN res0 = 'c' THEN 0.3 ELSE 0.05 END END AS left_institution
		FROM part ORDER BY i`);
	step(`participants (${nC} children, ${nA} adults)`);

	// ---------------------------------------------------------------- services
	// Plan lines: participant × catalogue service, by popularity among the eligible.
	await run(`CREATE TEMP TABLE pairs0 AS
		SELECT p.i, p.participant_id, p.muni_ord, p.first_m, p.last_m, p.ind_month, s.*
		FROM part p JOIN svc s ON s.cohort = CASE WHEN p.is_child THEN 'child' ELSE 'adult' END
		WHERE p.served
			AND CASE s.elig WHEN 'hearing' THEN p.hear WHEN 'vision' THEN p.vis WHEN 'mental' THEN p.ment
				WHEN 'natural_support' THEN p.ns ELSE true END
			AND u2(p.i, s.svc_idx, 'use') < s.users`);
	await run(`CREATE TEMP TABLE pairs1 AS
		WITH a AS (
			SELECT *, row_number() OVER (ORDER BY i, svc_idx) - 1 AS pair_no FROM pairs0
		), b AS (
			SELECT a.*,
				least(last_m, first_m + CASE WHEN u(pair_no, 'late') < 0.3 THEN (u(pair_no, 'lated') * 3)::INTEGER ELSE 0 END) AS m0,
				CASE WHEN u(pair_no, 'natl') < 0.12 THEN ${nLocalProv} + (u(pair_no, 'np') * 12)::INTEGER % 12
					ELSE (SELECT min(no) FROM prov WHERE prov.muni_ord = a.muni_ord) + (u(pair_no, 'lp') * (SELECT nprov FROM muni WHERE muni.ord = a.muni_ord))::INTEGER
					END AS prov_no,
				per_month * (0.5 + u(pair_no, 'int')) AS rate0,
				CASE WHEN unit = 'hour' THEN hours * (0.7 + 0.6 * u(pair_no, 'hrs')) ELSE 1 END AS hours_mean
			FROM a
		)
		SELECT b.*, CASE WHEN u(pair_no, 'stop') < 0.15 THEN m0 + (u(pair_no, 'stopd') * (last_m - m0 + 1))::INTEGER ELSE last_m END AS m1,
			round(base_price * pv.factor, 2) AS price0,
			CASE WHEN pv.kind = 'private' THEN 'market' ELSE basis END AS price_basis,
			'P' || lpad((prov_no + 1)::VARCHAR, 4, '0') AS provider_id
		FROM b JOIN prov pv ON pv.no = b.prov_no`);
	// Keep each person's expected plan cost within 80% of the indicative amount (the IB is a ceiling).
	await run(`CREATE TEMP TABLE pairs AS
		WITH e AS (SELECT i, sum(rate0 * hours_mean * price0) AS expected FROM pairs1 GROUP BY i)
		SELECT pairs1.*, rate0 * least(1, 0.8 * ind_month / e.expected) AS rate
		FROM pairs1 JOIN e USING (i)`);
	const P = Number(await scalar('SELECT count(*) FROM pairs'));
	await run(`CREATE TEMP TABLE pm AS
		SELECT pr.pair_no, pr.participant_id, pr.service_code, pr.provider_id, pr.price_basis, pr.unit, pr.hours_mean, m.mi, m.month,
			round(pr.price0 * power(1.03, m.mi // 12), 2) AS price,
			least(127, floor(pr.rate
				* CASE WHEN m.moy IN (7, 8) AND pr.grp IN ('education', 'health') THEN 0.6 WHEN m.moy IN (7, 8) OR m.moy = 12 THEN 0.85 ELSE 1 END
				* (0.6 + 0.8 * u2(pr.pair_no, m.mi, 'n')) + u2(pr.pair_no, m.mi, 'r')))::INTEGER AS n
		FROM pairs pr JOIN months m ON m.mi BETWEEN pr.m0 AND pr.m1`);
	step(`plan lines (${P} pairs)`);
	// One row per session / day / trip; event ids are month-major so the file is sorted by its key.
	await run(`INSERT INTO services
		WITH ev AS (
			SELECT *, ((mi::BIGINT * ${P} + pair_no) * 128 + j) AS ek
			FROM (SELECT *, unnest(range(n)) AS j FROM pm WHERE n > 0)
		), ev2 AS (
			SELECT *, CASE WHEN unit = 'hour' THEN greatest(0.5, round(hours_mean * (0.75 + 0.5 * u(ek, 'h')) * 2) / 2) ELSE 1.0 END AS units FROM ev
		)
		SELECT 'E' || lpad(ek::VARCHAR, 11, '0'), participant_id, service_code, month, units, price, round(units * price, 2), provider_id, price_basis
		FROM ev2 ORDER BY ek`);
	step('services');

	// ---------------------------------------------------------------- budgets, overheads
	await run(`CREATE TEMP TABLE spend AS
		SELECT participant_id, ${monthIndex('month')} AS mi, round(sum(cost_eur), 2) AS cost FROM services GROUP BY ALL`);
	await run(`INSERT INTO budgets BY NAME
		WITH per AS (
			SELECT i, participant_id, first_m, ind_month, unnest(range(n_periods)) AS k FROM part WHERE served
		), plan AS (SELECT i, sum(rate * hours_mean * price0) AS monthly_plan FROM pairs GROUP BY i),
		act AS (
			SELECT per.i, per.k, coalesce(sum(s.cost), 0) AS actual
			FROM per LEFT JOIN spend s ON s.participant_id = per.participant_id AND s.mi BETWEEN per.first_m + 6 * per.k AND per.first_m + 6 * per.k + 5
			GROUP BY ALL
		)
		SELECT per.participant_id, ${monthDate('per.first_m + 6 * per.k')} AS period_start,
			${monthDate('per.first_m + 6 * per.k + 6')} - 1 AS period_end, 6 AS months,
			6 * per.ind_month AS indicative_eur,
			least(6 * per.ind_month, ceil(greatest(act.actual, 6 * coalesce(plan.monthly_plan, 0) * power(1.03, (per.first_m + 6 * per.k) // 12)) * (1.02 + 0.08 * u2(per.i, per.k, 'agr')))) AS agreed_eur
		FROM per JOIN act USING (i, k) LEFT JOIN plan USING (i)
		ORDER BY per.participant_id, period_start`);
	await run(`INSERT INTO overheads BY NAME
		WITH sv AS (
			SELECT p.municipality_code, p.is_child, round(sum(s.cost), 2) AS cost FROM spend s JOIN part p USING (participant_id) GROUP BY ALL
		), pp AS (
			SELECT municipality_code, is_child, count(*) AS persons,
				sum(CASE WHEN served THEN (last_m - first_m + 1) / 12.0 ELSE 0 END) AS person_years FROM part GROUP BY ALL
		), base AS (
			SELECT pp.municipality_code, pp.is_child,
				CASE WHEN pp.is_child THEN round(615.26 * pp.person_years, 2) ELSE round(420 * pp.persons, 2) END AS needs,
				CASE WHEN pp.is_child THEN 0 ELSE 10300 * ${Y} END AS training,
				coalesce(sv.cost, 0) AS services
			FROM pp LEFT JOIN sv USING (municipality_code, is_child)
		)
		SELECT CASE WHEN is_child THEN 'national_children_${START_YEAR}' ELSE 'national_adults_${START_YEAR}' END AS programme,
			CASE WHEN is_child THEN 'child' ELSE 'adult' END AS cohort, municipality_code, kind, cost_eur
		FROM base, LATERAL (VALUES ('needs_assessment', needs), ('training_consultation', training),
			('municipal_admin', round(0.10 * (services + needs + training), 2))) k(kind, cost_eur)
		WHERE cost_eur > 0
		ORDER BY programme, municipality_code, kind`);
	step('budgets, overheads');

	// ---------------------------------------------------------------- goals
	const goalSpec: [string, string, number, number, number, number][] = [
		// domain, cohort, min goals, extra goals range, P(achieved), P(partly) — pilot shares
		['C1', 'child', 1, 2, 0.78, 0.15],
		['C2', 'child', 1, 3, 0.41, 0.55],
		['A1', 'adult', 1, 2, 0.47, 0.47],
		['A2', 'adult', 0, 2, 0.21, 0.73],
		['A3', 'adult', 0, 2, 0.36, 0.59]
	];
	await run(`CREATE TEMP TABLE gspec (domain_code VARCHAR, cohort VARCHAR, gmin INTEGER, gspan INTEGER, p_ach DOUBLE, p_part DOUBLE, dno INTEGER);
		INSERT INTO gspec VALUES ${values(goalSpec.map((g, k) => [...g, k]))}`);
	await run(`INSERT INTO plan_goals BY NAME
		WITH per AS (
			SELECT i, participant_id, is_child, muni_ord, first_m, n_reviewed, unnest(range(n_periods)) AS k FROM part WHERE served
		), g AS (
			SELECT per.*, gs.*, gs.gmin + (u2(per.i * 8 + gs.dno, per.k, 'ng') * (gs.gspan + 1))::INTEGER % (gs.gspan + 1) AS n_goals
			FROM per JOIN gspec gs ON gs.cohort = CASE WHEN per.is_child THEN 'child' ELSE 'adult' END
		), gg AS (
			SELECT g.*, unnest(range(n_goals)) AS gi FROM g
		), r AS (
			SELECT gg.*, (i * 64 + k * 8 + dno) * 8 + gi AS gkey,
				k < n_reviewed AS reviewed,
				-- municipality effect ±0.06 and a small gain with plan period
				least(0.95, greatest(0.02, p_ach + 0.12 * (u(muni_ord, 'meff') - 0.5) + 0.02 * least(k, 5))) AS pa
			FROM gg
		), s AS (SELECT r.*, u(gkey, 'att') AS ua, u(gkey, 'gas') AS ug FROM r)
		SELECT 'G' || participant_id || '-' || lpad((k + 1)::VARCHAR, 2, '0') || '-' || domain_code || '-' || (gi + 1) AS goal_id,
			participant_id, domain_code, CASE WHEN gi = 0 THEN 'long' ELSE 'short' END AS term,
			${monthDate('first_m + 6 * k')} + (u(gkey, 'set') * 10)::INTEGER AS set_on,
			CASE WHEN reviewed THEN ${monthDate('first_m + 6 * k + 6')} - 1 - (u(gkey, 'rev') * 10)::INTEGER END AS reviewed_on,
			CASE WHEN reviewed THEN CASE WHEN ua < pa THEN 'achieved' WHEN ua < pa + p_part * (1 - pa) / (1 - p_ach) THEN 'partly' ELSE 'not' END END AS attainment,
			CASE WHEN reviewed THEN CASE
				WHEN ua < pa THEN CASE WHEN ug < 0.15 THEN 0 WHEN ug < 0.75 THEN 1 ELSE 2 END
				WHEN ua < pa + p_part * (1 - pa) / (1 - p_ach) THEN CASE WHEN ug < 0.55 THEN 0 ELSE -1 END
				ELSE CASE WHEN ug < 0.7 THEN -2 ELSE -1 END END END AS gas_rating,
			NULL AS gas_weight
		FROM s ORDER BY goal_id`);
	step('plan goals');

	// ---------------------------------------------------------------- assessments, employment
	const sfkImprove: Record<string, number> = { d1: 0.235, d2: 0.147, d3: 0.088, d4: 0.127, d5: 0.206, d6: 0.186, d7: 0.167, d8: 0.069, d9: 0.078 };
	const ksRows: (string | number)[][] = [];
	for (const inf of ['child', 'parent'] as const) for (const [d, [b, f]] of Object.entries(KIDSCREEN_MEANS[inf])) ksRows.push([inf, d, b, f, ksRows.length]);
	const fq: [string, number, number, number][] = [
		['family_interaction', 6, 3.9, 0.04], ['parenting', 6, 3.8, 0.04], ['emotional_wellbeing', 4, 3.3, 0.25],
		['physical_material', 5, 3.6, 0.03], ['disability_support', 4, 3.5, 0.05]
	];
	await run(`CREATE TEMP TABLE sfkdim AS SELECT * FROM (VALUES ${values(Object.entries(sfkImprove).map(([d, p], k) => [d, p, k]))}) t(dim, p_imp, dno);
		CREATE TEMP TABLE ksdim AS SELECT * FROM (VALUES ${values(ksRows)}) t(informant, dim, mb, mf, dno);
		CREATE TEMP TABLE fqdim AS SELECT * FROM (VALUES ${values(fq.map((r, k) => [...r, k]))}) t(dim, items, mean, delta, dno);
		CREATE TEMP TABLE sqdim AS SELECT * FROM (VALUES ${values(Object.entries(SQOL_BETTER).map(([a, [b]], k) => [a, b / 97, k]))}) t(dim, p_better, dno)`);
	await run(`CREATE TEMP TABLE asp AS
		SELECT i, participant_id, is_child, age, enrolled_on + (u(i, 'bd') * 21)::INTEGER AS baseline_on, followup_on
		FROM part WHERE served`);
	await run(`INSERT INTO assessments BY NAME
		WITH sfk AS (
			SELECT a.*, d.dim, d.p_imp, i * 16 + d.dno AS key,
				CASE WHEN d.dim IN ('d6', 'd8') AND a.age < 4 THEN 9
					WHEN u(i * 16 + d.dno, 'q8') < 0.02 THEN 8
					ELSE ${pickCase(`u(i * 16 + d.dno, 'q0')`, [[0, 0.1], [1, 0.25], [2, 0.35], [3, 0.22], [4, 0.08]])} END AS q0
			FROM asp a, sfkdim d WHERE a.is_child
		), sfk2 AS (
			SELECT *, CASE WHEN q0 >= 8 THEN q0
				WHEN u(key, 'chg') < least(0.6, p_imp * (1 + 0.25 * ((date_diff('month', baseline_on, followup_on) - 6) / 6.0))) THEN greatest(0, q0 - 1)
				WHEN u(key, 'chg') > 0.975 THEN least(4, q0 + 1) ELSE q0 END AS q1
			FROM sfk
		), ks AS (
			SELECT a.*, d.informant, d.dim, a.i * 32 + d.dno AS key,
				d.mb + 5 * nrm(a.i * 2 + (d.informant = 'parent')::INTEGER, 'kp') + 7 * nrm(a.i * 32 + d.dno, 'kb') AS b, d.mf - d.mb AS delta
			FROM asp a, ksdim d WHERE a.is_child AND a.age >= 8
		), fq AS (
			SELECT a.*, d.dim, d.items, round(least(5, greatest(1, d.mean + 0.65 * nrm(a.i * 8 + d.dno, 'fb'))) * d.items) / d.items AS b,
				d.delta, a.i * 8 + d.dno AS key
			FROM asp a, fqdim d WHERE a.is_child
		), sq AS (
			SELECT a.*, d.dim, u(a.i * 16 + d.dno, 'sq') AS us,
				least(0.97, greatest(0.03, d.p_better + 0.15 * nrm(a.i, 'sqp'))) AS pb
			FROM asp a, sqdim d WHERE NOT a.is_child AND a.followup_on IS NOT NULL
		)
		SELECT participant_id, 'sfk' AS instrument, 'professional' AS informant, 'baseline' AS wave, baseline_on AS assessed_on, dim AS dimension_code, q0 AS score, 'icf_qualifier' AS scoring_method FROM sfk2
		UNION ALL SELECT participant_id, 'sfk', 'professional', 'followup', followup_on, dim, q1, 'icf_qualifier' FROM sfk2 WHERE followup_on IS NOT NULL
		UNION ALL SELECT participant_id, 'kidscreen52', informant, 'baseline', baseline_on, dim, round(least(85, greatest(15, b)), 2), 'rasch_t' FROM ks
		UNION ALL SELECT participant_id, 'kidscreen52', informant, 'followup', followup_on, dim, round(least(85, greatest(15, b + delta + 5 * nrm(key, 'kf'))), 2), 'rasch_t' FROM ks WHERE followup_on IS NOT NULL
		UNION ALL SELECT participant_id, 'fqols', 'family', 'baseline', baseline_on, dim, b, 'item_mean' FROM fq
		UNION ALL SELECT participant_id, 'fqols', 'family', 'followup', followup_on, dim, round(least(5, greatest(1, b + delta + 0.35 * nrm(key, 'ff'))) * items) / items, 'item_mean' FROM fq WHERE followup_on IS NOT NULL
		UNION ALL SELECT participant_id, 'sqol', 'self', 'followup', followup_on, dim, CASE WHEN us < pb THEN 1 WHEN us > 0.96 THEN -1 ELSE 0 END, 'change_rating' FROM sq
		ORDER BY 1, 2, 3, 4, 6`);
	await run(`INSERT INTO employment BY NAME
		WITH a AS (
			SELECT i, participant_id, enrolled_on, followup_on, care_level0, age,
				${pickCase(`u(i, 'emp0')`, [['not_employed', 0.84], ['part_time', 0.06], ['volunteer_public_works', 0.04], ['temporary_full_time', 0.03], ['permanent_full_time', 0.03]])} AS s0,
				u(i, 'emp1') AS u1
			FROM part WHERE served AND NOT is_child
		)
		SELECT participant_id, 'baseline' AS wave, enrolled_on + (u(i, 'er') * 14)::INTEGER AS recorded_on, s0 AS status FROM a
		UNION ALL
		SELECT participant_id, 'followup', followup_on,
			CASE WHEN s0 = 'not_employed' THEN ${pickCase('u1', [['part_time', 0.05], ['volunteer_public_works', 0.04], ['temporary_full_time', 0.025], ['permanent_full_time', 0.015], ['not_employed', 0.87]])}
				WHEN u1 < 0.85 THEN s0 ELSE 'not_employed' END
		FROM a WHERE followup_on IS NOT NULL
		ORDER BY 1, 2`);
	step('assessments, employment');

	// ---------------------------------------------------------------- write + check
	const manifestTables: Record<string, { path: string; format: 'parquet'; rows: number; bytes: number; sha256: string }> = {};
	const rows: Record<string, number> = {};
	const bytes: Record<string, number> = {};
	for (const spec of contract.tables) {
		const name = spec.name;
		const file = `${name}.parquet`;
		const target = join(outDir, file);
		// Small tables sorted by their key; services and the other generated tables are already inserted in key order.
		const order = ['services', 'participants', 'plan_goals', 'assessments', 'employment', 'budgets', 'overheads', 'providers'].includes(name)
			? '' : ` ORDER BY ${spec.primary_key.map((k) => `"${k}"`).join(', ')}`;
		await run(`COPY (SELECT * FROM "${name}"${order}) TO ${q(target)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880)`);
		rows[name] = Number(await scalar(`SELECT count(*) FROM "${name}"`));
		bytes[name] = statSync(target).size;
		manifestTables[name] = { path: file, format: 'parquet', rows: rows[name], bytes: bytes[name], sha256: await sha256(target) };
	}
	step('write Parquet + sha256');
	if (!opts.skipChecks) {
		const problems = await checkContract(conn, outDir);
		if (problems.length) {
			for (const p of problems.slice(0, 50)) console.error('  ' + p);
			throw new Error(`${problems.length} contract violations`);
		}
		step('contract checks on the files');
	}
	conn.closeSync();
	instance.closeSync();
	rmSync(join(outDir, '.tmp'), { recursive: true, force: true });

	const manifest = {
		name: `IBM national roll-out, ${N.toLocaleString('en')} participants, ${yearsLabel} (synthetic)`,
		name_lv: `IBM valsts mēroga ieviešana, ${N} dalībnieki, ${yearsLabel} (sintētiski dati)`,
		description:
			`Synthetic scale-test data for a national IBM roll-out: ${nC} children and ${nA} adults in the 43 municipalities since 2021, ${Y} year(s) of services with one row per session, day or trip. Plausible distributions only; not calibrated to any published figure. Not real persons.`,
		synthetic: true,
		schema_version: contract.version,
		generated_by: `npm run data:national -- --participants ${N} --years ${Y} --seed ${seed}`,
		seed,
		tables: manifestTables
	};
	const manifestPath = join(outDir, 'manifest.json');
	writeFileSync(manifestPath, JSON.stringify(manifest, null, '\t') + '\n');
	return { manifestPath, rows, bytes, seconds: (performance.now() - t0) / 1000 };
}

function sha256(path: string): Promise<string> {
	return new Promise((ok, fail) => {
		const h = createHash('sha256');
		createReadStream(path).on('data', (d) => h.update(d)).on('end', () => ok(h.digest('hex'))).on('error', fail);
	});
}

/** Check the written Parquet files against schema.json with SQL (column list first). */
async function checkContract(conn: DuckDBConnection, dir: string): Promise<string[]> {
	const problems: string[] = [];
	const count = async (sql: string) => Number((await conn.runAndReadAll(sql)).getRowsJS()[0][0]);
	const file = (t: string) => `read_parquet(${q(join(dir, `${t}.parquet`))})`;
	for (const spec of contract.tables) {
		const name = spec.name;
		const cols = (await conn.runAndReadAll(`DESCRIBE SELECT * FROM ${file(name)}`)).getRowObjectsJS() as { column_name: string; column_type: string }[];
		const got = cols.map((c) => `${c.column_name} ${c.column_type}`).join(', ');
		const want = spec.columns.map((c) => `${c.name} ${c.type}`).join(', ');
		if (got !== want) {
			problems.push(`${name}: columns [${got}] ≠ contract [${want}]`);
			continue;
		}
		await conn.run(`CREATE OR REPLACE TEMP VIEW chk AS SELECT * FROM ${file(name)}`);
		const conds: [string, string][] = [];
		for (const c of spec.columns) {
			const col = `"${c.name}"`;
			if (c.required) conds.push([`${c.name} NULL`, `${col} IS NULL`]);
			if (c.required_when) {
				const when = Object.entries(c.required_when).map(([k, v]) => `"${k}" = ${q(String(v))}`).join(' AND ');
				conds.push([`${c.name} required_when`, `(${when}) IS DISTINCT FROM (${col} IS NOT NULL)`]);
			}
			if (c.allowed) conds.push([`${c.name} allowed`, `${col} NOT IN (${c.allowed.map((v) => (typeof v === 'string' ? q(v) : v)).join(', ')})`]);
			if (c.min !== undefined) conds.push([`${c.name} min`, `${col} < ${typeof c.min === 'string' ? `DATE ${q(c.min)}` : c.min}`]);
			if (c.max !== undefined) conds.push([`${c.name} max`, `${col} > ${typeof c.max === 'string' ? `DATE ${q(c.max)}` : c.max}`]);
			if (c.pattern) conds.push([`${c.name} pattern`, `NOT regexp_full_match(${col}, ${q(c.pattern)})`]);
		}
		if (conds.length) {
			const r = (await conn.runAndReadAll(`SELECT ${conds.map(([, w], k) => `count(*) FILTER (WHERE ${w}) AS c${k}`).join(', ')} FROM chk`)).getRowsJS()[0];
			conds.forEach(([label], k) => {
				if (Number(r[k]) > 0) problems.push(`${name}: ${r[k]} rows violate ${label}`);
			});
		}
		const pk = spec.primary_key.map((k) => `"${k}"`).join(', ');
		const dup = await count(`SELECT count(*) FROM (SELECT ${pk} FROM chk GROUP BY ${pk} HAVING count(*) > 1)`);
		if (dup) problems.push(`${name}: ${dup} duplicate primary keys (${pk})`);
		for (const fk of spec.foreign_keys) {
			const on = fk.columns.map((c, k) => `r."${fk.references.columns[k]}" = t."${c}"`).join(' AND ');
			const notNull = fk.columns.map((c) => `t."${c}" IS NOT NULL`).join(' AND ');
			const missing = await count(`SELECT count(*) FROM chk t WHERE ${notNull} AND NOT EXISTS (SELECT 1 FROM ${file(fk.references.table)} r WHERE ${on})`);
			if (missing) problems.push(`${name}: ${missing} rows without ${fk.references.table}(${fk.references.columns.join(', ')})`);
		}
	}
	// Cross-table rules of the data README: agreed ≤ indicative, cost = round(units × price, 2).
	const over = await count(`SELECT count(*) FROM ${file('budgets')} WHERE agreed_eur > indicative_eur`);
	if (over) problems.push(`budgets: ${over} rows with agreed_eur > indicative_eur`);
	const cost = await count(`SELECT count(*) FROM ${file('services')} WHERE cost_eur <> round(units * unit_price_eur, 2)`);
	if (cost) problems.push(`services: ${cost} rows with cost_eur ≠ round(units × unit_price_eur, 2)`);
	await conn.run('DROP VIEW IF EXISTS chk');
	return problems;
}

async function main(): Promise<void> {
	const { values: a } = parseArgs({
		options: {
			participants: { type: 'string', default: '11000' },
			years: { type: 'string', default: '1' },
			seed: { type: 'string', default: String(DEFAULT_SEED) },
			out: { type: 'string' },
			'skip-checks': { type: 'boolean', default: false }
		}
	});
	const participants = Number(a.participants);
	const years = Number(a.years);
	const out = a.out ? resolve(a.out) : defaultOutDir(participants, years);
	console.log(`national dataset: ${participants} participants, ${years} year(s), seed ${a.seed} → ${relative(process.cwd(), out) || '.'}`);
	const r = await generateNational({ participants, years, seed: Number(a.seed), out, skipChecks: a['skip-checks'] });
	console.log(`${'table'.padEnd(22)} ${'rows'.padStart(12)} ${'MB'.padStart(9)}`);
	for (const name of Object.keys(r.rows)) {
		console.log(`${name.padEnd(22)} ${r.rows[name].toLocaleString('en').padStart(12)} ${(r.bytes[name] / 1e6).toFixed(2).padStart(9)}`);
	}
	const total = Object.values(r.bytes).reduce((s, b) => s + b, 0);
	console.log(`${'total'.padEnd(22)} ${Object.values(r.rows).reduce((s, n) => s + n, 0).toLocaleString('en').padStart(12)} ${(total / 1e6).toFixed(2).padStart(9)}`);
	console.log(`wrote ${r.manifestPath} in ${r.seconds.toFixed(1)} s`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	await main();
}
