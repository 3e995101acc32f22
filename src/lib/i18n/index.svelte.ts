/**
 * UI language and locale formatting. Latvian is the default; the choice is
 * remembered in localStorage. Every UI string goes through t().
 */
import { lv, en, type MessageKey } from './catalogue';
import type { Lang } from './format.ts';

export type { Lang };
const catalogues: Record<Lang, Record<MessageKey, string>> = { lv, en };
const STORAGE_KEY = 'ib-outcomes.lang';

function initialLang(): Lang {
	if (typeof localStorage === 'undefined') return 'lv';
	return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'lv';
}

export const i18n = $state({ lang: initialLang() as Lang });

export function setLang(lang: Lang): void {
	i18n.lang = lang;
	if (typeof localStorage !== 'undefined') localStorage.setItem(STORAGE_KEY, lang);
	if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

export type MessageParams = Record<string, string | number>;

/** Look up a message in a given language, filling `{name}` placeholders. */
export function translate(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
	const text = catalogues[lang][key] ?? key;
	return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** Translate in the current UI language (reactive inside components). */
export function t(key: MessageKey, params?: MessageParams): string {
	return translate(i18n.lang, key, params);
}

export type { MessageKey };
