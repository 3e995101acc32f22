/**
 * Small pieces every generated finding is written with (pure): names in the
 * UI language, lists ("a, b and c"), signed numbers, p expressions.
 *
 * @example list('lv', ['a', 'b', 'c']) // 'a, b un c'
 * @example signed('en', -2.5, 1)       // '−2.5'
 */
import { translate, type Lang, type MessageKey } from './translate.ts';
import { formatNumber, formatPExpression } from './format.ts';

export type Named = { name_lv: string | null; name_en: string | null };
export const nameOf = (lang: Lang, d: Named, fallback = '') => (lang === 'lv' ? d.name_lv : d.name_en) ?? fallback;
/** Names inside a sentence start lower-case ("in school environment"), except abbreviations. */
export const inline = (s: string) => (/^\p{Lu}\p{Ll}/u.test(s) ? s[0].toLocaleLowerCase() + s.slice(1) : s);
export const list = (lang: Lang, items: string[]) => {
	if (items.length <= 1) return items.join('');
	const and = lang === 'lv' ? ' un ' : ' and ';
	return items.slice(0, -1).join(', ') + and + items[items.length - 1];
};
export const method = (lang: Lang, adjust: string) => translate(lang, `paired.adjust.${adjust}` as MessageKey);
export const signed = (lang: Lang, v: number, digits = 0) => (v > 0 ? '+' : v < 0 ? '−' : '') + formatNumber(lang, Math.abs(v), digits);
export const pText = formatPExpression;
export const score = (lang: Lang, v: number) => formatNumber(lang, v, Number.isInteger(v) ? 0 : 1);

