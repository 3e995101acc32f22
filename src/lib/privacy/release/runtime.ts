/**
 * The release path at run time: builds the selection plan of a cohort from
 * the data (once per dataset revision), checks a view's filters against it,
 * and builds table-family plans from each family's contributor query. The
 * workbench runs it in the browser on the owner's microdata; `publish` runs
 * the same code at build time.
 */
import type { Engine, SqlParam } from '#lib/db/engine.ts';
import { forCohort, type Cohort, type Filters } from '#lib/filters/filters.ts';
import { people, serviceSpan } from '#lib/query/people.ts';
import { monthEnd, monthStart } from '#lib/query/selection.ts';
import { run, type NamedSql } from '#lib/query/sql.ts';
import { Bitset } from './bitset.ts';
import { planFamily, planSelections, type Family, type FamilyPlan, type SelectionPlan } from './plan.ts';
import { buildSpace, selectionOfFilters, yearPeriods, type Period } from './space.ts';
import { RELEASE_MIN } from './rules.ts';
import { cohortPublished } from './published.ts';
import { releaseContext, type ReleaseContext } from './context.ts';

/** A table family as the outcome modules declare it: rows and one contributor query. */
export interface FamilySource {
	id: string;
	/** The table's rows (fixed, or read from the data, e.g. the plan domains of the cohort). */
	rows: readonly string[] | ((engine: Engine, cohort: Cohort) => Promise<readonly string[]>);
	/**
	 * `participant_id, row` of every contribution of the cohort in a period:
	 * binds $cohort, and $from / $to (ISO dates, null = open).
	 */
	contributors: NamedSql<'cohort' | 'from' | 'to'>;
	/** Rows that are the union of others (a total and its groups), given the rows. */
	tableConstraints?: (rows: readonly string[]) => NonNullable<Family['tableConstraints']>;
	hideZeros?: boolean;
	/** The figures add up over calendar years (see Family.periodAdditive). */
	periodAdditive?: boolean;
	/** Rows of the published pilot tables (published.ts), per cohort and given the rows. */
	publishedRows?: (cohort: Cohort, rows: readonly string[]) => readonly string[];
}

interface CacheEntry {
	selections?: Promise<SelectionPlan>;
	families: Map<string, Promise<FamilyPlan>>;
}

// Plans per engine and dataset revision: a new revision (live data loaded) makes new plans.
const cache = new WeakMap<Engine, Map<string, CacheEntry>>();

function entry(engine: Engine, revision: number, cohort: Cohort): CacheEntry {
	let byKey = cache.get(engine);
	if (!byKey) cache.set(engine, (byKey = new Map()));
	const key = `${revision}:${cohort}`;
	for (const k of byKey.keys()) if (!k.startsWith(`${revision}:`)) byKey.delete(k);
	let e = byKey.get(key);
	if (!e) byKey.set(key, (e = { families: new Map() }));
	return e;
}

export function selectionPlan(engine: Engine, cohort: Cohort, revision = 0): Promise<SelectionPlan> {
	const e = entry(engine, revision, cohort);
	e.selections ??= (async () => {
		const [rows, span] = await Promise.all([people(engine, cohort), serviceSpan(engine, cohort)]);
		return planSelections(buildSpace(cohort, rows, yearPeriods(span.first, span.last)), RELEASE_MIN);
	})();
	e.selections.catch(() => (e.selections = undefined));
	return e.selections;
}

export function familyPlan(engine: Engine, cohort: Cohort, source: FamilySource, revision = 0): Promise<FamilyPlan> {
	const e = entry(engine, revision, cohort);
	let p = e.families.get(source.id);
	if (!p) {
		p = (async () => {
			const plan = await selectionPlan(engine, cohort, revision);
			const rows = typeof source.rows === 'function' ? await source.rows(engine, cohort) : source.rows;
			const byPeriod = new Map<string, Map<string, Bitset>>();
			for (const period of plan.space.periods) byPeriod.set(period.key, await contributions(engine, plan, source, period));
			const empty = new Bitset(plan.space.people.length);
			const pinnedRows = source.publishedRows && (await cohortPublished(engine, cohort)) ? source.publishedRows(cohort, rows) : [];
			return planFamily(plan, {
				id: source.id,
				rows,
				contributors: (row: string, period: Period) => byPeriod.get(period.key)?.get(row) ?? empty,
				tableConstraints: source.tableConstraints?.(rows),
				hideZeros: source.hideZeros,
				periodAdditive: source.periodAdditive,
				pinnedRows
			});
		})();
		e.families.set(source.id, p);
		p.catch(() => e.families.delete(source.id));
	}
	return p;
}

