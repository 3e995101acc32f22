/**
 * Locale number formatting. Latvian CLDR data leave four-digit numbers
 * ungrouped ("1234,56 €"); reports group them ("1 234,56 €"), so grouping is
 * forced.
 */
export type Lang = 'lv' | 'en';
const LOCALE: Record<Lang, string> = { lv: 'lv-LV', en: 'en-GB' };

const cache = new Map<string, Intl.NumberFormat>();
function nf(lang: Lang, opts: Intl.NumberFormatOptions): Intl.NumberFormat {
	const key = lang + JSON.stringify(opts);
	let f = cache.get(key);
	if (!f) {
		f = new Intl.NumberFormat(LOCALE[lang], { useGrouping: 'always', ...opts } as Intl.NumberFormatOptions);
		cache.set(key, f);
	}
	return f;
}

const dash = '–';

/** `formatNumber('lv', 1234.5, 1)` → "1 234,5" */
export function formatNumber(lang: Lang, value: number | null | undefined, digits = 0): string {
	if (value == null || !Number.isFinite(value)) return dash;
	return nf(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** `formatEur('lv', 1234.56)` → "1 234,56 €" */
export function formatEur(lang: Lang, value: number | null | undefined, digits = 2): string {
	if (value == null || !Number.isFinite(value)) return dash;
	return nf(lang, {
		style: 'currency',
		currency: 'EUR',
		minimumFractionDigits: digits,
		maximumFractionDigits: digits
	}).format(value);
}

/** `formatPercent('lv', 0.7463)` → "75%"; takes a share (0..1). */
export function formatPercent(lang: Lang, share: number | null | undefined, digits = 0): string {
	if (share == null || !Number.isFinite(share)) return dash;
	return nf(lang, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(share);
}

/** p-values: three decimals, or "< 0,001". */
export function formatPValue(lang: Lang, p: number | null | undefined): string {
	if (p == null || !Number.isFinite(p)) return dash;
	if (p < 0.001) return `< ${formatNumber(lang, 0.001, 3)}`;
	return formatNumber(lang, p, 3);
}

/** A p-value as an expression for sentences: "p = 0,031" or "p < 0,001". */
export function formatPExpression(lang: Lang, p: number | null | undefined): string {
	const s = formatPValue(lang, p);
	return s.startsWith('<') ? `p ${s}` : `p = ${s}`;
}

/** ISO date (YYYY-MM-DD) → "31.10.2019" (lv) or "31 Oct 2019" (en). */
export function formatDate(lang: Lang, iso: string | null | undefined): string {
	if (!iso) return dash;
	const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
	return new Intl.DateTimeFormat(LOCALE[lang], {
		timeZone: 'UTC',
		...(lang === 'lv' ? { day: '2-digit', month: '2-digit', year: 'numeric' } : { dateStyle: 'medium' })
	}).format(d);
}

/** Bytes → "34,2 MB" */
export function formatBytes(lang: Lang, bytes: number): string {
	if (!Number.isFinite(bytes) || bytes <= 0) return dash;
	const units = ['B', 'kB', 'MB', 'GB'];
	const i = Math.min(units.length - 1, Math.floor(Math.log(bytes) / Math.log(1000)));
	return `${formatNumber(lang, bytes / 1000 ** i, i === 0 ? 0 : 1)} ${units[i]}`;
}

/** A 'YYYY-MM' month: "10.2018" in Latvian, "Oct 2018" in English. */
export function formatMonth(lang: Lang, month: string | null | undefined): string {
	if (!month) return dash;
	const [y, m] = month.split('-');
	if (lang === 'lv') return `${m}.${y}`;
	return new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${y}-${m}-01T00:00:00Z`));
}
