/**
 * The one rule for text that a spreadsheet could run as a formula, used by
 * every CSV and XLSX writer (export/csv.ts, export/xlsx-write.ts, and through
 * them the live-data errors CSV).
 *
 * Rule: in a TEXT cell, an apostrophe is put before a formula start
 *   - `=` or `@` — always;
 *   - `+` or `-` — unless all that follows up to the next `;` `|` tab or line
 *     break is a plain number (`-12,5`, `+3.5`, `-4%`), so negative figures in
 *     text stay legible (anything else after it, e.g. `-2+3+cmd|…`, is neutralised);
 *   - tab or CR — at the very start of the cell;
 * found at the start of the cell (after any leading spaces) or right after any
 * character an importer may split a cell on (`,` `;` `|` tab CR LF). So
 * `a;=cmd`, `x,=1+1` and a second line starting `=` are all neutralised, in
 * case the file is re-imported with another separator or line splitting;
 * prose such as `=, +, -` (a space after each comma) is left alone.
 * Numbers are never touched: they are written as numbers, not text.
 * @example neutraliseFormulas('=HYPERLINK("x")') // → "'=HYPERLINK(\"x\")"
 * @example neutraliseFormulas('Rīga;=cmd|x') // → "Rīga;'=cmd|x"
 * @example neutraliseFormulas('-12,5') // → '-12,5'
 */
export function neutraliseFormulas(text: string): string {
	let out = '';
	// At the start of the cell (leading spaces skipped: an importer may trim them) or right after a separator.
	let atCellStart = true;
	let leading = true;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (atCellStart && formulaStartsAt(text, i)) out += "'";
		out += c;
		leading &&= c === ' ';
		atCellStart = leading || SEPARATORS.has(c);
	}
	return out;
}

/** Where an importer may start a new cell or record. */
const SEPARATORS = new Set([',', ';', '|', '\t', '\r', '\n']);
const PLAIN_NUMBER = /^[+-]\d+(?:[.,]\d+)*%?$/;

function formulaStartsAt(text: string, i: number): boolean {
	const c = text[i];
	if (c === '=' || c === '@') return true;
	if (c === '\t' || c === '\r') return i === 0;
	if (c !== '+' && c !== '-') return false;
	// A number up to the next separator (a comma may be its decimal comma) is no formula.
	const segment = /^[^;|\t\r\n]*/.exec(text.slice(i))![0].trimEnd();
	return !PLAIN_NUMBER.test(segment);
}
