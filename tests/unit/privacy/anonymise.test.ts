import { describe, it, expect } from 'vitest';
import { generateKey, keyProblem, pseudonymise, pseudonymiser, sha256Hex } from '../../../src/lib/privacy/anonymise/pseudonym.ts';
import { ANY, ageBand, monthBand, monthsSince, regionOf, roundAmount, roundSignificant, toMonth, toQuarter } from '../../../src/lib/privacy/anonymise/generalise.ts';
import { aboveCap, prosecutorRisk, riskSummary } from '../../../src/lib/privacy/anonymise/risk.ts';
import {
	achieveKAnonymity,
	discernibility,
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

describe('k-anonymity (top-down specialisation)', () => {
	it('equivalence classes, smallest class, violating records and discernibility', () => {
		const c = equivalenceClasses(six, [sex, band], [0, 0]);
		expect([...c.values()]).toEqual([[0, 1], [2, 5], [3], [4]]);
		expect(smallestClass(c)).toBe(1);
		expect(violating(c, 2)).toEqual([3, 4]);
		expect(smallestClass(new Map())).toBe(0);
		// k = 2: classes of 2 and 2 count |E|², the two singletons 1 × 6 records each
		expect(discernibility(c, 2, 6)).toBe(4 + 4 + 6 + 6);
	});

	it('k = 3, nothing suppressed: band is specialised (3 + 3), sex then no longer fits', () => {
		// From [*, *]: sex → F ×4 / M ×2 leaves 2 in a small class (inadmissible); band → 0-6 ×3 / 7-12 ×3 is fine.
		const r = achieveKAnonymity(six, [sex, band], { k: 3, maxSuppressedShare: 0 });
		expect(r.levels).toEqual([1, 0]);
		expect(r.steps).toEqual([{ qi: 'band', level: 0, violating: 0 }]);
		expect(r.suppressed).toEqual([]);
		expect(r.smallestClass).toBe(3);
	});

	it('k = 2: both QIs down to the detail, with the two singletons suppressed when a third may go', () => {
		// Allowed floor(0.34 × 6) = 2. From [*, *]: band (DM 36 → 18) beats sex (16 + 2 × 6 = 28 → gain 8 vs 18).
		// Then sex: F/0-6 ×2, F/7-12 ×2, M ×1, M ×1 → 2 violating ≤ 2: admissible.
		const r = achieveKAnonymity(six, [sex, band], { k: 2, maxSuppressedShare: 0.34 });
		expect(r.levels).toEqual([0, 0]);
		expect(r.steps.map((s) => s.qi)).toEqual(['band', 'sex']);
		expect(r.suppressed).toEqual([3, 4]);
		expect(r.kept).toEqual([0, 1, 2, 5]);
		expect(r.smallestClass).toBe(2);
		// Without the allowance the men cannot be split off: sex stays at *.
		expect(achieveKAnonymity(six, [sex, band], { k: 2, maxSuppressedShare: 0 }).levels).toEqual([1, 0]);
	});

	it('weights decide between equally admissible steps; finest levels stop the search', () => {
		// k = 2, nothing suppressed: sex alone (F ×4, M ×2) and band alone (3 + 3) are both admissible; band wins on
		// discernibility (18 < 20), but a weight of 3 on sex makes sex the first step (gain 16 × 3 > 18).
		expect(achieveKAnonymity(six, [sex, band], { k: 2, maxSuppressedShare: 0, weights: [3, 1] }).steps[0].qi).toBe('sex');
		const capped = achieveKAnonymity(six, [sex, band], { k: 2, maxSuppressedShare: 0.34, finest: [1, 0] });
		expect(capped.levels).toEqual([1, 0]);
	});

	it('only suppresses when generalisation is off, and suppresses everyone when k exceeds the records', () => {
		const r = achieveKAnonymity(six, [sex, band], { k: 2, maxSuppressedShare: 0, generalise: false });
		expect(r.levels).toEqual([0, 0]);
		expect(r.suppressed).toEqual([3, 4]);
		expect(r.steps).toEqual([]);
		const all = achieveKAnonymity(six, [sex, band], { k: 7, maxSuppressedShare: 0 });
		expect(all.levels).toEqual([1, 1]);
		expect(all.kept).toEqual([]);
		expect(all.smallestClass).toBe(0);
		expect(() => achieveKAnonymity(six, [sex], { k: 0, maxSuppressedShare: 0 })).toThrow();
	});
});

describe('re-identification risk (prosecutor)', () => {
	it('1 / class size per record; max, mean and records above the cap', () => {
		expect(prosecutorRisk(4)).toBe(0.25);
		expect(prosecutorRisk(0)).toBe(0);
		expect(aboveCap(5, 0.2)).toBe(false);
		expect(aboveCap(4, 0.2)).toBe(true);
		// Classes 2, 5, 5: 12 records; risks 1/2 ×2 and 1/5 ×10; mean = 3 classes / 12 records.
		expect(riskSummary([2, 5, 5], 0.2)).toEqual({ records: 12, max: 0.5, mean: 0.25, aboveCap: 2, cap: 0.2 });
		expect(riskSummary([], 0.2)).toEqual({ records: 0, max: 0, mean: 0, aboveCap: 0, cap: 0.2 });
	});
});

describe('rounding and banding of outcomes', () => {
	it('amounts to the nearest step, a paid amount never to 0; exact to the cent with step 0', () => {
		expect(roundAmount(1234.56, 100)).toBe(1200);
		expect(roundAmount(1250, 100)).toBe(1300);
		expect(roundAmount(30, 100)).toBe(100);
		expect(roundAmount(0, 100)).toBe(0);
		expect(roundAmount(1234.56, 500)).toBe(1000);
		expect(roundAmount(1234.567, 0)).toBe(1234.57);
	});
	it('units to significant digits; months to bands', () => {
		expect(roundSignificant(2282, 2)).toBe(2300);
		expect(roundSignificant(76, 2)).toBe(76);
		expect(roundSignificant(2.5, 2)).toBe(2.5);
		expect(roundSignificant(0.123, 2)).toBe(0.12);
		expect(roundSignificant(0, 2)).toBe(0);
		expect(monthBand(13, 6)).toBe('12-17');
		expect(monthBand(0, 6)).toBe('0-5');
		expect(monthBand(18, 6)).toBe('18-23');
		expect(monthBand(null, 6)).toBeNull();
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
