import { describe, it, expect } from 'vitest';
import { lv, en } from '../../../src/lib/i18n/catalogue';
import { formatEur, formatNumber, formatPercent, formatPValue, formatDate } from '../../../src/lib/i18n/format';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('message catalogues', () => {
	it('have the same keys in Latvian and English, none empty, same placeholders', () => {
		expect(Object.keys(en).sort()).toEqual(Object.keys(lv).sort());
		for (const [key, text] of Object.entries(lv)) {
			expect(text.trim(), key).not.toBe('');
			expect(en[key as keyof typeof en].trim(), key).not.toBe('');
			expect(placeholders(en[key as keyof typeof en]), key).toEqual(placeholders(text));
		}
	});
});

describe('lv-LV formatting', () => {
	it('formats euro, numbers, percentages, p-values and dates', () => {
		expect(plain(formatEur('lv', 1234.56))).toBe('1 234,56 €');
		expect(plain(formatEur('lv', 942561))).toBe('942 561,00 €');
		expect(plain(formatEur('en', 1234.56))).toBe('€1,234.56');
		expect(plain(formatNumber('lv', 75383))).toBe('75 383');
		expect(formatNumber('lv', 62.7, 2)).toBe('62,70');
		expect(formatPercent('lv', 0.7463)).toBe('75%');
		expect(plain(formatPValue('lv', 0.0004))).toBe('< 0,001');
		expect(formatPValue('lv', 0.0312)).toBe('0,031');
		expect(formatDate('lv', '2019-10-31')).toBe('31.10.2019');
		expect(formatNumber('lv', null)).toBe('–');
	});
});
