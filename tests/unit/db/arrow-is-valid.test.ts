/** The eval-free null check put in place of Apache Arrow's (vite.config.ts) answers as Arrow's does. */
import { describe, it, expect } from 'vitest';
import { createIsValidFunction } from '../../../src/lib/db/arrow-is-valid';
// @ts-expect-error: Arrow's own module (no types of its own), the reference
import { createIsValidFunction as arrows } from '../../../node_modules/apache-arrow/builder/valid.mjs';

describe('createIsValidFunction', () => {
	it('matches Arrow’s for every list of null values and every value', () => {
		const lists = [undefined, [], [null], [null, undefined], [null, 'N/A'], [NaN], [null, NaN, 0], ['', -1], [1n]];
		const values = [null, undefined, 'N/A', '', 'x', 0, -0, 1, -1, NaN, 1n, false, true];
		for (const list of lists) {
			const ours = createIsValidFunction(list as unknown[] | undefined);
			const ref = (arrows as (l?: unknown[]) => (v: unknown) => boolean)(list as unknown[] | undefined);
			for (const v of values) expect(ours(v), `${String(list)} / ${String(v)}`).toBe(ref(v));
		}
	});
});
