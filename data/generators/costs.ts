/**
 * Long: the calibration of every published cost figure is one chain of steps that depend on each other.
 *
 * Services (monthly paid IB expenses), providers, budgets and overheads.
 * All money is handled in integer cents and written as EUR doubles.
 */
import { apportion, type Rng } from './prng.ts';
import type { Participant } from './people.ts';
import {
	INDICATIVE_BASIC, MUNICIPALITIES, SERVICE_CATALOGUE, SUPPLEMENT_MINOR_CHILD, SUPPLEMENT_MOBILITY,
	SUPPLEMENT_NATURAL_SUPPORT, type CatalogueItem, type Cohort, type ServiceGroup
} from './reference.ts';

export interface Provider {
	provider_id: string;
	kind: 'municipal' | 'ngo' | 'private' | 'state';
	municipality_code: string | null;
	label: string;
}

export interface ServiceRow {
	event_id: string;
	participant_id: string;
	service_code: string;
	month: string;
	units: number;
	unit_price_eur: number;
	cost_eur: number;
	provider_id: string;
	price_basis: string;
}

export interface BudgetRow {
	participant_id: string;
	period_start: string;
	period_end: string;
	months: number;
	indicative_eur: number;
	agreed_eur: number;
}

export interface OverheadRow {
	programme: string;
	cohort: Cohort;
	municipality_code: string;
	kind: 'needs_assessment' | 'training_consultation' | 'municipal_admin';
	cost_eur: number;
}

interface Pair {
	p: Participant;
	item: CatalogueItem;
	provider: Provider;
	priceBasis: string;
	priceCents: number;
	/** units per month index (0 = first service month) */
	monthly: number[];
}

/** Published cost-table targets: cost in cents (chosen so every rounded figure comes out), units (children), unique persons. */
export const CHILD_GROUP_TARGETS: Record<ServiceGroup, { cents: number; units: number; persons: number }> = {
	other: { cents: 8_489_235, units: 1_354, persons: 51 },
	education: { cents: 7_403_955, units: 3_407, persons: 66 },
	social: { cents: 34_017_860, units: 62_733, persons: 99 },
	health: { cents: 20_584_230, units: 7_889, persons: 100 }
};
export const ADULT_GROUP_TARGETS: Record<ServiceGroup, { cents: number; persons: number }> = {
	social: { cents: 58_669_600, persons: 97 },
	health: { cents: 11_440_200, persons: 77 },
	education: { cents: 6_039_300, persons: 31 },
	other: { cents: 912_400, persons: 19 }
};
/** "Total with needs assessment and municipal costs" (children) and "with training/consultation service and municipal costs" (adults). */
export const CHILD_TOTAL_WITH_OVERHEADS_CENTS = 94_256_100;
export const ADULT_TOTAL_WITH_OVERHEADS_CENTS = 106_006_940;
/** Seed 000: municipal pilot cost, reproduced as the sum of agreed IB amounts. */
export const CHILD_AGREED_TOTAL_CENTS = 71_425_800;
export const ADULT_AGREED_TOTAL_CENTS = 114_400_100;
/** Mean indicative amount per child per month 648.17 EUR (7,778 EUR a year): sum of monthly amounts. */
export const CHILD_INDICATIVE_MONTHLY_SUM_EUR = 66_113;

const CHILD_MONTHS = monthList('2018-10', 12);
const ADULT_MONTHS = monthList('2019-11', 15);

function monthList(start: string, n: number): string[] {
	let [y, m] = start.split('-').map(Number);
	const out: string[] = [];
	for (let i = 0; i < n; i++) {
		out.push(`${y}-${String(m).padStart(2, '0')}-01`);
		m++;
		if (m > 12) {
			m = 1;
			y++;
		}
	}
	return out;
}

