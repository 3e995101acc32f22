import { describe, expect, it } from 'vitest';
import { detectTable, findHeaderRow, headerAliases, mapHeaders, normalizeHeader } from '../../../src/lib/live/mapping.ts';

describe('header mapping', () => {
	it('normalizes case, spaces, punctuation and Latvian diacritics', () => {
		expect(normalizeHeader('  Dalībnieka ID ')).toBe('dalibnieka_id');
		expect(normalizeHeader('Izmaksas, EUR')).toBe('izmaksas_eur');
		expect(normalizeHeader('participant-id')).toBe('participant_id');
	});

	it('accepts names, Latvian labels and common variants', () => {
		for (const h of ['participant_id', 'Participant ID', 'participant id', 'PARTICIPANT-ID', 'Dalībnieka ID', 'Dalībnieks', ' dalibnieks ']) {
			expect(mapHeaders('employment', [h, 'wave', 'recorded_on', 'status']).columns[0]).toBe('participant_id');
		}
		const m = mapHeaders('services', ['Ieraksta identifikators', 'Dalībnieks', 'Pakalpojums', 'Mēnesis', 'Apjoms', 'Vienības cena, EUR', 'Izmaksas, EUR', 'Sniedzējs', 'Cenas noteikšanas veids']);
		expect(m.columns).toEqual(['event_id', 'participant_id', 'service_code', 'month', 'units', 'unit_price_eur', 'cost_eur', 'provider_id', 'price_basis']);
		expect(m.missingRequired).toEqual([]);
	});

	it('drops spellings that would be ambiguous within a table ("id" in services)', () => {
		expect(headerAliases('services').has('id')).toBe(false);
		expect(headerAliases('participants').get('id')).toBe('participant_id');
	});

	it('reports unmapped headers, missing required and optional columns, duplicates', () => {
		const m = mapHeaders('employment', ['Participant ID', 'Wave', 'participant_id', 'note', '']);
		expect(m).toEqual({
			columns: ['participant_id', 'wave', 'participant_id', null, null],
			unmapped: [{ index: 3, header: 'note' }],
			missingRequired: ['recorded_on', 'status'],
			missingOptional: [],
			duplicates: [{ column: 'participant_id', positions: [1, 3] }]
		});
	});

	it('an explicit mapping wins (by header as written or normalized; null ignores a column)', () => {
		const m = mapHeaders('employment', ['Persona', 'Kārta', 'Datums', 'Statuss', 'Dalībnieks'], {
			Persona: 'participant_id',
			karta: 'wave',
			Datums: 'recorded_on',
			Statuss: 'status',
			Dalībnieks: null
		});
		expect(m.columns).toEqual(['participant_id', 'wave', 'recorded_on', 'status', null]);
		expect(m.duplicates).toEqual([]);
	});
});

describe('table detection', () => {
	it('ranks by header overlap, with a bonus for the file or sheet name', () => {
		const h = ['participant_id', 'period_start', 'period_end', 'months', 'indicative_eur', 'agreed_eur'];
		expect(detectTable('upload.csv', h)[0].table).toBe('budgets');
		expect(detectTable('Talsi_employment_2020.csv', ['participant_id', 'wave'])[0]).toMatchObject({ table: 'employment', nameMatch: true });
		expect(detectTable('plan_goals.csv', ['participant_id'])[0].table).toBe('plan_goals');
		expect(detectTable('x.csv', ['foo', 'bar'])).toEqual([]);
	});

	it('Latvian headers of the services report', () => {
		const g = detectTable('Rīga 2024-03.csv', ['Ieraksta identifikators', 'Dalībnieks', 'Pakalpojums', 'Mēnesis', 'Izmaksas, EUR']);
		expect(g[0].table).toBe('services');
	});

	it('finds the header row: first row, merged (title row above), or missing', () => {
		expect(findHeaderRow([['event_id', 'participant_id'], ['E1', 'C001']], 'services')).toEqual({ kind: 'ok', headerIndex: 0 });
		expect(findHeaderRow([['Pakalpojumi 2024', '', ''], ['event_id', 'participant_id', 'month']], 'services')).toEqual({ kind: 'merged', headerIndex: 1 });
		expect(findHeaderRow([['E1', 'C001'], ['E2', 'C001']], null)).toEqual({ kind: 'missing' });
	});
});
