/** Left margin wide enough for the longest axis label (about 6 px per character at Plot's 10 px font). */
export function labelMargin(labels: string[], min = 120, max = 440): number {
	return Math.max(min, Math.min(max, 20 + 6 * Math.max(0, ...labels.map((l) => l.length))));
}
