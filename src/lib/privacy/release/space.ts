/**
 * The selection space a person can ask for: place (the cohort / a planning
 * region / one municipality) × sex × age band × period, for one cohort, as
 * one hierarchical table whose cells are groups of people (pure).
 *
 * The space is closed on purpose: free lists of municipalities or free
 * month ranges could be combined into differences no rule can foresee, so
 * the protected views offer one place, one sex, one age band and a preset
 * period (the whole time or one calendar year).
 */
import { AGE_BANDS, AGE_BANDS_BY_COHORT, type AgeBand, type Cohort, type Filters, type Sex } from '#lib/filters/filters.ts';
import { Bitset } from './bitset.ts';
import type { UnionConstraint } from './protect.ts';
import { monthEnd, monthStart } from '#lib/query/selection.ts';

/** One participant of the cohort, as the selection needs them. */
export interface Person {
	participant_id: string;
	municipality_code: string;
	region: string;
	sex: Sex;
	age_at_entry: number;
	/** ISO date. */
	enrolled_on: string;
	/** ISO date, or null while participating. */
	exited_on: string | null;
}

export type Place = { level: 'all'; code: null } | { level: 'region'; code: string } | { level: 'municipality'; code: string };

/** A preset period: null bounds are open; months as 'YYYY-MM'. */
export interface Period {
	key: string;
	from: string | null;
	to: string | null;
}

export const WHOLE_TIME: Period = { key: 'all', from: null, to: null };

export interface Selection {
	key: string;
	place: Place;
	sex: Sex | null;
	ageBand: AgeBand | null;
	period: Period;
	members: Bitset;
	/** How many of the four dimensions are narrowed (0 = the cohort as a whole). */
	depth: number;
}

/** A place of the space with its planning region (for a municipality) and names for the filter bar. */
export interface PlaceEntry {
	place: Place;
	region: string | null;
}

export interface SelectionSpace {
	cohort: Cohort;
	people: readonly Person[];
	places: readonly PlaceEntry[];
	/** Participant id → bit. */
	index: ReadonlyMap<string, number>;
	periods: readonly Period[];
	selections: readonly Selection[];
	byKey: ReadonlyMap<string, number>;
	/** Totals that are unions of parts: place, sex and age band hierarchies. */
	constraints: readonly UnionConstraint[];
}

export function placeKey(p: Place): string {
	return p.level === 'all' ? 'all' : `${p.level === 'region' ? 'r' : 'm'}:${p.code}`;
}

export function selectionKey(place: Place, sex: Sex | null, ageBand: AgeBand | null, period: string): string {
	return `${placeKey(place)}|${sex ?? 'all'}|${ageBand ?? 'all'}|${period}`;
}

/**
 * The preset periods: the whole time, then each complete calendar year
 * (January to December within the data) when there are at least two. A
 * partial year is nearly the whole time, and "whole time minus a nearly
 * equal part" is just the kind of difference that gives small groups away.
 *
 * @example yearPeriods('2018-10', '2019-09').map((p) => p.key) // ['all']
 * @example yearPeriods('2020-01', '2022-06').map((p) => p.key) // ['all', '2020', '2021']
 */
export function yearPeriods(firstMonth: string | null, lastMonth: string | null): Period[] {
	const out = [WHOLE_TIME];
	if (!firstMonth || !lastMonth) return out;
	const first = Number(firstMonth.slice(0, 4)) + (firstMonth.endsWith('-01') ? 0 : 1);
	const last = Number(lastMonth.slice(0, 4)) - (lastMonth.endsWith('-12') ? 0 : 1);
	if (last - first + 1 < 2) return out;
	for (let y = first; y <= last; y++) out.push({ key: String(y), from: `${y}-01`, to: `${y}-12` });
	return out;
}

function inPeriod(p: Person, period: Period): boolean {
	// The same rule as SELECTION_SQL: active at some time within the period.
	const from = monthStart(period.from);
	const to = monthEnd(period.to);
	if (from && p.exited_on !== null && p.exited_on < from) return false;
	if (to && p.enrolled_on > to) return false;
	return true;
}

