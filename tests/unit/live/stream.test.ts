import { describe, expect, it } from 'vitest';
import { CsvStreamParser, Utf8ChunkDecoder } from '../../../src/lib/live/csv.ts';
import { checkCsv } from '../../../src/lib/live/check.ts';
import { referenceContext, TODAY } from './helpers.ts';

const ROWS = 1_000_000;
const HEADER = 'Ieraksta identifikators;Dalībnieks;Pakalpojums;Mēnesis;Apjoms (vienības);Vienības cena, EUR;Izmaksas, EUR;Pakalpojuma sniedzējs;Cenas noteikšanas veids\r\n';

/** Generated CSV bytes, ~64 KiB per chunk, never held whole (about 67 MB in total). */
function* generate(rows: number): Generator<Uint8Array> {
	const enc = new TextEncoder();
	yield enc.encode('\uFEFF' + HEADER);
	let buf = '';
	for (let i = 1; i <= rows; i++) {
		// quoted field with the separator and a doubled quote in every 10th row, decimal commas everywhere
		const note = i % 10 === 0 ? '"Pakalpojums; ""mājās"""' : 'C_PSYCH';
		buf += `E${i};C${String(i % 1000).padStart(4, '0')};${note};2019-0${1 + (i % 9)}-01;${i % 50},5;12,25;1 234,56;P01;market\r\n`;
		if (buf.length > 65_000) {
			yield enc.encode(buf);
			buf = '';
		}
	}
	if (buf) yield enc.encode(buf);
}

describe('streaming a 1,000,000-row CSV', () => {
	it('parses every row in chunks with bounded memory', () => {
		const dec = new Utf8ChunkDecoder();
		const parser = new CsvStreamParser();
		let records = 0;
		let lastRow = 0;
		let bytes = 0;
		let quoted = 0;
		const before = process.memoryUsage().heapUsed;
		let peak = 0;
		let chunks = 0;
		for (const chunk of generate(ROWS)) {
			bytes += chunk.length;
			for (const r of parser.feed(dec.decode(chunk))) {
				records++;
				lastRow = r.row;
				if (r.fields.length !== 9) throw new Error(`row ${r.row}: ${r.fields.length} fields`);
				if (r.fields[2] === 'Pakalpojums; "mājās"') quoted++;
			}
			if (++chunks % 100 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed - before);
		}
		for (const r of parser.feed(dec.decode(new Uint8Array(0), true))) lastRow = r.row, records++;
		for (const r of parser.end()) lastRow = r.row, records++;

		expect(parser.takeIssues()).toEqual([]);
		expect(dec.takeIssues()).toEqual([]);
		expect(parser.delimiter).toBe(';');
		expect(records).toBe(ROWS + 1); // + header
		expect(lastRow).toBe(ROWS + 1);
		expect(quoted).toBe(ROWS / 10);
		expect(bytes).toBeGreaterThan(60_000_000); // ~67 MB of CSV
		// Holding the text (≥ 160 MB as UTF-16) or the records would blow far past this; garbage between GCs stays well under.
		expect(peak).toBeLessThan(150_000_000);
		// eslint-disable-next-line no-console
		console.log(`1M rows, ${(bytes / 1e6).toFixed(0)} MB of CSV: peak heap growth ${(peak / 1e6).toFixed(0)} MB`);
	}, 120_000);

	it('the full check streams accepted rows out in batches (onAccepted) for a 50,000-row file', async () => {
		const ctx = await referenceContext();
		let accepted = 0;
		let batches = 0;
		async function* source() {
			const enc = new TextEncoder();
			yield enc.encode(HEADER);
			for (let b = 0; b < 50; b++) {
				let s = '';
				for (let i = b * 1000 + 1; i <= (b + 1) * 1000; i++) s += `S${i};C001;C_PSYCH;2018-10-01;2;12,5;25;P01;market\r\n`;
				yield enc.encode(s);
			}
		}
		const r = await checkCsv('big.csv', source(), ctx, {
			today: TODAY,
			batchSize: 5000,
			onAccepted: (rows) => {
				accepted += rows.length;
				batches++;
			}
		});
		expect(r.problems).toEqual([]);
		expect(r.stats.accepted).toBe(50_000);
		expect(accepted).toBe(50_000);
		expect(batches).toBe(10);
		expect(r.accepted).toEqual([]);
	}, 120_000);
});
