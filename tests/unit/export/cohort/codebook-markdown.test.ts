/**
 * Labels from the data reach the export codebook as inert Markdown: a plan
 * domain, dimension, programme or dataset name can add no link, HTML, heading,
 * code span or table cell.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { openPilotEngine, type TestEngine } from '../../../helpers/engine.ts';
import { DEFAULT_FILTERS } from '../../../../src/lib/filters/filters.ts';
import { assembleExport } from '../../../../src/lib/export/cohort/assemble.ts';
import { fetchExportData, type RawData } from '../../../../src/lib/export/cohort/query.ts';
import { codebookMarkdown } from '../../../../src/lib/export/cohort/codebook.ts';
import { defaultSettings } from '../../../../src/lib/export/cohort/settings.ts';

let db: TestEngine;
let raw: RawData;
const HOSTILE = 'x | y *b* _i_ `c` [link](http://evil.example) <img src=x onerror=alert(1)>\n# heading';

beforeAll(async () => {
	db = await openPilotEngine();
	raw = await fetchExportData(db.engine, { ...DEFAULT_FILTERS, cohort: 'child' });
}, 120_000);
afterAll(async () => {
	await db?.close();
});

describe('codebook Markdown', () => {
	it('escapes labels from the data wherever they appear', async () => {
		const hostile: RawData = {
			...raw,
			domains: raw.domains.map((d) => ({ ...d, name_en: HOSTILE })),
			dimensions: raw.dimensions.map((d) => ({ ...d, name_en: HOSTILE, dimension_code: 'd`1|x' })),
			programmes: raw.programmes.map((p) => ({ ...p, programme: '*p*|[x](y)' }))
		};
		const settings = defaultSettings({ ...DEFAULT_FILTERS, cohort: 'child' });
		const result = await assembleExport(hostile, settings, 'k'.repeat(64));
		const md = codebookMarkdown(result, { softwareVersion: '1', datasetName: 'Data <script>alert(1)</script> | *x*' });
		expect(md).toContain('Dataset: Data \\<script\\>alert(1)\\</script\\> \\| \\*x\\*.');
		expect(md).not.toMatch(/(^|[^\\])<img/);
		expect(md).not.toMatch(/(^|[^\\])\[link\]/);
		expect(md).not.toMatch(/^# heading/m);
		expect(md).not.toContain('`d`1');
		expect(md).toContain("`d'1\\|x`");
		expect(md).toContain('\\*p\\*\\|\\[x\\](y)');
		// Every table row keeps its four cells: no unescaped | from the data.
		for (const line of md.split('\n').filter((l) => l.startsWith('| `'))) {
			expect(line.replace(/\\\|/g, '').split('|').length, line).toBe(6);
		}
	});
});
