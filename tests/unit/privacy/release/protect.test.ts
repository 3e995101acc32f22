import { describe, expect, it } from 'vitest';
import { Bitset } from '../../../../src/lib/privacy/release/bitset';
import { protect } from '../../../../src/lib/privacy/release/protect';
import { audit } from '../../../../src/lib/privacy/release/audit';

const set = (size: number, from: number, to: number) => Bitset.of(size, Array.from({ length: to - from }, (_, i) => from + i));

describe('Bitset', () => {
	it('counts, intersects and tests inclusion across word boundaries', () => {
		const a = Bitset.of(70, [0, 31, 32, 69]);
		const b = Bitset.full(70);
		expect(a.count()).toBe(4);
		expect(b.count()).toBe(70);
		expect(a.subsetOf(b)).toBe(true);
		expect(b.subsetOf(a)).toBe(false);
		expect(b.andNot(a).count()).toBe(66);
		expect([...a.members()]).toEqual([0, 31, 32, 69]);
		expect(() => a.add(70)).toThrow(RangeError);
	});
});

describe('protect', () => {
	it('hides a small part and the next smallest part of its total (the worked example)', () => {
		const r = set(12, 0, 12);
		const a = set(12, 0, 9);
		const b = set(12, 9, 12);
		const out = protect(
			[{ members: r, row: 'n' }, { members: a, row: 'n' }, { members: b, row: 'n' }],
			[{ total: 0, parts: [1, 2] }],
			{ min: 5 }
		);
		expect(out.map((c) => c.reason)).toEqual([null, 'secondary', 'primary']);
	});

	it('hides the smaller of two nested cells that differ by 1–4 people, and keeps the larger', () => {
		const big = set(20, 0, 20);
		const small = set(20, 0, 17);
		const out = protect([{ members: big, row: 'n' }, { members: small, row: 'n' }], [], { min: 5 });
		expect(out.map((c) => c.reason)).toEqual([null, 'secondary']);
	});

	it('does not compare different rows, and lets nested cells 5 or more apart stand', () => {
		const out = protect(
			[
				{ members: set(20, 0, 20), row: 'a' },
				{ members: set(20, 0, 17), row: 'b' },
				{ members: set(20, 0, 15), row: 'a' }
			],
			[],
			{ min: 5 }
		);
		expect(out.map((c) => c.reason)).toEqual([null, null, null]);
	});

	it('protects two hidden parts whose union is still under min (3 = 1 + 2)', () => {
		// total 13 = 10 + 1 + 2: hiding 1 and 2 leaves 13 − 10 = 3 people: hide 10 too.
		const out = protect(
			[
				{ members: set(13, 0, 13), row: 'n' },
				{ members: set(13, 0, 10), row: 'n' },
				{ members: set(13, 10, 11), row: 'n' },
				{ members: set(13, 11, 13), row: 'n' }
			],
			[{ total: 0, parts: [1, 2, 3] }],
			{ min: 5 }
		);
		expect(out.map((c) => c.reason)).toEqual([null, 'secondary', 'primary', 'primary']);
	});

	it('shows zeros unless asked to hide them; refuses a threshold below 1', () => {
		const empty = new Bitset(4);
		expect(protect([{ members: empty, row: 'n' }], [], { min: 5 })[0].reason).toBeNull();
		expect(protect([{ members: empty, row: 'n' }], [], { min: 5, hideZeros: true })[0].reason).toBe('primary');
		expect(() => protect([], [], { min: 0 })).toThrow(RangeError);
	});

	it('leaves nothing for the attacker on random nested tables', () => {
		// 200 random tables: a total of 40 people split into 6 parts, each part split by sex.
		let seed = 7;
		const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
		for (let t = 0; t < 200; t++) {
			const size = 40;
			const part = Array.from({ length: size }, () => Math.floor(rnd() * 6));
			const sex = Array.from({ length: size }, () => (rnd() < 0.5 ? 0 : 1));
			const cells: { members: Bitset; row: string }[] = [{ members: Bitset.full(size), row: 'n' }];
			const constraints: { total: number; parts: number[] }[] = [];
			const parts: number[] = [];
			const bySex: number[][] = [[], []];
			for (let p = 0; p < 6; p++) {
				parts.push(cells.push({ members: Bitset.of(size, part.flatMap((v, i) => (v === p ? [i] : []))), row: 'n' }) - 1);
				const s0 = cells.push({ members: Bitset.of(size, part.flatMap((v, i) => (v === p && sex[i] === 0 ? [i] : []))), row: 'n' }) - 1;
				const s1 = cells.push({ members: Bitset.of(size, part.flatMap((v, i) => (v === p && sex[i] === 1 ? [i] : []))), row: 'n' }) - 1;
				constraints.push({ total: parts[p], parts: [s0, s1] });
				bySex[0].push(s0);
				bySex[1].push(s1);
			}
			const f = cells.push({ members: Bitset.of(size, sex.flatMap((v, i) => (v === 0 ? [i] : []))), row: 'n' }) - 1;
			const m = cells.push({ members: Bitset.of(size, sex.flatMap((v, i) => (v === 1 ? [i] : []))), row: 'n' }) - 1;
			constraints.push({ total: 0, parts }, { total: 0, parts: [f, m] }, { total: f, parts: bySex[0] }, { total: m, parts: bySex[1] });
			const out = protect(cells, constraints, { min: 5, hideZeros: true });
			const found = audit(
				cells.map((c, i) => ({ key: String(i), row: c.row, members: c.members, shown: out[i].reason === null })),
				constraints,
				5
			);
			expect(found).toEqual([]);
			expect(out[0].reason).toBeNull();
		}
	});
});
