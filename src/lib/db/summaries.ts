/**
 * Summaries of the `services` table, materialised once per dataset so that a
 * filter change reads a few rows per person instead of every service row
 * (issue 15; Mosaic's lesson: pre-aggregate per view). `services` is at
 * monthly grain per participant × service × provider × unit price; the cost
 * views only ever need it per person and month, per person, service group
 * and month or quarter, or per person and group over the whole time, and
 * the budgets view per plan period.
 *
 * Costs are summed as DECIMAL(18,2): `cost_eur` is whole cents held in a
 * DOUBLE, so the cast is exact and every later sum is exact too, whatever
 * its order. A DECIMAL turned into a DOUBLE is the same DOUBLE as
 * `round(<sum of DOUBLEs>, 2)` gave before, so the views' figures are
 * unchanged (tests/unit/db/summaries.test.ts checks it against the old SQL).
 * Each sum is cast back to DECIMAL(18,2) (a 64-bit integer, up to 10^16 EUR):
 * DuckDB's wider sum type, DECIMAL(38,2), is 128-bit and was 5× slower to
 * read from a packed file. Units stay DOUBLE: in the pilot and national data
 * they are multiples of 0.5, whose sums are exact in any order; an upload
 * with other fractions could differ from the old summation in the last bit.
 *
 * Where they live: `main.<summary>` beside the contract's views, rebuilt
 * whenever those views are pointed at other data (layers.ts selectLayers,
 * which every way of changing the data ends in), or read from a packed
 * database file that carries them (data/pack.ts, attach.ts).
 */
// No runtime import but catalog.ts: data/pack.ts imports this module under plain Node (type stripping, no bundler).
import type { Engine } from './engine.ts';
import { ident, schemaObjects } from './catalog.ts';

export interface SummaryTable {
	name: string;
	/** The contract tables it is made from: a packed file's summaries are used only while these are still the file's. */
	sources: readonly string[];
	/** SELECT over the contract's table names (unqualified: main's views, or a packed file's own tables). */
	select: string;
	/**
	 * false: not written into packed files; beside a packed file's summaries it is a
	 * view computed when read (for a summary only rare queries need).
	 */
	packed?: false;
}

/** In build order: a later summary may read an earlier one. */
export const SUMMARY_TABLES: readonly SummaryTable[] = [
	{
		// Paid cost per person and month, every service (also those outside the catalogue, as the monthly and budget figures count them).
		name: 'cost_person_month',
		sources: ['services'],
		select: `
			SELECT s.participant_id, s.month, CAST(sum(CAST(s.cost_eur AS DECIMAL(18,2))) AS DECIMAL(18,2)) AS cost_eur
			FROM services s
			GROUP BY s.participant_id, s.month`
	},
	{
		// Paid cost in the months of each budget period (the budgets view's "spent"): the range
		// join of plan periods and months, done once instead of on every filter change.
		name: 'budget_period_spent',
		sources: ['services', 'budgets'],
		select: `
			SELECT b.participant_id, b.period_start, CAST(coalesce(sum(pm.cost_eur), 0) AS DECIMAL(18,2)) AS spent_eur
			FROM budgets b
			LEFT JOIN cost_person_month pm ON pm.participant_id = b.participant_id AND pm.month BETWEEN b.period_start AND b.period_end
			GROUP BY b.participant_id, b.period_start`
	},
	{
		// The same per service group: what the group, quarter and period figures read. Not packed:
		// it is the largest summary (12.5 MB of a 5-year file, half of what the summaries add),
		// and beside packed plans only a cost table with a period filter reads it (the quarter and
		// whole-time summaries below are packed): with a packed file it is computed when read.
		name: 'cost_person_group_month',
		sources: ['services', 'service_catalogue'],
		packed: false,
		select: `
			SELECT s.participant_id, c.service_group, s.month, CAST(sum(CAST(s.cost_eur AS DECIMAL(18,2))) AS DECIMAL(18,2)) AS cost_eur, sum(s.units) AS units
			FROM services s JOIN service_catalogue c ON c.service_code = s.service_code
			GROUP BY s.participant_id, c.service_group, s.month`
	},
	{
		// Per quarter (its first day): the trends view's quarter costs meet each quarter by an
		// equality join instead of a range join over months (quarters are whole in its series).
		name: 'cost_person_group_quarter',
		sources: ['services', 'service_catalogue'],
		select: `
			SELECT participant_id, service_group, CAST(date_trunc('quarter', month) AS DATE) AS quarter_start, CAST(sum(cost_eur) AS DECIMAL(18,2)) AS cost_eur
			FROM cost_person_group_month
			GROUP BY participant_id, service_group, quarter_start`
	},
	{
		// Per person and group over the whole time: the default view (no period filter) reads a row or four per person.
		name: 'cost_person_group',
		sources: ['services', 'service_catalogue'],
		select: `
			SELECT participant_id, service_group, CAST(sum(cost_eur) AS DECIMAL(18,2)) AS cost_eur, sum(units) AS units
			FROM cost_person_group_month
			GROUP BY participant_id, service_group`
	}
];

