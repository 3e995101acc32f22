/**
 * Apache Arrow's builders compile their null check with `new Function`
 * (apache-arrow/builder/valid.mjs), which the site's Content-Security-Policy
 * refuses (no 'unsafe-eval'): building an Arrow table of uploaded rows failed.
 * vite.config.ts puts this module in its place: the same check, no eval.
 * Arrow's switch compares with ===; a Set compares the same way except that it
 * finds NaN, which is handled as Arrow does (a null only when NaN is listed).
 * @example createIsValidFunction([null, 'N/A'])('N/A') // → false
 */
export function createIsValidFunction(nullValues?: readonly unknown[] | null): (value: unknown) => boolean {
	if (!nullValues || nullValues.length === 0) return () => true;
	const nanIsNull = nullValues.some((x) => x !== x);
	const nulls = new Set(nullValues.filter((x) => x === x));
	return (value) => !(value !== value ? nanIsNull : nulls.has(value));
}
