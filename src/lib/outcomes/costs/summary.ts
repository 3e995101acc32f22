// Over 300 lines: the published cost tables' definitions, layout and findings are one set of rules, kept together.
/**
 * Cost per participant by service group, in the layout of the published pilot
 * cost tables, plus monthly cost over the service period, shaped (pure; no
 * queries): the table and its columns, the charts' bars, the notes on the
 * divisor and overheads, and the report's findings.
 *
 * Definitions read off the published tables:
 * - EUR per unit = cost / service units;
 * - EUR per participant = cost / unique participants with paid services in the group;
 * - EUR per participant per month = EUR per participant / divisor, where the
 *   divisor is the programme's `reporting_months` (12 for both pilots, although
 *   adults' services ran 15 months) — or, when the period filter is set, the
 *   number of the programme's service months inside the selected period;
 * - the Total row counts *distinct* participants overall, not a sum of the groups;
 * - "Total with needs assessment (training/consultation) and municipal costs"
 *   adds the `overheads` table.
 *
 * Overheads are recorded per municipality. With a municipality or region filter
 * only those municipalities' overheads are added. They cannot be split by
 * person or by month, so with a sex, age or period filter the "total with"
 * row is omitted (not pro-rated: any split would be an assumption, and the
 * view says so).
 *
 * What a view shows passes `releaseCosts` first (the release path, see
 * family.ts): a row the plan hides has every figure null ("–" on screen,
 * empty in the CSV and XLSX), and nothing is recomputed from hidden figures.
 */
import type { Cohort, Filters } from '#lib/filters/filters.ts';
import { translate, type Lang, type MessageKey } from '#lib/i18n/translate.ts';
import { formatEur, formatNumber, formatPercent } from '#lib/i18n/format.ts';
import { inline } from '#lib/i18n/sentences.ts';
import type { ReleaseContext } from '#lib/privacy/release/context.ts';
import { RELEASE_MIN } from '#lib/privacy/release/rules.ts';
import type { Column } from '#lib/ui/table.ts';
import type { GroupCostBar, MonthCostBar } from './chart.ts';
import { COST_FAMILY_ID, TOTAL_ROW } from './family.ts';

export type ServiceGroup = 'social' | 'health' | 'education' | 'other';

/** Row order of the published tables: children Other, Education, Social, Health; adults by cost. */
export const GROUP_ORDER: Record<Cohort, ServiceGroup[]> = {
	child: ['other', 'education', 'social', 'health'],
	adult: ['social', 'health', 'education', 'other']
};

/** A row of COST_BY_GROUP_SQL (query.ts). */
export interface GroupAgg {
	service_group: ServiceGroup | null;
	cost_eur: number;
	units: number;
	participants: number;
}

export interface CostRow {
	/** 'total' and 'total_with_overheads' are the two total rows. */
	row: ServiceGroup | 'total' | 'total_with_overheads';
	cost_eur: number;
	units: number;
	participants: number;
	eur_per_unit: number | null;
	eur_per_participant: number | null;
	eur_per_participant_month: number | null;
	/** shares 0..1 of the Total row; null for the "total with overheads" row */
	share_cost: number | null;
	share_participants: number | null;
	share_per_participant: number | null;
}

export interface Programme {
	programme: string;
	reporting_months: number;
	service_months: number;
	service_start: string;
	service_end: string;
}

export type OverheadsOmitted = 'person' | 'period' | null;

/** Overheads of one kind (needs assessment, training / consultation, municipal admin). */
export interface OverheadCost {
	kind: string;
	cost_eur: number;
}

export interface CostTable {
	rows: CostRow[];
	/** Divisor of "per month" figures. */
	divisor: number;
	divisorSource: 'reporting_months' | 'period_months';
	/** More than one programme with different divisors among the selected participants (the largest is used). */
	mixedDivisor: boolean;
	overheadsOmitted: OverheadsOmitted;
	overheadsByKind: OverheadCost[];
	programmes: Programme[];
}