/** Popularity of a service among users of its group (relative). */
const POPULARITY: Record<string, number> = {
	C_PARENT_PSY: 0.5, C_THERAPLAY: 0.15, C_PARENT_GROUP: 0.35, C_FAMILY_ASSIST: 0.12, C_RESPITE_INST: 0.1,
	C_RESPITE_HOME: 0.2, C_COMPANION: 0.2, C_UNIV_ASSIST: 0.2, C_HOME_CARE: 0.45, C_TRANSPORT: 0.7,
	C_SPEC_TRANSPORT: 0.3, C_OTHER_FAMILY: 0.1, C_PSY: 0.45, C_SAND: 0.2, C_ABA: 0.12, C_PHYSIO: 0.75,
	C_OT: 0.6, C_SPEECH: 0.55, C_CANIS: 0.35, C_HIPPO: 0.2, C_CHILD_GROUP: 0.35, C_EARLY_CORR: 0.2,
	C_MONTESSORI: 0.25, C_WORKSHOP: 0.05, C_DAY_CARE: 0.2, C_VISION_RES: 0.4, C_VISION_DAY: 0.8,
	C_SIGN_LANG: 0.8, C_HEARING_COMM: 0.5, C_HEARING_ADAPT: 0.4, C_HEARING_SOCIAL: 0.3, C_INTERPRETER: 0.4,
	C_OTHER_CHILD: 0.25,
	A_SPEC_PSY: 0.4, A_PHYSIO: 0.45, A_OT: 0.25, A_SPEECH: 0.4, A_PHYSIO_POOL: 0.5, A_DIETITIAN: 0.1,
	A_DAY_CARE: 0.35, A_GROUP_HOME: 0.02, A_FAMILY_ASSIST: 0.08, A_ASSIST: 0.3, A_UNIV_ASSIST: 0.12,
	A_HOME_CARE: 0.2, A_RESPITE_INST: 0.05, A_RESPITE_HOME: 0.05, A_SUPPORT_PERSON: 0.25, A_IND_PROGRAMME: 0.1,
	A_NSC_PSY: 0.15, A_NSC_GROUP: 0.1, A_RURAL_REHAB: 0.05, A_WORKSHOP: 0.6, A_GROUP_SESSIONS: 0.5,
	A_MONTESSORI: 0.4, A_MUSIC: 0.4, A_ART: 0.35, A_TRANSPORT: 1
};

function eligible(item: CatalogueItem, p: Participant): boolean {
	switch (item.eligibility) {
		case 'hearing': return p.impairment_hearing === true;
		case 'vision': return p.impairment_vision === true;
		case 'mental': return p.impairment_mental === true;
		case 'liepaja': return p.municipality_code === 'LIEPAJA_C';
		case 'natural_support': return p.needs_natural_support === true;
		default: return true;
	}
}

export class ProviderRegistry {
	byId = new Map<string, Provider>();
	get(id: string, make: () => Omit<Provider, 'provider_id'>): Provider {
		let p = this.byId.get(id);
		if (!p) {
			p = { provider_id: id, ...make() };
			this.byId.set(id, p);
		}
		return p;
	}
	list(): Provider[] {
		return [...this.byId.values()].sort((a, b) => (a.provider_id < b.provider_id ? -1 : 1));
	}
}

function muniName(code: string): string {
	return MUNICIPALITIES.find((m) => m.code === code)!.name_lv;
}

function chooseProvider(rng: Rng, reg: ProviderRegistry, item: CatalogueItem, p: Participant): Provider {
	const code = p.municipality_code;
	if (item.service_code === 'A_SUPPORT_PERSON')
		return reg.get('P-NAT-ZELDA', () => ({ kind: 'ngo', municipality_code: null, label: 'Resursu centrs cilvēkiem ar garīgiem traucējumiem "ZELDA"' }));
	if (item.eligibility === 'hearing')
		return reg.get('P-NAT-HEARING', () => ({ kind: 'ngo', municipality_code: null, label: 'Nacionāla organizācija cilvēkiem ar dzirdes traucējumiem' }));
	if (item.eligibility === 'vision')
		return reg.get('P-NAT-VISION', () => ({ kind: 'ngo', municipality_code: null, label: 'Nacionāla organizācija cilvēkiem ar redzes traucējumiem' }));
	if (item.service_code === 'C_RESPITE_INST' || item.service_code === 'A_RESPITE_INST')
		return reg.get('P-NAT-VSAC', () => ({ kind: 'state', municipality_code: null, label: 'Valsts sociālās aprūpes centrs' }));
	const municipalFirst = item.price_basis === 'regulation' || item.price_basis === 'delegation_contract';
	const r = rng.next();
	if (municipalFirst && r < 0.55)
		return reg.get(`P-${code}-MUN`, () => ({ kind: 'municipal', municipality_code: code, label: `${muniName(code)}: sociālais dienests` }));
	if (item.price_basis === 'market' && r < 0.7) {
		const k = rng.int(1, 4);
		return reg.get(`P-${code}-PRV${k}`, () => ({ kind: 'private', municipality_code: code, label: `${muniName(code)}: privātprakse Nr. ${k}` }));
	}
	const k = rng.int(1, 2);
	return reg.get(`P-${code}-NGO${k}`, () => ({ kind: 'ngo', municipality_code: code, label: `${muniName(code)}: biedrība Nr. ${k}` }));
}