export const SUMMARY_NAMES: readonly string[] = SUMMARY_TABLES.map((t) => t.name);
/** The summaries a packed file carries (data/pack.ts). */
export const PACKED_SUMMARIES: readonly SummaryTable[] = SUMMARY_TABLES.filter((t) => t.packed !== false);
export const PACKED_SUMMARY_NAMES: readonly string[] = PACKED_SUMMARIES.map((t) => t.name);

/** `main`'s views of the summaries a packed file does not carry, computed when read. */
export function unpackedSummaryViews(): string[] {
	return SUMMARY_TABLES.filter((t) => t.packed === false).map((t) => `CREATE VIEW main.${ident(t.name)} AS ${t.select}`);
}

/**
 * Whether `layer`'s summaries are those of a packed file, still describing
 * its tables: the layer has a view of each summary (attach.ts makes them from
 * the file) and every table they are made from is still a view of the same
 * file, not replaced by loaded files or made a table to take uploaded rows
 * (ingest.ts materialiseLiveTable does that before any append).
 */
export async function hasPackedSummaries(engine: Engine, layer: string): Promise<boolean> {
	const views = new Set((await schemaObjects(engine, layer)).filter((o) => o.table_type === 'VIEW').map((o) => o.table_name));
	return PACKED_SUMMARIES.every((t) => views.has(t.name) && t.sources.every((s) => views.has(s)));
}

/**
 * (Re)create `main`'s summaries: views over `packed` (a schema whose summary
 * views come from a packed file, checked by hasPackedSummaries: nothing to
 * compute, and views computed when read for what a pack leaves out) or
 * tables computed from main's contract views, as they are now.
 * One statement batch, one round trip to the engine's worker.
 */
export async function refreshSummaries(engine: Engine, packed: string | null = null): Promise<void> {
	const objects = await schemaObjects(engine, 'main');
	const drops = objects.filter((o) => SUMMARY_NAMES.includes(o.table_name)).map((o) => `DROP ${o.table_type === 'VIEW' ? 'VIEW' : 'TABLE'} main.${ident(o.table_name)}`);
	// With layers main has every contract table (layers.ts); data loaded into main itself may lack
	// some (a test's partial dataset): no summary then, as no query could read its sources either.
	const there = new Set(objects.map((o) => o.table_name));
	const creates = packed
		? [...PACKED_SUMMARIES.map((t) => `CREATE VIEW main.${ident(t.name)} AS SELECT * FROM ${ident(packed)}.${ident(t.name)}`), ...unpackedSummaryViews()]
		: SUMMARY_TABLES.filter((t) => t.sources.every((s) => there.has(s))).map((t) => `CREATE TABLE main.${ident(t.name)} AS ${t.select}`);
	await engine.exec([...drops, ...creates].join(';\n'));
}
