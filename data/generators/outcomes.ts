/**
 * Long: one generator per instrument, each calibrated to its published figures.
 *
 * Plan goals, outcome assessments and employment.
 */
import { apportion, type Rng } from './prng.ts';
import { randomDate, type Participant } from './people.ts';
import { pairedTTest } from '../../src/lib/stats/pairedTTest.ts';

export interface GoalRow {
	goal_id: string;
	participant_id: string;
	domain_code: string;
	term: 'long' | 'short';
	set_on: string;
	reviewed_on: string | null;
	attainment: 'achieved' | 'partly' | 'not' | null;
	gas_rating: number | null;
	gas_weight: number | null;
}

export interface AssessmentRow {
	participant_id: string;
	instrument: 'sfk' | 'kidscreen52' | 'fqols' | 'sqol';
	informant: 'child' | 'parent' | 'family' | 'self' | 'professional';
	wave: 'baseline' | 'followup';
	assessed_on: string;
	dimension_code: string;
	score: number;
	scoring_method: 'icf_qualifier' | 'rasch_t' | 'item_mean' | 'change_rating';
}

export interface EmploymentRow {
	participant_id: string;
	wave: 'baseline' | 'followup';
	recorded_on: string;
	status: string;
}

/** Published goal-attainment tables: goals per domain and counts achieved / partly / not. */
export const GOAL_TARGETS: Record<string, { achieved: number; partly: number; not: number }> = {
	C1: { achieved: 152, partly: 30, not: 13 },
	C2: { achieved: 141, partly: 188, not: 12 },
	A1: { achieved: 65, partly: 65, not: 7 },
	A2: { achieved: 23, partly: 80, not: 7 },
	A3: { achieved: 21, partly: 35, not: 3 }
};