/** Months from 'YYYY-MM' a to b inclusive (0 if b < a). */
export function monthsBetween(a: string, b: string): number {
	const [ay, am] = a.split('-').map(Number);
	const [by, bm] = b.split('-').map(Number);
	return Math.max(0, (by - ay) * 12 + (bm - am) + 1);
}

/**
 * Divisor of "per month" figures: `reporting_months` of the programme, or with a
 * period filter the programme's service months inside the period.
 */
export function monthDivisor(programmes: Programme[], f: Pick<Filters, 'from' | 'to'>): Pick<CostTable, 'divisor' | 'divisorSource' | 'mixedDivisor'> {
	const periodSet = Boolean(f.from || f.to);
	const values = programmes.map((p) => {
		if (!periodSet) return p.reporting_months;
		const from = f.from && f.from > p.service_start ? f.from : p.service_start;
		const to = f.to && f.to < p.service_end ? f.to : p.service_end;
		return monthsBetween(from, to);
	});
	const distinct = [...new Set(values)];
	return {
		divisor: distinct.length ? Math.max(...distinct) : 0,
		divisorSource: periodSet ? 'period_months' : 'reporting_months',
		mixedDivisor: distinct.length > 1
	};
}

/** Why the overhead row cannot be shown for these filters (null: it can). */
export function overheadsOmitted(f: Filters): OverheadsOmitted {
	if (f.sex || f.ageBand) return 'person';
	if (f.from || f.to) return 'period';
	return null;
}

const div = (a: number, b: number) => (b > 0 ? a / b : null);

/** Shape aggregated rows into the published table layout (pure; exported for tests). */
export function shapeCostTable(
	cohort: Cohort,
	groups: GroupAgg[],
	overheadTotal: number | null,
	divisor: number
): CostRow[] {
	const total = groups.find((g) => g.service_group === null) ?? { service_group: null, cost_eur: 0, units: 0, participants: 0 };
	const make = (row: CostRow['row'], g: Omit<GroupAgg, 'service_group'>, shares: boolean): CostRow => {
		const perParticipant = div(g.cost_eur, g.participants);
		const totalPer = div(total.cost_eur, total.participants);
		return {
			row,
			cost_eur: g.cost_eur,
			units: g.units,
			participants: g.participants,
			eur_per_unit: div(g.cost_eur, g.units),
			eur_per_participant: perParticipant,
			eur_per_participant_month: perParticipant === null ? null : div(perParticipant, divisor),
			share_cost: shares ? div(g.cost_eur, total.cost_eur) : null,
			share_participants: shares ? div(g.participants, total.participants) : null,
			share_per_participant: shares && perParticipant !== null && totalPer ? perParticipant / totalPer : null
		};
	};
	const rows: CostRow[] = [];
	for (const group of GROUP_ORDER[cohort]) {
		const g = groups.find((x) => x.service_group === group);
		if (g) rows.push(make(group, g, true));
	}
	rows.push(make('total', total, true));
	if (overheadTotal !== null) {
		const cost = Math.round((total.cost_eur + overheadTotal) * 100) / 100;
		rows.push(make('total_with_overheads', { ...total, cost_eur: cost }, false));
	}
	return rows;
}

/** The cost table of the query rows: the published layout, its per-month divisor and the overheads (pure). */
export function costTableOf(f: Filters, groups: GroupAgg[], programmes: Programme[], overheads: OverheadCost[]): CostTable {
	const omitted = overheadsOmitted(f);
	const d = monthDivisor(programmes, f);
	const overheadTotal = omitted ? null : overheads.reduce((a, r) => a + r.cost_eur, 0);
	return {
		rows: shapeCostTable(f.cohort, groups, overheadTotal, d.divisor),
		...d,
		overheadsOmitted: omitted,
		overheadsByKind: omitted ? [] : overheads,
		programmes
	};
}

export interface MonthlyCost {
	month: string;
	cost_eur: number;
	participants: number;
}

// ------------------------------------------------------------------ release

/** The same figures, each null where the release path hides it. */
export type Nullable<T> = { [K in keyof T]: T[K] extends number ? number | null : T[K] };

