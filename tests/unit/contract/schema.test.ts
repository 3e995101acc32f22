import { describe, expect, it } from 'vitest';
import { columnNames, foreignKeys, getColumn, parentTables, primaryKey, requiredColumns, tableNames } from '../../../src/lib/contract/schema.ts';

describe('contract view', () => {
	it('lists tables in load order (parents before children)', () => {
		const names = tableNames();
		expect(names[0]).toBe('municipalities');
		expect(names.length).toBe(14);
		for (const t of names) for (const p of parentTables(t)) expect(names.indexOf(p)).toBeLessThan(names.indexOf(t));
	});

	it('exposes columns, keys and constraints', () => {
		expect(columnNames('employment')).toEqual(['participant_id', 'wave', 'recorded_on', 'status']);
		expect(primaryKey('budgets')).toEqual(['participant_id', 'period_start']);
		expect(foreignKeys('services').map((f) => f.references.table)).toEqual(['participants', 'service_catalogue', 'providers']);
		expect(getColumn('participants', 'care_level')).toMatchObject({ type: 'INTEGER', min: 1, max: 4, required_when: { cohort: 'adult' } });
		expect(requiredColumns('providers')).toEqual(['provider_id', 'kind', 'label']);
	});
});