/** Price factor per (provider, service): providers charge different but stable prices. */
function providerFactor(cache: Map<string, number>, rng: Rng, provider: Provider, item: CatalogueItem): number {
	const key = `${provider.provider_id}|${item.service_code}`;
	let f = cache.get(key);
	if (f === undefined) {
		f = Math.max(0.75, Math.min(1.3, rng.normal(1, 0.12)));
		cache.set(key, f);
	}
	return f;
}

function pickServices(rng: Rng, items: CatalogueItem[], p: Participant, k: number): CatalogueItem[] {
	const pool = items.filter((it) => eligible(it, p));
	const chosen: CatalogueItem[] = [];
	while (chosen.length < k && chosen.length < pool.length) {
		const rest = pool.filter((it) => !chosen.includes(it));
		chosen.push(rest[rng.weighted(rest.map((it) => POPULARITY[it.service_code] ?? 0.1))]);
	}
	return chosen;
}

/** Choose exactly `n` members of a group among `candidates`, always including `must`. */
function chooseMembers(rng: Rng, candidates: Participant[], n: number, must: Participant[] = []): Participant[] {
	const set = new Set(must);
	const rest = rng.shuffle(candidates.filter((p) => !set.has(p)));
	for (const p of rest) {
		if (set.size >= n) break;
		set.add(p);
	}
	if (set.size !== n) throw new Error(`chooseMembers: wanted ${n}, have ${set.size}`);
	return candidates.filter((p) => set.has(p));
}

/** Spread units over active months with the given monthly weights (largest remainder). */
function spread(units: number, weights: number[]): number[] {
	return apportion(units, weights, 0);
}

/** Adjust pair prices (cents) so that the group total hits `target` exactly. */
function calibrate(pairs: Pair[], target: number, label: string): number {
	const units = (pr: Pair) => pr.monthly.reduce((s, u) => s + u, 0);
	const total = () => pairs.reduce((s, pr) => s + units(pr) * pr.priceCents, 0);
	const factor = target / total();
	for (const pr of pairs) pr.priceCents = Math.max(1, Math.round(pr.priceCents * factor));
	let residual = target - total();
	const order = [...pairs].sort((a, b) => units(b) - units(a) || (a.p.participant_id < b.p.participant_id ? -1 : 1));
	for (let pass = 0; residual !== 0 && pass < 10000; pass++) {
		for (const pr of order) {
			const u = units(pr);
			if (u === 0) continue;
			let k = Math.trunc(residual / u);
			if (k === 0) continue;
			k = Math.max(-3, Math.min(3, k));
			if (pr.priceCents + k < 1) continue;
			pr.priceCents += k;
			residual -= k * u;
			if (residual === 0) break;
		}
	}
	if (residual !== 0) throw new Error(`calibrate ${label}: residual ${residual}`);
	return factor;
}

export interface CostResult {
	services: ServiceRow[];
	budgets: BudgetRow[];
	overheads: OverheadRow[];
	log: string[];
}

const GROUPS: ServiceGroup[] = ['social', 'health', 'education', 'other'];

