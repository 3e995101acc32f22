/** Participants of both pilots. */
import { apportion, type Rng } from './prng.ts';
import { ADULT_MUNICIPALITY_COUNTS, CHILD_MUNICIPALITY_COUNTS, type Cohort } from './reference.ts';

export interface Participant {
	participant_id: string;
	cohort: Cohort;
	programme: string;
	municipality_code: string;
	sex: 'F' | 'M';
	birth_year: number;
	age_at_entry: number;
	enrolled_on: string;
	exited_on: string | null;
	exit_reason: string | null;
	impairment_vision: boolean | null;
	impairment_hearing: boolean | null;
	impairment_mobility: boolean | null;
	impairment_mental: boolean | null;
	family_structure: string | null;
	caregiver_type: string | null;
	household_type: string;
	income_status: 'none' | 'needy' | 'low_income';
	disability_group: string | null;
	care_level: number | null;
	residence_type: 'a' | 'b' | 'c' | null;
	needs_natural_support: boolean | null;
	needs_minor_child: boolean | null;
	needs_mobility: boolean | null;
	left_institution: boolean | null;
	/** Not exported: adult received paid services. */
	served: boolean;
}

export function isoDate(y: number, m: number, d: number): string {
	return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Date `days` after an ISO date (UTC arithmetic, no local time). */
export function addDays(iso: string, days: number): string {
	const [y, m, d] = iso.split('-').map(Number);
	const t = Date.UTC(y, m - 1, d) + days * 86400000;
	const dt = new Date(t);
	return isoDate(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
}

export function randomDate(rng: Rng, from: string, to: string): string {
	const [y1, m1, d1] = from.split('-').map(Number);
	const [y2, m2, d2] = to.split('-').map(Number);
	const days = Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86400000);
	return addDays(from, rng.int(0, days));
}

/** Birth year given age in full years on a date, with a random birthday. */
function birthYear(rng: Rng, onDate: string, age: number): number {
	const [y, m, d] = onDate.split('-').map(Number);
	const bm = rng.int(1, 12);
	const bd = rng.int(1, 28);
	const hadBirthday = bm < m || (bm === m && bd <= d);
	return hadBirthday ? y - age : y - age - 1;
}

function slots(rng: Rng, counts: Record<string, number>): string[] {
	const out: string[] = [];
	for (const [code, n] of Object.entries(counts)) for (let i = 0; i < n; i++) out.push(code);
	return rng.shuffle(out);
}

/** A list with exactly `counts[value]` copies of each value, shuffled. */
function exactList<T extends string>(rng: Rng, counts: Record<T, number>): T[] {
	const out: T[] = [];
	for (const [v, n] of Object.entries(counts) as [T, number][]) for (let i = 0; i < n; i++) out.push(v);
	return rng.shuffle(out);
}

const CHILD_HOUSEHOLDS = {
	married_3plus_children: 28,
	single_parent_1_child: 18,
	married_1_child: 17,
	married_2_children: 16,
	single_parent_2_children: 12,
	single_parent_3plus_children: 5,
	cohabiting_1_child: 3,
	cohabiting_3plus_children: 3
} as const;

export function makeChildren(rng: Rng): Participant[] {
	const munis = slots(rng, CHILD_MUNICIPALITY_COUNTS);
	const n = munis.length;
	const households = exactList(rng, { ...CHILD_HOUSEHOLDS });
	// Ages 1..17 on enrolment; children under 8 do not answer KIDSCREEN.
	const ageWeights = [0, 3, 5, 6, 7, 7, 7, 7, 8, 8, 7, 7, 6, 6, 5, 5, 4, 3];
	// Caregiver: 3 foster families (large married families), 4 guardians (2 two-adult, 2 single).
	const caregiver: string[] = Array(n).fill('parents');
	const idx = (pred: (h: string) => boolean) => rng.shuffle(households.map((h, i) => (pred(h) ? i : -1)).filter((i) => i >= 0));
	const fosterIdx = idx((h) => h === 'married_3plus_children').slice(0, 3);
	for (const i of fosterIdx) caregiver[i] = 'foster';
	const guardTwo = idx((h) => (h.startsWith('married') || h.startsWith('cohabiting')) && h !== 'married_3plus_children').slice(0, 2);
	const guardOne = idx((h) => h.startsWith('single')).slice(0, 2);
	for (const i of [...guardTwo, ...guardOne]) caregiver[i] = 'guardian';
	// Income status: 10 needy, 3 low-income; single parents twice as likely.
	const income: Participant['income_status'][] = Array(n).fill('none');
	// 7 of the needy and 2 of the low-income among single-parent families, the rest among couples.
	const singles = idx((h) => h.startsWith('single'));
	const couples = idx((h) => !h.startsWith('single'));
	for (const i of singles.slice(0, 7)) income[i] = 'needy';
	for (const i of singles.slice(7, 9)) income[i] = 'low_income';
	for (const i of couples.slice(0, 3)) income[i] = 'needy';
	for (const i of couples.slice(3, 4)) income[i] = 'low_income';

	const out: Participant[] = [];
	for (let i = 0; i < n; i++) {
		const age = rng.weighted(ageWeights);
		const enrolled = randomDate(rng, '2018-08-01', '2018-09-28');
		let vision = rng.chance(0.13);
		const hearing = rng.chance(0.11);
		const mobility = rng.chance(0.42);
		let mental = rng.chance(0.74);
		if (!vision && !hearing && !mobility && !mental) {
			if (rng.chance(0.8)) mental = true;
			else vision = true;
		}
		const h = households[i];
		out.push({
			participant_id: `C${String(i + 1).padStart(3, '0')}`,
			cohort: 'child',
			programme: 'pilot1_children_2018',
			municipality_code: munis[i],
			sex: rng.chance(0.6) ? 'M' : 'F',
			birth_year: birthYear(rng, enrolled, age),
			age_at_entry: age,
			enrolled_on: enrolled,
			exited_on: '2019-10-31',
			exit_reason: 'completed',
			impairment_vision: vision,
			impairment_hearing: hearing,
			impairment_mobility: mobility,
			impairment_mental: mental,
			family_structure: h.startsWith('single') ? 'single_parent' : 'two_parent',
			caregiver_type: caregiver[i],
			household_type: h,
			income_status: income[i],
			disability_group: null,
			care_level: null,
			residence_type: null,
			needs_natural_support: null,
			needs_minor_child: null,
			needs_mobility: null,
			left_institution: null,
			served: true
		});
	}
	return out;
}

export function makeAdults(rng: Rng): Participant[] {
	const munis = slots(rng, ADULT_MUNICIPALITY_COUNTS);
	const n = munis.length;
	// Six persons withdrew before services began: one in each 11-person municipality and three elsewhere (never Liepāja).
	const notServed = new Set<number>();
	for (const code of ['JELGAVA_C', 'DAUGAVPILS_N', 'OGRE_N', 'BAUSKA_N', 'BALVI_N', 'TUKUMS_N']) {
		const cand = munis.map((m, i) => (m === code ? i : -1)).filter((i) => i >= 0);
		notServed.add(rng.pick(cand));
	}
	const careLevels = apportion(n, [0.2, 0.38, 0.28, 0.14]);
	const levelList = rng.shuffle(careLevels.flatMap((k, l) => Array(k).fill(l + 1) as number[]));
	const resList = rng.shuffle([
		...(Array(32).fill('a') as 'a'[]),
		...(Array(56).fill('b') as 'b'[]),
		...(Array(15).fill('c') as 'c'[])
	]);
	const out: Participant[] = [];
	for (let i = 0; i < n; i++) {
		const age = Math.max(18, Math.min(74, Math.round(rng.normal(41, 13))));
		const enrolled = randomDate(rng, '2019-08-05', '2019-09-06');
		const res = resList[i];
		let household: string;
		if (res === 'a') household = 'alone';
		else if (res === 'c') household = 'group_home';
		else household = ['with_parents', 'with_parents', 'with_parents', 'with_partner', 'with_relatives'][rng.int(0, 4)];
		const served = !notServed.has(i);
		const incomeDraw = rng.next();
		out.push({
			participant_id: `A${String(i + 1).padStart(3, '0')}`,
			cohort: 'adult',
			programme: 'pilot2_adults_2019',
			municipality_code: munis[i],
			sex: rng.chance(0.54) ? 'M' : 'F',
			birth_year: birthYear(rng, enrolled, age),
			age_at_entry: age,
			enrolled_on: enrolled,
			exited_on: served ? '2021-02-28' : randomDate(rng, '2019-09-16', '2019-10-31'),
			exit_reason: served ? 'completed' : 'withdrew_before_services',
			impairment_vision: null,
			impairment_hearing: null,
			impairment_mobility: null,
			impairment_mental: null,
			family_structure: null,
			caregiver_type: null,
			household_type: household,
			income_status: incomeDraw < 0.12 ? 'needy' : incomeDraw < 0.18 ? 'low_income' : 'none',
			disability_group: rng.chance(0.3) ? 'I' : 'II',
			care_level: levelList[i],
			residence_type: res,
			needs_natural_support: rng.chance(res === 'b' ? 0.45 : res === 'a' ? 0.25 : 0.1),
			needs_minor_child: rng.chance(household === 'with_partner' ? 0.35 : 0.02),
			needs_mobility: rng.chance(0.3),
			left_institution: rng.chance(res === 'c' ? 0.6 : res === 'a' ? 0.15 : 0.05),
			served
		});
	}
	return out;
}
