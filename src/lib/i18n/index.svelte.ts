/**
 * UI language and locale formatting. Latvian is the default; the choice is
 * remembered in localStorage. Every UI string goes through t().
 */
import { translate, type Lang, type MessageKey, type MessageParams } from './translate.ts';

export { translate };
export type { Lang, MessageKey, MessageParams };
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

/** Translate in the current UI language (reactive inside components). */
export function t(key: MessageKey, params?: MessageParams): string {
	return translate(i18n.lang, key, params);
}