export function makeGoals(rng: Rng, children: Participant[], adults: Participant[]): GoalRow[] {
	const out: GoalRow[] = [];
	const served = adults.filter((a) => a.served);
	const plans: { domain: string; people: Participant[]; min: number; setFrom: string; setTo: string; revFrom: string; revTo: string }[] = [
		{ domain: 'C1', people: children, min: 1, setFrom: '2018-09-10', setTo: '2018-09-28', revFrom: '2019-09-02', revTo: '2019-10-25' },
		{ domain: 'C2', people: children, min: 1, setFrom: '2018-09-10', setTo: '2018-09-28', revFrom: '2019-09-02', revTo: '2019-10-25' },
		{ domain: 'A1', people: served, min: 1, setFrom: '2019-09-16', setTo: '2019-10-31', revFrom: '2021-01-04', revTo: '2021-02-19' },
		{ domain: 'A2', people: served, min: 0, setFrom: '2019-09-16', setTo: '2019-10-31', revFrom: '2021-01-04', revTo: '2021-02-19' },
		{ domain: 'A3', people: served, min: 0, setFrom: '2019-09-16', setTo: '2019-10-31', revFrom: '2021-01-04', revTo: '2021-02-19' }
	];
	const setOn = new Map<string, string>();
	const reviewedOn = new Map<string, string>();
	const perPerson = new Map<string, Omit<GoalRow, 'goal_id'>[]>();
	for (const plan of plans) {
		const t = GOAL_TARGETS[plan.domain];
		const total = t.achieved + t.partly + t.not;
		const counts = apportion(total, plan.people.map(() => Math.exp(rng.normal(0, 0.5))), plan.min);
		const attain = rng.shuffle([
			...(Array(t.achieved).fill('achieved') as 'achieved'[]),
			...(Array(t.partly).fill('partly') as 'partly'[]),
			...(Array(t.not).fill('not') as 'not'[])
		]);
		let k = 0;
		plan.people.forEach((p, i) => {
			if (!setOn.has(p.participant_id)) {
				setOn.set(p.participant_id, randomDate(rng, plan.setFrom, plan.setTo));
				reviewedOn.set(p.participant_id, randomDate(rng, plan.revFrom, plan.revTo));
			}
			for (let j = 0; j < counts[i]; j++) {
				const list = perPerson.get(p.participant_id) ?? [];
				list.push({
					participant_id: p.participant_id,
					domain_code: plan.domain,
					term: j === 0 ? 'long' : 'short',
					set_on: setOn.get(p.participant_id)!,
					reviewed_on: reviewedOn.get(p.participant_id)!,
					attainment: attain[k++],
					gas_rating: null,
					gas_weight: null
				});
				perPerson.set(p.participant_id, list);
			}
		});
	}
	for (const [pid, list] of [...perPerson.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
		list.forEach((g, i) => out.push({ goal_id: `${pid}-G${String(i + 1).padStart(2, '0')}`, ...g }));
	}
	return out;
}

// ---------------------------------------------------------------- SFK (ICF) ----

const SFK_DOMAINS = ['d1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7', 'd8', 'd9'];
/** Children improved per domain: the six named domains lead, in the seed's order. */
export const SFK_IMPROVED: Record<string, number> = { d1: 24, d5: 21, d6: 19, d7: 17, d2: 15, d4: 13, d3: 9, d8: 7, d9: 8 };
export const SFK_WORSENED: Record<string, number> = { d1: 2, d2: 2, d3: 3, d4: 2, d5: 2, d6: 2, d7: 2, d8: 3, d9: 3 };
export const SFK_POSITIVE_CHILDREN = 47;

function tokens(counts: Record<string, number>): string[] {
	return Object.entries(counts).flatMap(([d, n]) => Array(n).fill(d) as string[]);
}

function makeSfk(rng: Rng, children: Participant[], dates: Map<string, [string, string]>): AssessmentRow[] {
	const order = rng.shuffle([...children]);
	const P = order.slice(0, SFK_POSITIVE_CHILDREN);
	const M = order.slice(47, 57); // improved somewhere and worse somewhere
	const W = order.slice(57, 63); // only worse
	const improved = new Map<Participant, Set<string>>();
	const worsened = new Map<Participant, Set<string>>();
	for (const c of children) {
		improved.set(c, new Set());
		worsened.set(c, new Set());
	}
	const place = (toks: string[], first: Participant[], all: Participant[], target: Map<Participant, Set<string>>, avoid: Map<Participant, Set<string>>) => {
		const pool = rng.shuffle([...toks]);
		for (const c of first) {
			const i = pool.findIndex((d) => !avoid.get(c)!.has(d));
			if (i < 0) throw new Error('SFK: no token');
			target.get(c)!.add(pool.splice(i, 1)[0]);
		}
		for (const d of pool) {
			const cand = all.filter((c) => !target.get(c)!.has(d) && !avoid.get(c)!.has(d));
			target.get(rng.pick(cand))!.add(d);
		}
	};
	place(tokens(SFK_IMPROVED), [...P, ...M], [...P, ...M], improved, worsened);
	place(tokens(SFK_WORSENED), [...M, ...W], [...M, ...W], worsened, improved);

	const out: AssessmentRow[] = [];
	for (const c of children) {
		const severity = rng.normal(0, 0.7);
		const [b, f] = dates.get(c.participant_id)!;
		for (const d of SFK_DOMAINS) {
			let q0: number;
			let q1: number;
			if (improved.get(c)!.has(d)) {
				q0 = 1 + rng.weighted([0.15, 0.4, 0.35, 0.1]);
				q1 = q0 >= 2 && rng.chance(0.12) ? q0 - 2 : q0 - 1;
			} else if (worsened.get(c)!.has(d)) {
				q0 = rng.weighted([0.1, 0.35, 0.4, 0.15]);
				q1 = q0 + 1;
			} else {
				q0 = Math.max(0, Math.min(4, Math.round(2 + severity + rng.normal(0, 0.8))));
				q1 = q0;
				const young = c.age_at_entry < 4;
				if (young && (d === 'd8' || d === 'd6') && rng.chance(0.7)) {
					q0 = 9;
					q1 = 9;
				} else if (rng.chance(0.02)) {
					q0 = 8; // not specified at baseline: excluded from change
				}
			}
			out.push({ participant_id: c.participant_id, instrument: 'sfk', informant: 'professional', wave: 'baseline', assessed_on: b, dimension_code: d, score: q0, scoring_method: 'icf_qualifier' });
			out.push({ participant_id: c.participant_id, instrument: 'sfk', informant: 'professional', wave: 'followup', assessed_on: f, dimension_code: d, score: q1, scoring_method: 'icf_qualifier' });
		}
	}
	return out;
}

// ---------------------------------------------------------------- KIDSCREEN ----

/** Target mean T-scores [baseline, followup] per informant and dimension (all below 50). */
export const KIDSCREEN_MEANS: Record<'child' | 'parent', Record<string, [number, number]>> = {
	child: {
		physical: [44.8, 44.3],
		psychological: [45.2, 46.0],
		moods: [44.6, 45.3],
		self_perception: [47.9, 48.9],
		autonomy: [43.5, 44.4],
		parent_relations: [46.1, 46.8],
		social_support_peers: [40.2, 44.0],
		school_environment: [43.1, 47.7],
		social_acceptance: [42.0, 43.1],
		financial: [45.5, 44.9]
	},
	parent: {
		physical: [45.6, 45.1],
		psychological: [44.0, 45.2],
		moods: [43.8, 43.5],
		self_perception: [45.9, 46.6],
		autonomy: [42.7, 43.9],
		parent_relations: [46.9, 48.1],
		social_support_peers: [38.7, 42.6],
		school_environment: [44.3, 45.0],
		social_acceptance: [39.5, 43.9],
		financial: [46.2, 45.8]
	}
};

/** Integer hundredths with an exact sum, kept within [lo, hi]. */
function fixSum(values: number[], targetSum: number, lo: number, hi: number): number[] {
	const v = [...values];
	let diff = targetSum - v.reduce((s, x) => s + x, 0);
	for (let pass = 0; diff !== 0 && pass < 1000; pass++) {
		const step = Math.sign(diff) * Math.max(1, Math.floor(Math.abs(diff) / v.length));
		for (let i = 0; i < v.length && diff !== 0; i++) {
			const s = Math.abs(step) > Math.abs(diff) ? diff : step;
			if (v[i] + s < lo || v[i] + s > hi) continue;
			v[i] += s;
			diff -= s;
		}
	}
	if (diff !== 0) throw new Error('fixSum failed');
	return v;
}

function makeKidscreen(rng: Rng, children: Participant[], dates: Map<string, [string, string]>): AssessmentRow[] {
	const resp = children.filter((c) => c.age_at_entry >= 8);
	const n = resp.length;
	const out: AssessmentRow[] = [];
	for (const informant of ['child', 'parent'] as const) {
		for (const [dim, [mb, mf]] of Object.entries(KIDSCREEN_MEANS[informant])) {
			const b0 = resp.map(() => Math.round(rng.normal(mb, 9) * 100));
			const base = fixSum(b0.map((x) => Math.max(1500, Math.min(8500, x))), Math.round(mb * 100) * n, 1500, 8500);
			const f0 = base.map((x) => Math.round(x + rng.normal(mf - mb, 6) * 100));
			const follow = fixSum(f0.map((x) => Math.max(1500, Math.min(8500, x))), Math.round(mf * 100) * n, 1500, 8500);
			resp.forEach((c, i) => {
				const [b, f] = dates.get(c.participant_id)!;
				out.push({ participant_id: c.participant_id, instrument: 'kidscreen52', informant, wave: 'baseline', assessed_on: b, dimension_code: dim, score: base[i] / 100, scoring_method: 'rasch_t' });
				out.push({ participant_id: c.participant_id, instrument: 'kidscreen52', informant, wave: 'followup', assessed_on: f, dimension_code: dim, score: follow[i] / 100, scoring_method: 'rasch_t' });
			});
		}
	}
	return out;
}

// ---------------------------------------------------------------- FQOLS ----

const FQOLS: { code: string; items: number; mean: number; diffs: Record<string, number> }[] = [
	{ code: 'family_interaction', items: 6, mean: 3.9, diffs: { '1': 30, '-1': 25, '2': 3, '-2': 2 } },
	{ code: 'parenting', items: 6, mean: 3.8, diffs: { '1': 28, '-1': 24, '2': 2, '-2': 1 } },
	{ code: 'emotional_wellbeing', items: 4, mean: 3.3, diffs: { '1': 36, '-1': 16, '2': 7, '-2': 2 } },
	{ code: 'physical_material', items: 5, mean: 3.6, diffs: { '1': 27, '-1': 23, '2': 2, '-2': 2 } },
	{ code: 'disability_support', items: 4, mean: 3.5, diffs: { '1': 31, '-1': 24, '2': 3, '-2': 3 } }
];

function makeFqols(rng: Rng, children: Participant[], dates: Map<string, [string, string]>): AssessmentRow[] {
	const out: AssessmentRow[] = [];
	const n = children.length;
	for (const s of FQOLS) {
		const k = s.items;
		const base = children.map(() => Math.max(k, Math.min(5 * k, Math.round(k * s.mean + rng.normal(0, 0.65 * k)))));
		const diffs: number[] = [];
		for (const [d, c] of Object.entries(s.diffs)) for (let i = 0; i < c; i++) diffs.push(Number(d));
		while (diffs.length < n) diffs.push(0);
		rng.shuffle(diffs);
		// Repair infeasible pairs (score would leave 1..5) by swapping with a zero change.
		for (let i = 0; i < n; i++) {
			if (base[i] + diffs[i] >= k && base[i] + diffs[i] <= 5 * k) continue;
			const j = diffs.findIndex((d, jj) => d === 0 && base[jj] + diffs[i] >= k && base[jj] + diffs[i] <= 5 * k);
			if (j < 0) throw new Error('FQOLS repair failed');
			[diffs[i], diffs[j]] = [diffs[j], diffs[i]];
		}
		const follow = base.map((b, i) => b + diffs[i]);
		const t = pairedTTest(follow.map((x) => x / k), base.map((x) => x / k));
		const wantSig = s.code === 'emotional_wellbeing';
		if (!(t.estimate > 0) || (wantSig ? !(t.pValue < 0.01) : !(t.pValue > 0.2))) throw new Error(`FQOLS ${s.code}: p=${t.pValue}`);
		children.forEach((c, i) => {
			const [b, f] = dates.get(c.participant_id)!;
			out.push({ participant_id: c.participant_id, instrument: 'fqols', informant: 'family', wave: 'baseline', assessed_on: b, dimension_code: s.code, score: base[i] / k, scoring_method: 'item_mean' });
			out.push({ participant_id: c.participant_id, instrument: 'fqols', informant: 'family', wave: 'followup', assessed_on: f, dimension_code: s.code, score: follow[i] / k, scoring_method: 'item_mean' });
		});
	}
	return out;
}

// ---------------------------------------------------------------- SQoL ----

/** Respondents rating each aspect "better" (n = 97), and how many of them are among the 16 without net positive change. */
export const SQOL_BETTER: Record<string, [number, number]> = {
	life_overall: [82, 1],
	psychological_state: [69, 2],
	physical_health: [60, 2],
	independence: [64, 1],
	daily_activities: [58, 2],
	work_occupation: [45, 1],
	housing: [44, 2],
	family_relations: [55, 2],
	friendships_social: [57, 1],
	leisure: [62, 2],
	safety: [53, 2],
	partner_relationship: [35, 1],
	financial_situation: [34, 2]
};
export const SQOL_NET_POSITIVE = 81;

function makeSqol(rng: Rng, adults: Participant[]): AssessmentRow[] {
	const served = rng.shuffle(adults.filter((a) => a.served));
	const P = served.slice(0, SQOL_NET_POSITIVE);
	const N = served.slice(SQOL_NET_POSITIVE);
	const aspects = Object.keys(SQOL_BETTER);
	const rating = new Map<Participant, Map<string, number>>();
	for (const p of served) rating.set(p, new Map(aspects.map((a) => [a, 0])));
	const propensity = new Map(P.map((p) => [p, Math.exp(rng.normal(0, 0.6))]));
	for (const a of aspects) {
		const [better, fromN] = SQOL_BETTER[a];
		// Weighted sampling without replacement among P.
		const pool = [...P];
		for (let i = 0; i < better - fromN; i++) {
			const j = rng.weighted(pool.map((p) => propensity.get(p)!));
			rating.get(pool.splice(j, 1)[0])!.set(a, 1);
		}
		for (const p of rng.shuffle([...N]).slice(0, fromN)) rating.get(p)!.set(a, 1);
	}
	// Worse ratings: N persons get at least as many "worse" as "better"; P persons fewer.
	for (const p of served) {
		const r = rating.get(p)!;
		const better = [...r.values()].filter((v) => v === 1).length;
		const free = rng.shuffle(aspects.filter((a) => r.get(a) === 0));
		const isP = P.includes(p);
		const worse = isP ? Math.min(better - 1, rng.weighted([0.55, 0.3, 0.1, 0.05])) : Math.min(free.length, better + rng.weighted([0.6, 0.3, 0.1]));
		for (const a of free.slice(0, worse)) r.set(a, -1);
	}
	const out: AssessmentRow[] = [];
	for (const p of served) {
		const on = randomDate(rng, '2020-12-14', '2021-01-29');
		for (const a of aspects) {
			out.push({ participant_id: p.participant_id, instrument: 'sqol', informant: 'self', wave: 'followup', assessed_on: on, dimension_code: a, score: rating.get(p)!.get(a)!, scoring_method: 'change_rating' });
		}
	}
	return out;
}

export function makeAssessments(rng: Rng, children: Participant[], adults: Participant[]): AssessmentRow[] {
	const sfkDates = new Map(children.map((c) => [c.participant_id, [randomDate(rng, '2018-08-13', '2018-09-28'), randomDate(rng, '2019-08-19', '2019-10-18')] as [string, string]]));
	const qolDates = new Map(children.map((c) => [c.participant_id, [randomDate(rng, '2018-09-03', '2018-10-19'), randomDate(rng, '2019-09-02', '2019-10-25')] as [string, string]]));
	return [
		...makeSfk(rng.fork('sfk'), children, sfkDates),
		...makeKidscreen(rng.fork('kidscreen'), children, qolDates),
		...makeFqols(rng.fork('fqols'), children, qolDates),
		...makeSqol(rng.fork('sqol'), adults)
	];
}

// ---------------------------------------------------------------- employment ----

/** Transitions baseline → followup among the 97 adults who received services. */
export const EMPLOYMENT_TRANSITIONS: [string, string, number][] = [
	['permanent_full_time', 'permanent_full_time', 3],
	['temporary_full_time', 'temporary_full_time', 2],
	['part_time', 'part_time', 5],
	['part_time', 'permanent_full_time', 1],
	['volunteer_public_works', 'volunteer_public_works', 4],
	['volunteer_public_works', 'part_time', 1],
	['not_employed', 'permanent_full_time', 3],
	['not_employed', 'temporary_full_time', 3],
	['not_employed', 'part_time', 3],
	['not_employed', 'volunteer_public_works', 4]
];

export function makeEmployment(rng: Rng, adults: Participant[]): EmploymentRow[] {
	const served = adults.filter((a) => a.served);
	// Employment is likelier at lower care levels and outside group homes.
	const ranked = served
		.map((p) => ({ p, s: -(p.care_level ?? 2) * 0.6 + (p.residence_type === 'c' ? -0.5 : 0) - (p.age_at_entry > 55 ? 0.8 : 0) + rng.normal(0, 0.9) }))
		.sort((a, b) => b.s - a.s || (a.p.participant_id < b.p.participant_id ? -1 : 1))
		.map((x) => x.p);
	const employedBefore = EMPLOYMENT_TRANSITIONS.filter(([b]) => b !== 'not_employed');
	const newlyEmployed = EMPLOYMENT_TRANSITIONS.filter(([b]) => b === 'not_employed');
	const nBefore = employedBefore.reduce((s, t) => s + t[2], 0);
	const nNew = newlyEmployed.reduce((s, t) => s + t[2], 0);
	const before = rng.shuffle(ranked.slice(0, nBefore));
	const fresh = rng.shuffle(ranked.slice(nBefore, nBefore + nNew));
	const status = new Map<Participant, [string, string]>();
	let i = 0;
	for (const [b, f, c] of employedBefore) for (let k = 0; k < c; k++) status.set(before[i++], [b, f]);
	i = 0;
	for (const [b, f, c] of newlyEmployed) for (let k = 0; k < c; k++) status.set(fresh[i++], [b, f]);
	const out: EmploymentRow[] = [];
	for (const p of served) {
		const [b, f] = status.get(p) ?? ['not_employed', 'not_employed'];
		out.push({ participant_id: p.participant_id, wave: 'baseline', recorded_on: randomDate(rng, '2019-09-16', '2019-10-31'), status: b });
		out.push({ participant_id: p.participant_id, wave: 'followup', recorded_on: randomDate(rng, '2021-01-04', '2021-02-19'), status: f });
	}
	return out;
}