export function buildSpace(cohort: Cohort, people: readonly Person[], periods: readonly Period[] = [WHOLE_TIME]): SelectionSpace {
	const index = new Map(people.map((p, i) => [p.participant_id, i]));
	const size = people.length;
	const regions = [...new Set(people.map((p) => p.region))].sort();
	const municipalities = new Map<string, string[]>();
	for (const p of people) {
		const list = municipalities.get(p.region) ?? [];
		if (!list.includes(p.municipality_code)) list.push(p.municipality_code);
		municipalities.set(p.region, list);
	}
	for (const list of municipalities.values()) list.sort();
	const places: Place[] = [{ level: 'all', code: null }];
	for (const r of regions) {
		places.push({ level: 'region', code: r });
		for (const m of municipalities.get(r) ?? []) places.push({ level: 'municipality', code: m });
	}
	const sexes: (Sex | null)[] = [null, 'F', 'M'];
	const bands: (AgeBand | null)[] = [null, ...AGE_BANDS_BY_COHORT[cohort]];

	const selections: Selection[] = [];
	const byKey = new Map<string, number>();
	for (const period of periods) {
		for (const place of places) {
			for (const sex of sexes) {
				for (const ageBand of bands) {
					const members = new Bitset(size);
					people.forEach((p, i) => {
						if (place.level === 'region' && p.region !== place.code) return;
						if (place.level === 'municipality' && p.municipality_code !== place.code) return;
						if (sex && p.sex !== sex) return;
						if (ageBand) {
							const [lo, hi] = AGE_BANDS[ageBand];
							if (p.age_at_entry < lo || p.age_at_entry > hi) return;
						}
						if (!inPeriod(p, period)) return;
						members.add(i);
					});
					const key = selectionKey(place, sex, ageBand, period.key);
					byKey.set(key, selections.length);
					const depth = (place.level === 'all' ? 0 : 1) + (sex ? 1 : 0) + (ageBand ? 1 : 0) + (period.from || period.to ? 1 : 0);
					selections.push({ key, place, sex, ageBand, period, members, depth });
				}
			}
		}
	}

	const at = (place: Place, sex: Sex | null, band: AgeBand | null, period: string) => byKey.get(selectionKey(place, sex, band, period))!;
	const constraints: UnionConstraint[] = [];
	for (const period of periods) {
		for (const sex of sexes) {
			for (const band of bands) {
				constraints.push({
					total: at(places[0], sex, band, period.key),
					parts: regions.map((r) => at({ level: 'region', code: r }, sex, band, period.key))
				});
				for (const r of regions) {
					constraints.push({
						total: at({ level: 'region', code: r }, sex, band, period.key),
						parts: (municipalities.get(r) ?? []).map((m) => at({ level: 'municipality', code: m }, sex, band, period.key))
					});
				}
			}
		}
		for (const place of places) {
			for (const band of bands) constraints.push({ total: at(place, null, band, period.key), parts: [at(place, 'F', band, period.key), at(place, 'M', band, period.key)] });
			for (const sex of sexes) constraints.push({ total: at(place, sex, null, period.key), parts: bands.slice(1).map((b) => at(place, sex, b, period.key)) });
		}
	}
	const placeEntries: PlaceEntry[] = places.map((place) => ({
		place,
		region: place.level === 'municipality' ? (people.find((p) => p.municipality_code === place.code)?.region ?? null) : place.level === 'region' ? place.code : null
	}));
	return { cohort, people, places: placeEntries, index, periods, selections, byKey, constraints };
}

/**
 * The selection the filters ask for, or why they are outside the protected
 * space (a list of municipalities, a free month range).
 */
export function selectionOfFilters(
	space: Pick<SelectionSpace, 'cohort' | 'periods' | 'places'>,
	f: Filters
): { key: string } | { outside: 'municipalities' | 'period' | 'place' } {
	if (f.municipalities.length > 1) return { outside: 'municipalities' };
	const period = space.periods.find((p) => p.from === f.from && p.to === f.to);
	if (!period) return { outside: 'period' };
	let place: Place = { level: 'all', code: null };
	if (f.municipalities.length === 1) {
		const m = f.municipalities[0];
		const entry = space.places.find((e) => e.place.level === 'municipality' && e.place.code === m);
		// A municipality outside the region asked for, or unknown: an empty selection either way.
		if (!entry || (f.region && entry.region !== f.region)) return { outside: 'place' };
		place = entry.place;
	} else if (f.region) {
		const entry = space.places.find((e) => e.place.level === 'region' && e.place.code === f.region);
		if (!entry) return { outside: 'place' };
		place = entry.place;
	}
	const band = f.ageBand && AGE_BANDS_BY_COHORT[space.cohort].includes(f.ageBand) ? f.ageBand : null;
	return { key: selectionKey(place, f.sex, band, period.key) };
}

/** The filters that ask for a selection (the inverse of selectionOfFilters). */
export function filtersOfSelection(cohort: Cohort, s: Pick<Selection, 'place' | 'sex' | 'ageBand' | 'period'>): Filters {
	return {
		cohort,
		municipalities: s.place.level === 'municipality' ? [s.place.code] : [],
		region: s.place.level === 'region' ? s.place.code : null,
		sex: s.sex,
		ageBand: s.ageBand,
		from: s.period.from,
		to: s.period.to
	};
}
