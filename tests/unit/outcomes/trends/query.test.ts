/**
 * The trends query on the pilot against a recount in plain JavaScript over
 * the raw rows (participants, services, plan goals): quarters, active / new /
 * exited, participant-months, cost by quarter and service group, goals
 * reviewed and achieved.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { openPilotEngine, type TestEngine } from '../../../helpers/engine';
import { DEFAULT_FILTERS, type Filters } from '../../../../src/lib/filters/filters';
import { trendData } from '../../../../src/lib/outcomes/trends/query';
import { cohortQuarters, nextQuarter, quarterMonths, quarterOfMonth, quartersInPeriod } from '../../../../src/lib/query/quarters';

interface Person {
	participant_id: string;
	cohort: string;
	region: string;
	sex: string;
	enrolled_on: string;
	exited_on: string | null;
}

let db: TestEngine;
let people: Person[];
let services: { participant_id: string; month: string; cost_eur: number; service_group: string }[];
let goals: { participant_id: string; reviewed_on: string | null; attainment: string | null }[];

beforeAll(async () => {
	db = await openPilotEngine();
	people = await db.query<Person>(
		`SELECT p.participant_id, p.cohort, mu.region, p.sex, strftime(p.enrolled_on, '%Y-%m-%d') AS enrolled_on, strftime(p.exited_on, '%Y-%m-%d') AS exited_on
		 FROM participants p JOIN municipalities mu ON mu.code = p.municipality_code`
	);
	services = await db.query(
		`SELECT s.participant_id, strftime(s.month, '%Y-%m') AS month, s.cost_eur, c.service_group FROM services s JOIN service_catalogue c USING (service_code)`
	);
	goals = await db.query(`SELECT participant_id, strftime(reviewed_on, '%Y-%m-%d') AS reviewed_on, attainment FROM plan_goals`);
});
afterAll(() => db?.close());

/** Quarter of an ISO date, independently of the module's helpers. */
const q = (iso: string) => `${iso.slice(0, 4)}-Q${Math.ceil(Number(iso.slice(5, 7)) / 3)}`;
const qStart = (key: string) => `${key.slice(0, 4)}-${String((Number(key.slice(6)) - 1) * 3 + 1).padStart(2, '0')}-01`;
const qEnd = (key: string) => {
	const m = (Number(key.slice(6)) - 1) * 3 + 3;
	return `${key.slice(0, 4)}-${String(m).padStart(2, '0')}-${m === 3 || m === 12 ? 31 : 30}`;
};

function recount(f: Filters) {
	const mine = people.filter((p) => p.cohort === f.cohort && (!f.region || p.region === f.region) && (!f.sex || p.sex === f.sex));
	const ids = new Set(mine.map((p) => p.participant_id));
	const dates = [
		...people.filter((p) => p.cohort === f.cohort).flatMap((p) => [p.enrolled_on, ...(p.exited_on ? [p.exited_on] : [])]),
		...services.filter((s) => people.find((p) => p.participant_id === s.participant_id)!.cohort === f.cohort).map((s) => `${s.month}-01`),
		...goals.filter((g) => g.reviewed_on && people.find((p) => p.participant_id === g.participant_id)!.cohort === f.cohort).map((g) => g.reviewed_on as string)
	].sort();
	const quarters: string[] = [];
	for (let k = q(dates[0]); k <= q(dates[dates.length - 1]); k = nextQuarter(k)) quarters.push(k);
	const participants = quarters.map((k) => {
		const [s, e] = [qStart(k), qEnd(k)];
		const active = mine.filter((p) => p.enrolled_on <= e && (p.exited_on === null || p.exited_on >= s));
		let months = 0;
		for (const p of active) {
			const first = Number(quarterMonths(k)[0].slice(5));
			for (const m of [first, first + 1, first + 2].map((x) => `${k.slice(0, 4)}-${String(x).padStart(2, '0')}`)) {
				const ms = `${m}-01`;
				const me = `${m}-31`;
				if (p.enrolled_on <= me && (p.exited_on === null || p.exited_on >= ms)) months++;
			}
		}
		return {
			quarter: k,
			active: active.length,
			new: mine.filter((p) => p.enrolled_on >= s && p.enrolled_on <= e).length,
			exited: mine.filter((p) => p.exited_on !== null && p.exited_on >= s && p.exited_on <= e).length,
			participant_months: months
		};
	});
	const cost = new Map<string, { cost: number; people: Set<string> }>();
	for (const s of services.filter((x) => ids.has(x.participant_id))) {
		for (const key of [`${quarterOfMonth(s.month)}|${s.service_group}`, `${quarterOfMonth(s.month)}|total`]) {
			const c = cost.get(key) ?? { cost: 0, people: new Set() };
			c.cost += s.cost_eur;
			if (s.cost_eur > 0) c.people.add(s.participant_id);
			cost.set(key, c);
		}
	}
	const goalRows = quarters.map((k) => {
		const inQ = goals.filter((g) => ids.has(g.participant_id) && g.reviewed_on && q(g.reviewed_on) === k);
		return { quarter: k, reviewed: inQ.length, achieved: inQ.filter((g) => g.attainment === 'achieved').length };
	});
	return { quarters, participants, cost, goals: goalRows };
}