export function makeCosts(rng: Rng, children: Participant[], adults: Participant[]): CostResult & { providers: Provider[] } {
	const reg = new ProviderRegistry();
	const factors = new Map<string, number>();
	const log: string[] = [];
	const pairs: Pair[] = [];
	const mkPair = (r: Rng, p: Participant, item: CatalogueItem, monthly: number[]): Pair => {
		const provider = chooseProvider(r, reg, item, p);
		const f = providerFactor(factors, r, provider, item);
		const priceBasis = provider.kind === 'private' ? 'market' : item.price_basis;
		return { p, item, provider, priceBasis, priceCents: Math.round(item.base_price * f * 100), monthly };
	};

	// ---------------- children ----------------
	{
		const r = rng.fork('child-services');
		const catalogue = SERVICE_CATALOGUE.filter((s) => s.cohort === 'child');
		const health = chooseMembers(r, children, CHILD_GROUP_TARGETS.health.persons);
		const notSocial = r.shuffle([...health]).slice(0, children.length - CHILD_GROUP_TARGETS.social.persons);
		const social = children.filter((c) => !notSocial.includes(c));
		const sensory = children.filter((c) => c.impairment_hearing || c.impairment_vision);
		const education = chooseMembers(r, children, CHILD_GROUP_TARGETS.education.persons, sensory);
		const other = chooseMembers(r, children, CHILD_GROUP_TARGETS.other.persons);
		const members: Record<ServiceGroup, Participant[]> = { social, health, education, other };
		for (const g of GROUPS) {
			const items = catalogue.filter((s) => s.service_group === g);
			const groupPairs: { p: Participant; item: CatalogueItem; w: number; start: number; end: number }[] = [];
			for (const p of members[g]) {
				const maxK = g === 'health' ? 4 : g === 'social' ? 2 : 2;
				const k = r.int(1, maxK);
				for (const item of pickServices(r, items, p, k)) {
					const start = r.weighted([0.6, 0.22, 0.1, 0.05, 0.03]);
					const end = r.chance(0.82) ? 11 : r.int(7, 10);
					const w = item.typical_units * Math.exp(r.normal(0, 0.45)) * ((end - start + 1) / 12);
					groupPairs.push({ p, item, w, start, end });
				}
			}
			// One one-off unit (a single session/hour/trip) per group: makes the cent calibration exact.
			const oneOffHolder = groupPairs[r.int(0, groupPairs.length - 1)];
			const target = CHILD_GROUP_TARGETS[g];
			const totals = apportion(target.units - 1, groupPairs.map((x) => x.w), 1);
			for (const [i, gp] of groupPairs.entries()) {
				const weights = CHILD_MONTHS.map((m, mi) => {
					if (mi < gp.start || mi > gp.end) return 0;
					const month = Number(m.slice(5, 7));
					let w = Math.exp(r.normal(0, 0.15));
					if (g === 'education' && (month === 7 || month === 8)) w *= 0.35;
					if (month === 12 || month === 1) w *= 0.85;
					return w;
				});
				pairs.push(mkPair(r, gp.p, gp.item, spread(totals[i], weights)));
			}
			const oneOffMonths = CHILD_MONTHS.map(() => 0);
			oneOffMonths[r.int(2, 11)] = 1;
			pairs.push(mkPair(r, oneOffHolder.p, oneOffHolder.item, oneOffMonths));
			const gpairs = pairs.filter((x) => x.p.cohort === 'child' && x.item.service_group === g);
			const f = calibrate(gpairs, target.cents, `child ${g}`);
			log.push(`children ${g}: ${gpairs.length} participant-service pairs, price calibration factor ${f.toFixed(3)}`);
		}
	}

	// ---------------- adults ----------------
	{
		const r = rng.fork('adult-services');
		const catalogue = SERVICE_CATALOGUE.filter((s) => s.cohort === 'adult');
		const served = adults.filter((a) => a.served);
		const liepaja = served.filter((a) => a.municipality_code === 'LIEPAJA_C');
		if (liepaja.length !== 10) throw new Error('Liepāja must have 10 served adults');
		const byCode = (code: string) => catalogue.find((s) => s.service_code === code)!;
		const plan = new Map<Participant, CatalogueItem[]>();
		const add = (p: Participant, code: string) => {
			const list = plan.get(p) ?? [];
			if (!list.includes(byCode(code))) list.push(byCode(code));
			plan.set(p, list);
		};
		// Liepāja as in the press releases: day centre 6, support person 6 (of 10), respite at home 3 families,
		// dietitian 1, rural social rehabilitation 1, psychologist 1; physiotherapy (incl. pool), occupational
		// therapy, Montessori, speech, music and visual art therapy.
		const L = r.shuffle([...liepaja]);
		for (const p of L.slice(0, 6)) add(p, 'A_DAY_CARE');
		for (const p of L.slice(4, 10)) add(p, 'A_SUPPORT_PERSON');
		for (const p of [L[0], L[6], L[8]]) add(p, 'A_RESPITE_HOME');
		for (const p of [L[1], L[7], L[9], L[3]]) add(p, 'A_ASSIST');
		for (const p of [L[2], L[5]]) add(p, 'A_HOME_CARE');
		add(L[3], 'A_RURAL_REHAB');
		add(L[6], 'A_DIETITIAN');
		add(L[9], 'A_SPEC_PSY');
		for (const p of [L[0], L[1], L[4], L[6], L[8]]) add(p, 'A_PHYSIO_POOL');
		for (const p of [L[2], L[3], L[7]]) add(p, 'A_PHYSIO');
		for (const p of [L[1], L[5]]) add(p, 'A_OT');
		for (const p of [L[0], L[2], L[5], L[9]]) add(p, 'A_SPEECH');
		for (const p of [L[0], L[3], L[4], L[7], L[8]]) add(p, 'A_MUSIC');
		for (const p of [L[1], L[2], L[6], L[9]]) add(p, 'A_ART');
		for (const p of [L[1], L[4], L[5], L[8]]) add(p, 'A_MONTESSORI');
		for (const p of [L[3], L[7]]) add(p, 'A_TRANSPORT');
		const inGroup = (p: Participant, g: ServiceGroup) => (plan.get(p) ?? []).some((s) => s.service_group === g);
		for (const g of GROUPS) {
			const items = catalogue.filter((s) => s.service_group === g && s.eligibility !== 'liepaja');
			const already = served.filter((p) => inGroup(p, g));
			// Liepāja's plans are fixed above; other municipalities fill the rest of the group.
			const candidates = served.filter((p) => p.municipality_code !== 'LIEPAJA_C' || inGroup(p, g));
			const members = chooseMembers(r, candidates, ADULT_GROUP_TARGETS[g].persons, already);
			for (const p of members) {
				if (p.municipality_code === 'LIEPAJA_C') {
					if (!inGroup(p, g)) throw new Error(`Liepāja person without planned ${g} service`);
					continue;
				}
				if (p.residence_type === 'c' && g === 'social') add(p, 'A_GROUP_HOME');
				const pool = items.filter((it) => it.service_code !== 'A_GROUP_HOME');
				const k = g === 'social' ? r.int(1, 3) : r.int(1, 2);
				for (const it of pickServices(r, pool, p, k)) add(p, it.service_code);
			}
		}
		// Covid-19: emergency 12 March – 10 June 2020; partial second wave Nov 2020 – Jan 2021.
		const dip: Record<string, number> = {
			'2020-03-01': 0.5, '2020-04-01': 1, '2020-05-01': 0.8, '2020-06-01': 0.35,
			'2020-11-01': 0.12, '2020-12-01': 0.22, '2021-01-01': 0.15
		};
		const adultPairsByGroup = new Map<ServiceGroup, Pair[]>();
		for (const p of served) {
			const personScale = Math.exp(Math.max(-0.6, Math.min(0.45, r.normal(0, 0.3))));
			for (const item of plan.get(p) ?? []) {
				const start = r.weighted([0.72, 0.16, 0.08, 0.04]);
				const end = r.chance(0.85) ? 14 : r.int(9, 13);
				const weights = ADULT_MONTHS.map((m, mi) => {
					if (mi < start || mi > end) return 0;
					return Math.max(0, 1 - (item.covid ?? 0) * (dip[m] ?? 0)) * Math.exp(r.normal(0, 0.15));
				});
				let monthly: number[];
				if (item.unit === 'month') {
					monthly = weights.map((w) => (w > 0 ? 1 : 0));
				} else {
					const active = weights.filter((w) => w > 0).length;
					const units = Math.max(1, Math.round(item.typical_units * personScale * Math.exp(r.normal(0, 0.35)) * (active / 12)));
					monthly = spread(units, weights);
				}
				const pr = mkPair(r, p, item, monthly);
				pairs.push(pr);
				const list = adultPairsByGroup.get(item.service_group) ?? [];
				list.push(pr);
				adultPairsByGroup.set(item.service_group, list);
			}
		}
		const oneOffs = new Set<Pair>();
		for (const g of GROUPS) {
			const list = adultPairsByGroup.get(g)!;
			const holder = list[r.int(0, list.length - 1)];
			const oneOff = ADULT_MONTHS.map(() => 0);
			oneOff[r.int(8, 13)] = 1;
			const pr = mkPair(r, holder.p, holder.item, oneOff);
			pairs.push(pr);
			list.push(pr);
			oneOffs.add(pr);
		}
		// Calibrate prices per group; anyone whose spending would exceed 95% of the indicative amount in a
		// plan period gets proportionally fewer units, then calibrate again.
		const adultPairs = pairs.filter((x) => x.p.cohort === 'adult');
		const cumulative = new Map<ServiceGroup, number>(GROUPS.map((g) => [g, 1]));
		for (let round = 0; ; round++) {
			for (const g of GROUPS) {
				const f = calibrate(adultPairsByGroup.get(g)!, ADULT_GROUP_TARGETS[g].cents, `adult ${g}`);
				cumulative.set(g, cumulative.get(g)! * f);
			}
			const factors = GROUPS.map((g) => `${g} ${cumulative.get(g)!.toFixed(3)}`);
			const over = new Set<Participant>();
			for (const p of served) {
				const mine = adultPairs.filter((x) => x.p === p);
				const spend = (from: number, to: number) => mine.reduce((s, x) => s + x.monthly.slice(from, to).reduce((a, u) => a + u, 0) * x.priceCents, 0);
				const m = adultMonthlyIndicative(p) * 100;
				if (spend(0, 12) > 0.95 * 12 * m || spend(12, 15) > 0.95 * 3 * m) over.add(p);
			}
			if (over.size === 0) {
				log.push(`adults: price calibration factors ${factors.join(', ')} (after ${round} unit reductions)`);
				break;
			}
			if (round > 30) throw new Error('adults: cannot fit spending under indicative amounts');
			for (const x of adultPairs) if (over.has(x.p) && !oneOffs.has(x)) x.monthly = x.monthly.map((u) => Math.floor(u * 0.85));
		}
	}

	// ---------------- rows ----------------
	const raw: Omit<ServiceRow, 'event_id'>[] = [];
	for (const pr of pairs) {
		const months = pr.p.cohort === 'child' ? CHILD_MONTHS : ADULT_MONTHS;
		pr.monthly.forEach((u, mi) => {
			if (u <= 0) return;
			raw.push({
				participant_id: pr.p.participant_id,
				service_code: pr.item.service_code,
				month: months[mi],
				units: u,
				unit_price_eur: pr.priceCents / 100,
				cost_eur: (u * pr.priceCents) / 100,
				provider_id: pr.provider.provider_id,
				price_basis: pr.priceBasis
			});
		});
	}
	// Merge rows that share participant, service, provider, month and price (one-off units on top of a regular service).
	const merged = new Map<string, Omit<ServiceRow, 'event_id'>>();
	for (const row of raw) {
		const key = `${row.participant_id}|${row.service_code}|${row.provider_id}|${row.month}|${row.unit_price_eur}`;
		const m = merged.get(key);
		if (m) {
			m.units += row.units;
			m.cost_eur = Math.round(m.units * row.unit_price_eur * 100) / 100;
		} else merged.set(key, { ...row });
	}
	const rows = [...merged.values()].sort((a, b) =>
		a.participant_id !== b.participant_id ? (a.participant_id < b.participant_id ? -1 : 1)
		: a.month !== b.month ? (a.month < b.month ? -1 : 1)
		: a.service_code !== b.service_code ? (a.service_code < b.service_code ? -1 : 1)
		: a.provider_id !== b.provider_id ? (a.provider_id < b.provider_id ? -1 : 1)
		: a.unit_price_eur - b.unit_price_eur
	);
	const services: ServiceRow[] = rows.map((r, i) => ({ event_id: `E${String(i + 1).padStart(6, '0')}`, ...r }));

	const budgets = makeBudgets(rng.fork('budgets'), children, adults, services);
	const overheads = makeOverheads(children, adults, services);
	return { services, budgets, overheads, providers: reg.list(), log };
}

