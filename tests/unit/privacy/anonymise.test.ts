import { describe, it, expect } from 'vitest';
import { generateKey, keyProblem, pseudonymise, pseudonymiser, sha256Hex } from '../../../src/lib/privacy/anonymise/pseudonym.ts';
import { ANY, ageBand, monthsSince, regionOf, toMonth, toQuarter } from '../../../src/lib/privacy/anonymise/generalise.ts';
import {
	achieveKAnonymity,
	equivalenceClasses,
	smallestClass,
	violating,
	type QuasiIdentifier
} from '../../../src/lib/privacy/anonymise/kAnonymity.ts';
import { distinctLDiversity, lDiverseViolations } from '../../../src/lib/privacy/anonymise/lDiversity.ts';
import { informationLoss } from '../../../src/lib/privacy/anonymise/informationLoss.ts';
import { createHmac } from 'node:crypto';

const KEY = '0123456789abcdef0123456789abcdef';

describe('pseudonyms (HMAC-SHA-256 via WebCrypto)', () => {
	it('same key and id → same pseudonym; different key → different; equals an independent HMAC', async () => {
		const a = await pseudonymiser(KEY);
		const b = await pseudonymiser(KEY);
		const other = await pseudonymiser(KEY + 'x');
		expect(await a('C001')).toBe(await b('C001'));
		expect(await a('C001')).toMatch(/^[0-9a-f]{16}$/);
		expect(await a('C001')).not.toBe(await a('C002'));
		expect(await a('C001')).not.toBe(await other('C001'));
		// Node's own HMAC agrees (the key is the UTF-8 text of the key).
		expect(await a('C001')).toBe(createHmac('sha256', KEY).update('C001').digest('hex').slice(0, 16));
	});

	it('maps many ids, without two ids sharing a pseudonym', async () => {
		const ids = Array.from({ length: 500 }, (_, i) => `P${i}`);
		const m = await pseudonymise(KEY, [...ids, 'P1']);
		expect(m.size).toBe(500);
		expect(new Set(m.values()).size).toBe(500);
		const m2 = await pseudonymise(generateKey(), ids);
		expect(ids.filter((id) => m.get(id) === m2.get(id))).toEqual([]);
	});

	it('refuses empty and short keys; generated keys are 64 hex characters and differ', async () => {
		expect(keyProblem('')).toBe('empty');
		expect(keyProblem('short')).toBe('too_short');
		expect(keyProblem(KEY)).toBeNull();
		await expect(pseudonymiser('short')).rejects.toThrow(/too_short/);
		const k1 = generateKey();
		expect(k1).toMatch(/^[0-9a-f]{64}$/);
		expect(generateKey()).not.toBe(k1);
	});

	it('sha256Hex matches the FIPS 180-2 example', async () => {
		expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
	});
});

describe('generalisation', () => {
	it('age to the cohort bands of the filters', () => {
		expect(ageBand(0, 'child')).toBe('0-6');
		expect(ageBand(6, 'child')).toBe('0-6');
		expect(ageBand(7, 'child')).toBe('7-12');
		expect(ageBand(17, 'child')).toBe('13-17');
		expect(ageBand(18, 'adult')).toBe('18-29');
		expect(ageBand(44, 'adult')).toBe('30-44');
		expect(ageBand(64, 'adult')).toBe('45-64');
		expect(ageBand(80, 'adult')).toBe('65+');
		expect(ageBand(30, 'child')).toBe(ANY);
	});
	it('municipality to planning region', () => {
		const m = new Map([['LIEPAJA_C', 'Kurzeme'], ['OGRE_N', 'Rīga']]);
		expect(regionOf('OGRE_N', m)).toBe('Rīga');
		expect(regionOf('NOWHERE_N', m)).toBe(ANY);
	});
	it('dates to month, quarter and whole months since enrolment', () => {
		expect(toMonth('2019-09-17')).toBe('2019-09');
		expect(toMonth(null)).toBeNull();
		expect(toQuarter('2019-09-17')).toBe('2019-Q3');
		expect(toQuarter('2019-10-01')).toBe('2019-Q4');
		expect(monthsSince('2018-09-15', '2019-09-14')).toBe(11);
		expect(monthsSince('2018-09-15', '2019-09-15')).toBe(12);
		expect(monthsSince('2018-08-31', '2018-09-30')).toBe(0);
		expect(monthsSince('2018-09-15', '2018-09-15')).toBe(0);
		expect(monthsSince('2018-09-15', '2018-07-20')).toBe(-1);
		expect(monthsSince('2018-09-15', null)).toBeNull();
	});
});

type P = { sex: string; band: string };
const sex: QuasiIdentifier<P> = { name: 'sex', maxLevel: 1, value: (r, l) => (l ? ANY : r.sex) };
const band: QuasiIdentifier<P> = { name: 'band', maxLevel: 1, value: (r, l) => (l ? ANY : r.band) };
// 6 people; by hand: sex × band classes F/0-6 ×2, F/7-12 ×2, M/0-6 ×1, M/7-12 ×1.
const six: P[] = [
	{ sex: 'F', band: '0-6' },
	{ sex: 'F', band: '0-6' },
	{ sex: 'F', band: '7-12' },
	{ sex: 'M', band: '0-6' },
	{ sex: 'M', band: '7-12' },
	{ sex: 'F', band: '7-12' }
];