describe('trends query on the pilot, against a recount of the rows', () => {
	for (const f of [
		{ ...DEFAULT_FILTERS, cohort: 'child' as const },
		{ ...DEFAULT_FILTERS, cohort: 'adult' as const },
		{ ...DEFAULT_FILTERS, cohort: 'adult' as const, region: 'Latgale' },
		{ ...DEFAULT_FILTERS, cohort: 'child' as const, region: 'Kurzeme', sex: 'F' as const }
	]) {
		it(`${f.cohort}${f.region ? ', ' + f.region : ''}${f.sex ? ', ' + f.sex : ''}`, async () => {
			const d = await trendData(db.engine, f);
			const want = recount(f);
			expect(d.quarters).toEqual(want.quarters);
			expect(await cohortQuarters(db.engine, f.cohort)).toEqual(want.quarters);
			expect(d.participants).toEqual(want.participants);
			expect(d.goals).toEqual(want.goals);
			// Every (quarter, group) with services, and the all-groups row of each quarter with services.
			expect(d.costs.length).toBe(want.cost.size);
			for (const c of d.costs) {
				const w = want.cost.get(`${c.quarter}|${c.service_group ?? 'total'}`)!;
				expect(c.cost_eur).toBeCloseTo(w.cost, 2);
				expect(c.participants).toBe(w.people.size);
			}
			// Sanity of the pilot itself: somebody started, somebody left, goals were reviewed.
			expect(want.participants.some((p) => p.new > 0) && want.participants.some((p) => p.exited > 0)).toBe(true);
			expect(want.goals.some((g) => g.reviewed > 0)).toBe(true);
		});
	}

	it('adults: people leave in several quarters, and the series says so', async () => {
		const d = await trendData(db.engine, { ...DEFAULT_FILTERS, cohort: 'adult' });
		expect(d.participants.filter((p) => p.exited > 0).length).toBeGreaterThan(1);
		// Nobody participates after leaving: active of a quarter = active before − exited before + new.
		for (let i = 1; i < d.participants.length; i++) {
			const [a, b] = [d.participants[i - 1], d.participants[i]];
			expect(b.active).toBe(a.active - a.exited + b.new);
		}
	});
});

describe('quarter helpers', () => {
	it('name, step and bound quarters', () => {
		expect(nextQuarter('2019-Q4')).toBe('2020-Q1');
		expect(nextQuarter('2019-Q2')).toBe('2019-Q3');
		expect(quarterMonths('2020-Q3')).toEqual(['2020-07', '2020-09']);
		expect(quarterOfMonth('2020-12')).toBe('2020-Q4');
		const qs = ['2019-Q4', '2020-Q1', '2020-Q2', '2020-Q3', '2020-Q4', '2021-Q1'];
		expect(quartersInPeriod(qs, { from: '2020-01', to: '2020-12' })).toEqual(['2020-Q1', '2020-Q2', '2020-Q3', '2020-Q4']);
		expect(quartersInPeriod(qs, { from: null, to: null })).toEqual(qs);
		expect(() => nextQuarter('2020-13')).toThrow(RangeError);
	});
});