/** Adult's indicative amount per month: basic needs by care level and residence type plus applicable supplements. */
export function adultMonthlyIndicative(a: Participant): number {
	let m = INDICATIVE_BASIC[`${a.care_level}${a.residence_type}`];
	if (a.needs_natural_support) m += SUPPLEMENT_NATURAL_SUPPORT;
	if (a.needs_minor_child) m += SUPPLEMENT_MINOR_CHILD;
	if (a.needs_mobility) m += SUPPLEMENT_MOBILITY;
	return m;
}

/** Distribute `total` integer units over items with weights, never exceeding caps. */
function distributeCapped(total: number, weights: number[], caps: number[]): number[] {
	const out = weights.map(() => 0);
	let remaining = total;
	for (let iter = 0; remaining > 0 && iter < 100; iter++) {
		const open = weights.map((w, i) => (out[i] < caps[i] ? w : 0));
		if (open.every((w) => w === 0)) throw new Error('distributeCapped: caps too small');
		const parts = apportion(remaining, open, 0);
		remaining = 0;
		for (let i = 0; i < parts.length; i++) {
			const add = Math.min(parts[i], caps[i] - out[i]);
			out[i] += add;
			remaining += parts[i] - add;
		}
	}
	if (remaining !== 0) throw new Error('distributeCapped: could not place everything');
	return out;
}