/** A cost table row as views take it: released figures; `hidden` when its row is not released. */
export type CostRowFigures = Nullable<CostRow> & { hidden?: boolean };
export type ReleasedCostRow = Nullable<CostRow> & { hidden: boolean };
export type ReleasedCostTable = Omit<CostTable, 'rows'> & { rows: ReleasedCostRow[] };
export type MonthFigures = Nullable<MonthlyCost> & { hidden?: boolean };
export type ReleasedMonth = Nullable<MonthlyCost> & { hidden: boolean };

/** What the cost views query: the cost table and the monthly cost of one selection. */
export interface CostData {
	table: CostTable;
	months: MonthlyCost[];
}

export interface ReleasedCosts {
	table: ReleasedCostTable;
	months: ReleasedMonth[];
	/** Some figure is hidden (the views add the release note). */
	anyHidden: boolean;
}

const FIGURES = ['cost_eur', 'units', 'participants', 'eur_per_unit', 'eur_per_participant', 'eur_per_participant_month', 'share_cost', 'share_participants', 'share_per_participant'] as const;

function hiddenRow(r: CostRow): ReleasedCostRow {
	const out: ReleasedCostRow = { ...r, hidden: true };
	for (const k of FIGURES) out[k] = null;
	return out;
}

/**
 * The cost table and months as the release plan allows them (pure): a group
 * or month row the plan hides has all its figures null; the total with
 * overheads goes with the total; a group's shares rest on the total as well,
 * so they are null where the total is hidden.
 */
export function releaseCosts(data: CostData, ctx: ReleaseContext): ReleasedCosts {
	const shown = (row: string) => ctx.shown(COST_FAMILY_ID, row);
	const totalShown = shown(TOTAL_ROW);
	const rows = data.table.rows.map((r): ReleasedCostRow => {
		if (!(r.row === 'total_with_overheads' ? totalShown : shown(r.row))) return hiddenRow(r);
		return totalShown ? { ...r, hidden: false } : { ...r, share_cost: null, share_participants: null, share_per_participant: null, hidden: false };
	});
	const months = data.months.map((m): ReleasedMonth => (shown(m.month) ? { ...m, hidden: false } : { month: m.month, cost_eur: null, participants: null, hidden: true }));
	return {
		table: { ...data.table, rows },
		months,
		anyHidden: !totalShown || rows.some((r) => r.hidden) || months.some((m) => m.hidden)
	};
}

// ------------------------------------------------------------------ tables

/** Label of a cost table row: a service group, the total or the total with overheads. */
export function costRowLabel(lang: Lang, cohort: Cohort, r: Pick<CostRow, 'row'>): string {
	return r.row === 'total'
		? translate(lang, 'costs.total')
		: r.row === 'total_with_overheads'
			? translate(lang, `costs.totalWithOverheads.${cohort}` as MessageKey)
			: translate(lang, `costs.group.${r.row}` as MessageKey);
}

/** Cell formatters of the cost tables: euros, shares and counts ("–" where hidden). */
export function costFormats(lang: Lang) {
	return {
		eur: (v: unknown) => formatEur(lang, v as number | null),
		// The total with overheads has no shares (empty); a hidden share is "–".
		pct: (v: unknown, row?: { hidden?: boolean; row?: string }) => (v == null ? (row?.row === 'total_with_overheads' && !row.hidden ? '' : '–') : formatPercent(lang, v as number)),
		num: (v: unknown) => formatNumber(lang, v as number | null)
	};
}

export type CostTableRow = CostRowFigures & { label: string; hidden: boolean };

/** Cost table rows with their labels. */
export function costTableRows(lang: Lang, cohort: Cohort, rows: CostRowFigures[]): CostTableRow[] {
	return rows.map((r) => ({ ...r, hidden: r.hidden ?? false, label: costRowLabel(lang, cohort, r) }));
}

/** The note under a table with hidden cells, and each hidden cell's tooltip. */
export const cellHiddenNote = (lang: Lang) => translate(lang, 'release.cellHidden', { min: RELEASE_MIN });