async function contributions(engine: Engine, plan: SelectionPlan, source: FamilySource, period: Period): Promise<Map<string, Bitset>> {
	const values: Record<'cohort' | 'from' | 'to', SqlParam> = { cohort: plan.space.cohort, from: monthStart(period.from), to: monthEnd(period.to) };
	const rows = await run<{ participant_id: string; row: string }, 'cohort' | 'from' | 'to'>(engine, source.contributors, values);
	const size = plan.space.people.length;
	const out = new Map<string, Bitset>();
	for (const r of rows) {
		const i = plan.space.index.get(r.participant_id);
		if (i === undefined) continue;
		let b = out.get(r.row);
		if (!b) out.set(r.row, (b = new Bitset(size)));
		b.add(i);
	}
	return out;
}

export type SelectionCheck =
	| { ok: true; key: string; n: number }
	| { ok: false; reason: 'outside' | 'hidden' | 'empty'; detail?: string; key?: string };

/** May the filters' selection be shown? */
export function checkSelection(plan: SelectionPlan, f: Filters): SelectionCheck {
	const s = selectionOfFilters(plan.space, f);
	if ('outside' in s) return { ok: false, reason: 'outside', detail: s.outside };
	const i = plan.space.byKey.get(s.key)!;
	const cell = plan.cells[i];
	if (cell.n === 0) return { ok: false, reason: 'empty', key: s.key };
	if (cell.reason !== null) return { ok: false, reason: 'hidden', key: s.key };
	return { ok: true, key: s.key, n: cell.n };
}

/** A view's data and how to release them: its query, its table families, its release step. */
export interface ReleaseSpec<T, R> {
	/** The view's name in published results and prerendered figures (e.g. 'costs'). */
	id?: string;
	run(engine: Engine, f: Filters, revision: number): Promise<T>;
	/** The table families the view shows (per cohort where they differ). */
	families?: readonly FamilySource[] | ((cohort: Cohort) => readonly FamilySource[]);
	release(data: T, ctx: ReleaseContext): R;
}

export type Blocked = Extract<SelectionCheck, { ok: false }>;

/**
 * The released result of a view's data, or why its selection may not be
 * shown: the one function every view (and the publish build) gets figures from.
 */
export async function releasedResult<T, R>(engine: Engine, f: Filters, spec: ReleaseSpec<T, R>, revision = 0): Promise<{ value: R } | { blocked: Blocked }> {
	const plan = await selectionPlan(engine, f.cohort, revision);
	const check = checkSelection(plan, f);
	if (!check.ok) return { blocked: check };
	const sources = typeof spec.families === 'function' ? spec.families(f.cohort) : (spec.families ?? []);
	const [data, plans] = await Promise.all([spec.run(engine, f, revision), Promise.all(sources.map((s) => familyPlan(engine, f.cohort, s, revision)))]);
	return { value: spec.release(data, releaseContext(check.key, check.n, plans)) };
}

/** The selection check for every cohort a view shows; the first refusal, or the first cohort's pass. */
export async function selectionGate(engine: Engine, f: Filters, cohorts: readonly Cohort[], revision = 0): Promise<SelectionCheck & { cohort: Cohort }> {
	let first: (SelectionCheck & { cohort: Cohort }) | null = null;
	for (const cohort of cohorts) {
		const check = checkSelection(await selectionPlan(engine, cohort, revision), forCohort(f, cohort));
		if (!check.ok) return { ...check, cohort };
		first ??= { ...check, cohort };
	}
	if (!first) throw new Error('selectionGate: no cohort');
	return first;
}