describe('k-anonymity', () => {
	it('equivalence classes, smallest class and violating records', () => {
		const c = equivalenceClasses(six, [sex, band], [0, 0]);
		expect([...c.values()]).toEqual([[0, 1], [2, 5], [3], [4]]);
		expect(smallestClass(c)).toBe(1);
		expect(violating(c, 2)).toEqual([3, 4]);
		expect(smallestClass(new Map())).toBe(0);
	});

	it('k = 2, no suppression: generalises the QI that removes most violations, then stops', () => {
		// sex → *: 0-6 ×3, 7-12 ×3; band → *: F ×4, M ×2 — both leave 0 violations; tie → first in order (sex)
		const r = achieveKAnonymity(six, [sex, band], [0, 0], { k: 2, maxSuppressedShare: 0 });
		expect(r.levels).toEqual([1, 0]);
		expect(r.steps).toEqual([{ qi: 'sex', level: 1, violating: 0 }]);
		expect(r.suppressed).toEqual([]);
		expect(r.smallestClass).toBe(3);
	});

	it('k = 3: with 1/3 suppression allowed the two men go after generalising band; without, everything is generalised', () => {
		const some = achieveKAnonymity(six, [sex, band], [0, 0], { k: 3, maxSuppressedShare: 0.34 });
		// Step 1: sex → * gives classes 0-6 ×3, 7-12 ×3 — no violations at all, so sex is generalised.
		expect(some.levels).toEqual([1, 0]);
		expect(some.suppressed).toEqual([]);
		const k4 = achieveKAnonymity(six, [sex, band], [0, 0], { k: 4, maxSuppressedShare: 0.34 });
		// sex → *: 3+3 all violate (6); band → *: F ×4 ok, M ×2 violate (2 ≤ floor(0.34·6) = 2) → suppress the men.
		expect(k4.levels).toEqual([0, 1]);
		expect(k4.suppressed).toEqual([3, 4]);
		expect(k4.kept).toEqual([0, 1, 2, 5]);
		expect(k4.smallestClass).toBe(4);
		const none = achieveKAnonymity(six, [sex, band], [0, 0], { k: 4, maxSuppressedShare: 0 });
		expect(none.levels).toEqual([1, 1]);
		expect(none.suppressed).toEqual([]);
		expect(none.smallestClass).toBe(6);
	});

	it('only suppresses when generalisation is off, and suppresses everyone when k exceeds the records', () => {
		const r = achieveKAnonymity(six, [sex, band], [0, 0], { k: 2, maxSuppressedShare: 0, generalise: false });
		expect(r.levels).toEqual([0, 0]);
		expect(r.suppressed).toEqual([3, 4]);
		const all = achieveKAnonymity(six, [sex, band], [0, 0], { k: 7, maxSuppressedShare: 0 });
		expect(all.levels).toEqual([1, 1]);
		expect(all.kept).toEqual([]);
		expect(all.smallestClass).toBe(0);
		expect(() => achieveKAnonymity(six, [sex], [0], { k: 0, maxSuppressedShare: 0 })).toThrow();
	});
});

describe('l-diversity (distinct)', () => {
	it('counts distinct sensitive values per class, null as its own value', () => {
		const classes = new Map([
			['a', [0, 1, 2]],
			['b', [3, 4]]
		]);
		const s = ['needy', 'none', 'none', 'none', null];
		const r = distinctLDiversity(classes, (i) => s[i]);
		expect(r.l).toBe(2);
		expect(r.classes).toEqual([
			{ key: 'a', size: 3, distinct: 2 },
			{ key: 'b', size: 2, distinct: 2 }
		]);
		const t = ['none', 'none', 'none', 'needy', 'needy'];
		expect(distinctLDiversity(classes, (i) => t[i]).l).toBe(1);
		expect(lDiverseViolations(classes, (i) => t[i], 2)).toEqual([0, 1, 2, 3, 4]);
		expect(lDiverseViolations(classes, (i) => s[i], 2)).toEqual([]);
		expect(distinctLDiversity(new Map(), () => null).l).toBe(0);
	});
});

describe('information loss', () => {
	it('suppressed share, generalisation height, discernibility and average class size (worked by hand)', () => {
		const r = informationLoss({ records: 10, suppressed: 2, levels: [1, 0], maxLevels: [2, 1], classSizes: [5, 3], k: 3 });
		expect(r.suppressedRecords).toBe(2);
		expect(r.suppressedShare).toBe(0.2);
		expect(r.heights).toEqual([0.5, 0]);
		expect(r.generalisationHeight).toBe(0.25);
		expect(r.discernibility).toBe(25 + 9 + 20);
		expect(r.averageClassSize).toBeCloseTo(8 / 6, 12);
		expect(informationLoss({ records: 0, suppressed: 0, levels: [], maxLevels: [], classSizes: [], k: 5 })).toMatchObject({
			suppressedShare: 0,
			generalisationHeight: 0,
			averageClassSize: null
		});
	});
});
