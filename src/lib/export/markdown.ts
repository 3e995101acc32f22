/**
 * Markdown for values that come from data (labels, names, codes) in the
 * export codebook: nothing in a value can become a link, an image, HTML,
 * emphasis, a heading, a code span or a new table cell or line.
 */

/**
 * A data value as inert Markdown text: every character Markdown could act on
 * is backslash-escaped and line breaks become spaces.
 * @example escapeMarkdown('a|b *c* [x](y) <b>#') // → 'a\\|b \\*c\\* \\[x\\](y) \\<b\\>\\#'
 */
export function escapeMarkdown(value: string | number): string {
	return String(value)
		.replace(/[\r\n]+/g, ' ')
		.replace(/[\\`*_[\]<>#|~!]/g, (c) => `\\${c}`);
}

/**
 * A data value as a code span: backticks (which would end it) and line breaks
 * removed, `|` escaped (GFM splits table cells on it even inside code).
 * @example codeSpan('a`b|c') // → '`a\'b\\|c`'
 */
export function codeSpan(value: string | number): string {
	return `\`${String(value).replace(/[\r\n]+/g, ' ').replace(/`/g, "'").replace(/\|/g, '\\|')}\``;
}