/**
 * Columns of the cost table in the column order of each published table;
 * with `others`, the other cohort's table's columns follow.
 */
export function costColumns(lang: Lang, cohort: Cohort, others = false): Column<CostTableRow>[] {
	const tr = (key: string) => translate(lang, key as MessageKey);
	const { eur, pct, num } = costFormats(lang);
	const note = cellHiddenNote(lang);
	const suppressed = (r: CostTableRow) => (r.hidden ? note : null);
	// The children's published table shows cost in whole euros; the adults' in cents.
	const costDigits = cohort === 'child' ? 0 : 2;
	const c = {
		group: { key: 'label', label: tr('costs.col.group'), rowHeader: true },
		cost: { key: 'cost_eur', label: tr('costs.col.cost'), numeric: true, suppressed, format: (v: unknown) => formatEur(lang, v as number | null, costDigits) },
		shareCost: { key: 'share_cost', label: tr('costs.col.shareCost'), numeric: true, suppressed, format: pct },
		units: { key: 'units', label: tr('costs.col.units'), numeric: true, suppressed, format: num },
		participants: { key: 'participants', label: tr(`costs.col.participants.${cohort}`), numeric: true, suppressed, format: num },
		shareParticipants: { key: 'share_participants', label: tr(`costs.col.shareParticipants.${cohort}`), numeric: true, suppressed, format: pct },
		perUnit: { key: 'eur_per_unit', label: tr('costs.col.perUnit'), numeric: true, suppressed, format: eur },
		perParticipant: { key: 'eur_per_participant', label: tr(`costs.col.perParticipant.${cohort}`), numeric: true, suppressed, format: eur },
		sharePer: { key: 'share_per_participant', label: tr('costs.col.sharePerParticipant'), numeric: true, suppressed, format: pct },
		perMonth: { key: 'eur_per_participant_month', label: tr(`costs.col.perMonth.${cohort}`), numeric: true, suppressed, format: eur }
	} satisfies Record<string, Column<CostTableRow>>;
	const published =
		cohort === 'child'
			? [c.group, c.cost, c.units, c.participants, c.perUnit, c.perParticipant, c.perMonth]
			: [c.group, c.cost, c.shareCost, c.participants, c.shareParticipants, c.perParticipant, c.sharePer, c.perMonth];
	if (!others) return published;
	return cohort === 'child' ? [...published, c.shareCost, c.shareParticipants] : [...published, c.units, c.perUnit];
}

/** Bars of the cost-per-month-by-group chart: released rows only. */
export function costGroupBars(lang: Lang, cohort: Cohort, rows: CostRowFigures[]): GroupCostBar[] {
	return rows
		.filter((r) => r.eur_per_participant_month !== null)
		.map((r) => ({
			label: costRowLabel(lang, cohort, r),
			value: r.eur_per_participant_month as number,
			total: r.row === 'total' || r.row === 'total_with_overheads'
		}));
}

