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
 */
import type { Cohort, Filters } from '#lib/filters/filters.ts';
import { translate, type Lang, type MessageKey } from '#lib/i18n/index.svelte.ts';
import { formatEur, formatNumber, formatPercent } from '#lib/i18n/format.ts';
import { inline } from '#lib/i18n/sentences.ts';
import { DEFAULT_MIN_CELL, tooFew } from '#lib/privacy/threshold.ts';
import type { Column } from '#lib/ui/table.ts';
import type { GroupCostBar } from './chart.ts';

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

// ------------------------------------------------------------------ tables

/** Label of a cost table row: a service group, the total or the total with overheads. */
export function costRowLabel(lang: Lang, cohort: Cohort, r: CostRow): string {
	return r.row === 'total'
		? translate(lang, 'costs.total')
		: r.row === 'total_with_overheads'
			? translate(lang, `costs.totalWithOverheads.${cohort}` as MessageKey)
			: translate(lang, `costs.group.${r.row}` as MessageKey);
}

/** Cell formatters of the cost tables: euros, shares and counts. */
export function costFormats(lang: Lang) {
	return {
		eur: (v: unknown) => formatEur(lang, v as number | null),
		pct: (v: unknown) => (v == null ? '' : formatPercent(lang, v as number)),
		num: (v: unknown) => formatNumber(lang, v as number)
	};
}

export type CostTableRow = CostRow & { label: string };

/** Cost table rows with their labels. */
export function costTableRows(lang: Lang, cohort: Cohort, rows: CostRow[]): CostTableRow[] {
	return rows.map((r) => ({ ...r, label: costRowLabel(lang, cohort, r) }));
}

/**
 * Columns of the cost table in the column order of each published table;
 * with `others`, the other cohort's table's columns follow.
 */
export function costColumns(lang: Lang, cohort: Cohort, others = false): Column<CostTableRow>[] {
	const tr = (key: string) => translate(lang, key as MessageKey);
	const { eur, pct, num } = costFormats(lang);
	// The children's published table shows cost in whole euros; the adults' in cents.
	const costDigits = cohort === 'child' ? 0 : 2;
	const c = {
		group: { key: 'label', label: tr('costs.col.group'), rowHeader: true },
		cost: { key: 'cost_eur', label: tr('costs.col.cost'), numeric: true, format: (v: unknown) => formatEur(lang, v as number, costDigits) },
		shareCost: { key: 'share_cost', label: tr('costs.col.shareCost'), numeric: true, format: pct },
		units: { key: 'units', label: tr('costs.col.units'), numeric: true, format: num },
		participants: { key: 'participants', label: tr(`costs.col.participants.${cohort}`), numeric: true, format: num },
		shareParticipants: { key: 'share_participants', label: tr(`costs.col.shareParticipants.${cohort}`), numeric: true, format: pct },
		perUnit: { key: 'eur_per_unit', label: tr('costs.col.perUnit'), numeric: true, format: eur },
		perParticipant: { key: 'eur_per_participant', label: tr(`costs.col.perParticipant.${cohort}`), numeric: true, format: eur },
		sharePer: { key: 'share_per_participant', label: tr('costs.col.sharePerParticipant'), numeric: true, format: pct },
		perMonth: { key: 'eur_per_participant_month', label: tr(`costs.col.perMonth.${cohort}`), numeric: true, format: eur }
	} satisfies Record<string, Column<CostTableRow>>;
	const published =
		cohort === 'child'
			? [c.group, c.cost, c.units, c.participants, c.perUnit, c.perParticipant, c.perMonth]
			: [c.group, c.cost, c.shareCost, c.participants, c.shareParticipants, c.perParticipant, c.sharePer, c.perMonth];
	if (!others) return published;
	return cohort === 'child' ? [...published, c.shareCost, c.shareParticipants] : [...published, c.units, c.perUnit];
}

/** Bars of the cost-per-month-by-group chart. */
export function costGroupBars(lang: Lang, cohort: Cohort, rows: CostRow[]): GroupCostBar[] {
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

export type CostMonthRow = MonthlyCost & { label: string; per: number };

/** Months with enough people served, with their label and cost per person served. */
export function costMonthRows(lang: Lang, months: MonthlyCost[]): CostMonthRow[] {
	return months.filter((m) => !tooFew(m.participants)).map((m) => ({ ...m, label: costMonthLabel(lang, m.month), per: m.cost_eur / m.participants }));
}

export function costMonthColumns(lang: Lang): Column<CostMonthRow>[] {
	const { eur, num } = costFormats(lang);
	return [
		{ key: 'label', label: translate(lang, 'costs.col.month'), rowHeader: true },
		{ key: 'cost_eur', label: translate(lang, 'costs.col.cost'), numeric: true, format: eur },
		{ key: 'participants', label: translate(lang, 'costs.col.served'), numeric: true, format: num },
		{ key: 'per', label: translate(lang, 'costs.col.costPerServed'), numeric: true, format: eur }
	];
}

// ------------------------------------------------------------------ notes and findings

/** How "per month" was divided: the reporting months, or the service months in the period (and whether programmes differ). */
export function costDivisorNote(lang: Lang, ct: CostTable): string {
	const serviceMonths = ct.programmes.length ? Math.max(...ct.programmes.map((p) => p.service_months)) : 0;
	const note =
		ct.divisorSource === 'reporting_months'
			? translate(lang, 'costs.divisorReporting', { months: ct.divisor, serviceMonths })
			: translate(lang, 'costs.divisorPeriod', { months: ct.divisor });
	return ct.mixedDivisor ? `${note} ${translate(lang, 'costs.divisorMixed')}` : note;
}

/** Whose overheads the "total with" row adds, or why it is left out, with the overheads by kind. */
export function costOverheadsNote(lang: Lang, ct: CostTable): string {
	const why =
		ct.overheadsOmitted === 'person'
			? translate(lang, 'costs.overheadsPerson')
			: ct.overheadsOmitted === 'period'
				? translate(lang, 'costs.overheadsPeriod')
				: translate(lang, 'costs.overheadsMunicipal');
	const list = ct.overheadsByKind.map((o) => `${translate(lang, `costs.overheadKind.${o.kind}` as MessageKey)} ${formatEur(lang, o.cost_eur)}`).join('; ');
	return list ? `${why} ${translate(lang, 'costs.overheadsList', { list })}` : why;
}

/** The report's findings; none when the group is too small, and no group under `min` is named. */
export function costFindings(lang: Lang, cohort: Cohort, ct: CostTable, min = DEFAULT_MIN_CELL): string[] {
	const total = ct.rows.find((r) => r.row === 'total');
	if (!total || tooFew(total.participants, min)) return [];
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
	if (withOverheads) {
		out.push(
			translate(lang, 'report.costs.overheads', {
				label: translate(lang, `costs.totalWithOverheads.${cohort}`),
				cost: formatEur(lang, withOverheads.cost_eur, digits),
				perMonth: formatEur(lang, withOverheads.eur_per_participant_month)
			})
		);
	}
	const groups = ct.rows
		.filter((r) => r.row !== 'total' && r.row !== 'total_with_overheads' && !tooFew(r.participants, min))
		.sort((a, b) => b.cost_eur - a.cost_eur);
	if (groups.length >= 2) {
		out.push(
			translate(lang, 'report.costs.largest', {
				group: inline(translate(lang, `costs.group.${groups[0].row}` as MessageKey)),
				share: formatPercent(lang, groups[0].share_cost)
			})
		);
	}
	return out;
}
