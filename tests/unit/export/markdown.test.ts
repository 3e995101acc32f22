/** Data values in the export codebook are inert Markdown. */
import { describe, it, expect } from 'vitest';
import { escapeMarkdown, codeSpan } from '../../../src/lib/export/markdown';

describe('escapeMarkdown and codeSpan', () => {
	it('escapes every character Markdown could act on, and joins lines', () => {
		expect(escapeMarkdown('a|b *c* _d_ `e` [x](http://evil) <img src=x> # h')).toBe(
			'a\\|b \\*c\\* \\_d\\_ \\`e\\` \\[x\\](http://evil) \\<img src=x\\> \\# h'
		);
		expect(escapeMarkdown('line 1\n# line 2\r\n| cell')).toBe('line 1 \\# line 2 \\| cell');
		expect(escapeMarkdown('![img](x)')).toBe('\\!\\[img\\](x)');
		expect(escapeMarkdown('Rīga 2024')).toBe('Rīga 2024');
		expect(escapeMarkdown(12)).toBe('12');
	});

	it('keeps a code span closed and inside its table cell', () => {
		expect(codeSpan('d1')).toBe('`d1`');
		expect(codeSpan('a`b|c\nd')).toBe("`a'b\\|c d`");
	});
});
