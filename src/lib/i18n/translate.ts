/**
 * Messages in a given language (pure): what summaries, findings and the
 * build-time code use. The reactive UI language (`t`, `i18n`) is in
 * index.svelte.ts, on top of this.
 *
 * @example translate('en', 'filters.all') // 'All'
 */
import { lv, en, type MessageKey } from './catalogue.ts';
import type { Lang } from './format.ts';

export type { Lang, MessageKey };
export type MessageParams = Record<string, string | number>;

const catalogues: Record<Lang, Record<MessageKey, string>> = { lv, en };

/** Look up a message in a given language, filling `{name}` placeholders. */
export function translate(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
	const text = catalogues[lang][key] ?? key;
	return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}