/** "03.2024" in Latvian, "Mar 2024" in English. */
export function costMonthLabel(lang: Lang, m: string): string {
	const [y, mo] = m.split('-');
	if (lang === 'lv') return `${mo}.${y}`;
	return new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${m}-01T00:00:00Z`));
}

export type CostMonthRow = MonthFigures & { label: string; per: number | null; hidden: boolean };

/** Every month with its label and cost per person served (null where the month is hidden or nobody was paid for). */
export function costMonthRows(lang: Lang, months: MonthFigures[]): CostMonthRow[] {
	return months.map((m) => ({
		...m,
		hidden: m.hidden ?? false,
		label: costMonthLabel(lang, m.month),
		per: m.cost_eur !== null && m.participants ? m.cost_eur / m.participants : null
	}));
}

/** Bars of the monthly chart: every month on the axis, a bar where its cost is released. */
export function costMonthBars(rows: CostMonthRow[]): MonthCostBar[] {
	return rows.map((m) => ({ month: m.month, cost: m.cost_eur }));
}

export function costMonthColumns(lang: Lang): Column<CostMonthRow>[] {
	const { eur, num } = costFormats(lang);
	const note = cellHiddenNote(lang);
	const suppressed = (r: CostMonthRow) => (r.hidden ? note : null);
	return [
		{ key: 'label', label: translate(lang, 'costs.col.month'), rowHeader: true },
		{ key: 'cost_eur', label: translate(lang, 'costs.col.cost'), numeric: true, suppressed, format: eur },
		{ key: 'participants', label: translate(lang, 'costs.col.served'), numeric: true, suppressed, format: num },
		{ key: 'per', label: translate(lang, 'costs.col.costPerServed'), numeric: true, suppressed, format: eur }
	];
}

// ------------------------------------------------------------------ notes and findings

/** How "per month" was divided: the reporting months, or the service months in the period (and whether programmes differ). */
export function costDivisorNote(lang: Lang, ct: Pick<CostTable, 'programmes' | 'divisor' | 'divisorSource' | 'mixedDivisor'>): string {
	const serviceMonths = ct.programmes.length ? Math.max(...ct.programmes.map((p) => p.service_months)) : 0;
	const note =
		ct.divisorSource === 'reporting_months'
			? translate(lang, 'costs.divisorReporting', { months: ct.divisor, serviceMonths })
			: translate(lang, 'costs.divisorPeriod', { months: ct.divisor });
	return ct.mixedDivisor ? `${note} ${translate(lang, 'costs.divisorMixed')}` : note;
}

/** Whose overheads the "total with" row adds, or why it is left out, with the overheads by kind. */
export function costOverheadsNote(lang: Lang, ct: Pick<CostTable, 'overheadsOmitted' | 'overheadsByKind'>): string {
	const why =
		ct.overheadsOmitted === 'person'
			? translate(lang, 'costs.overheadsPerson')
			: ct.overheadsOmitted === 'period'
				? translate(lang, 'costs.overheadsPeriod')
				: translate(lang, 'costs.overheadsMunicipal');
	const list = ct.overheadsByKind.map((o) => `${translate(lang, `costs.overheadKind.${o.kind}` as MessageKey)} ${formatEur(lang, o.cost_eur)}`).join('; ');
	return list ? `${why} ${translate(lang, 'costs.overheadsList', { list })}` : why;
}

/**
 * The report's findings from released figures: none when the total is hidden
 * (or nobody was paid for); the largest group only when no group is hidden
 * (a hidden group might be the largest).
 */
export function costFindings(lang: Lang, cohort: Cohort, ct: { rows: CostRowFigures[] }): string[] {
	const total = ct.rows.find((r) => r.row === 'total');
	if (!total || total.cost_eur === null || !total.participants) return [];
	// The children's published table shows costs in whole euros, the adults' in cents.
	const digits = cohort === 'child' ? 0 : 2;
	const out = [
		translate(lang, `report.costs.total.${cohort}`, {
			cost: formatEur(lang, total.cost_eur, digits),
			n: formatNumber(lang, total.participants),
			per: formatEur(lang, total.eur_per_participant),
			perMonth: formatEur(lang, total.eur_per_participant_month)
		})
	];
	const withOverheads = ct.rows.find((r) => r.row === 'total_with_overheads');
	if (withOverheads && withOverheads.cost_eur !== null) {
		out.push(
			translate(lang, 'report.costs.overheads', {
				label: translate(lang, `costs.totalWithOverheads.${cohort}`),
				cost: formatEur(lang, withOverheads.cost_eur, digits),
				perMonth: formatEur(lang, withOverheads.eur_per_participant_month)
			})
		);
	}
	const groups = ct.rows.filter((r) => r.row !== 'total' && r.row !== 'total_with_overheads');
	if (groups.length >= 2 && groups.every((g) => g.cost_eur !== null && g.share_cost !== null)) {
		groups.sort((a, b) => (b.cost_eur as number) - (a.cost_eur as number));
		out.push(
			translate(lang, 'report.costs.largest', {
				group: inline(translate(lang, `costs.group.${groups[0].row}` as MessageKey)),
				share: formatPercent(lang, groups[0].share_cost)
			})
		);
	}
	return out;
}