function spendCents(services: ServiceRow[], pid: string, from: string, to: string): number {
	let s = 0;
	for (const r of services) if (r.participant_id === pid && r.month >= from && r.month <= to) s += Math.round(r.cost_eur * 100);
	return s;
}

function makeBudgets(rng: Rng, children: Participant[], adults: Participant[], services: ServiceRow[]): BudgetRow[] {
	const out: BudgetRow[] = [];
	// Children: two 6-month plan periods.
	{
		const periods = [
			{ start: '2018-10-01', end: '2019-03-31', mFrom: '2018-10-01', mTo: '2019-03-01' },
			{ start: '2019-04-01', end: '2019-09-30', mFrom: '2019-04-01', mTo: '2019-09-01' }
		];
		const spend = children.map((c) => periods.map((p) => spendCents(services, c.participant_id, p.mFrom, p.mTo)));
		const base = spend.map((s) => s.map((x) => Math.ceil(x / 100)));
		const baseSum = base.flat().reduce((a, b) => a + b, 0);
		const extra = apportion(CHILD_AGREED_TOTAL_CENTS / 100 - baseSum, base.flat().map(() => 0.5 + rng.next()), 0);
		const agreed = base.map((s, i) => s.map((x, j) => x + extra[i * 2 + j]));
		const minMonthly = agreed.map((a) => Math.ceil(Math.max(...a) / 6));
		const free = CHILD_INDICATIVE_MONTHLY_SUM_EUR - minMonthly.reduce((a, b) => a + b, 0);
		if (free < 0) throw new Error(`children indicative: need ${-free} more`);
		const monthlyExtra = apportion(free, children.map(() => 0.3 + rng.next()), 0);
		children.forEach((c, i) => {
			const monthly = minMonthly[i] + monthlyExtra[i];
			periods.forEach((p, j) => {
				out.push({ participant_id: c.participant_id, period_start: p.start, period_end: p.end, months: 6, indicative_eur: monthly * 6, agreed_eur: agreed[i][j] });
			});
		});
	}
	// Adults: 12-month plan period and the 3-month Covid extension.
	{
		const served = adults.filter((a) => a.served);
		const periods = [
			{ start: '2019-11-01', end: '2020-10-31', months: 12, mFrom: '2019-11-01', mTo: '2020-10-01' },
			{ start: '2020-11-01', end: '2021-01-31', months: 3, mFrom: '2020-11-01', mTo: '2021-01-01' }
		];
		const monthlyIndicative = served.map(adultMonthlyIndicative);
		const indicative = monthlyIndicative.map((m) => periods.map((p) => m * p.months));
		const base = served.map((a) => periods.map((p) => Math.ceil(spendCents(services, a.participant_id, p.mFrom, p.mTo) / 100)));
		served.forEach((a, i) => periods.forEach((_, j) => {
			if (base[i][j] > indicative[i][j]) throw new Error(`adult ${a.participant_id} spends ${base[i][j]} > indicative ${indicative[i][j]}`);
		}));
		const baseSum = base.flat().reduce((x, y) => x + y, 0);
		const caps = base.flatMap((b, i) => b.map((x, j) => indicative[i][j] - x));
		const weights = caps.map((c) => c * (0.4 + rng.next()));
		const extra = distributeCapped(ADULT_AGREED_TOTAL_CENTS / 100 - baseSum, weights, caps);
		served.forEach((a, i) => periods.forEach((p, j) => {
			out.push({ participant_id: a.participant_id, period_start: p.start, period_end: p.end, months: p.months, indicative_eur: indicative[i][j], agreed_eur: base[i][j] + extra[i * 2 + j] });
		}));
	}
	return out;
}

function makeOverheads(children: Participant[], adults: Participant[], services: ServiceRow[]): OverheadRow[] {
	const out: OverheadRow[] = [];
	const sumCents = (cohort: Cohort) => {
		const ids = new Set((cohort === 'child' ? children : adults).map((p) => p.participant_id));
		return services.filter((s) => ids.has(s.participant_id)).reduce((a, s) => a + Math.round(s.cost_eur * 100), 0);
	};
	const count = (list: Participant[]) => {
		const m = new Map<string, number>();
		for (const p of list) m.set(p.municipality_code, (m.get(p.municipality_code) ?? 0) + 1);
		return [...m.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1));
	};
	{
		const overhead = CHILD_TOTAL_WITH_OVERHEADS_CENTS - sumCents('child');
		const perMuni = count(children);
		const assessment = perMuni.map(([, n]) => n * 150_000); // 1,500.00 EUR per child
		const admin = apportion(overhead - assessment.reduce((a, b) => a + b, 0), perMuni.map(([, n]) => n), 0);
		perMuni.forEach(([code], i) => {
			out.push({ programme: 'pilot1_children_2018', cohort: 'child', municipality_code: code, kind: 'needs_assessment', cost_eur: assessment[i] / 100 });
			out.push({ programme: 'pilot1_children_2018', cohort: 'child', municipality_code: code, kind: 'municipal_admin', cost_eur: admin[i] / 100 });
		});
	}
	{
		const overhead = ADULT_TOTAL_WITH_OVERHEADS_CENTS - sumCents('adult');
		const perMuni = count(adults.filter((a) => a.served));
		const training = perMuni.map(() => 1_030_000); // 10,300.00 EUR per municipality
		const admin = apportion(overhead - training.reduce((a, b) => a + b, 0), perMuni.map(([, n]) => n), 0);
		perMuni.forEach(([code], i) => {
			out.push({ programme: 'pilot2_adults_2019', cohort: 'adult', municipality_code: code, kind: 'training_consultation', cost_eur: training[i] / 100 });
			out.push({ programme: 'pilot2_adults_2019', cohort: 'adult', municipality_code: code, kind: 'municipal_admin', cost_eur: admin[i] / 100 });
		});
	}
	return out;
}
