/** Node has no localStorage: an in-memory one with the methods the app uses, installed globally; `quota` (characters) makes setItem throw like a full storage. */
import { vi } from 'vitest';

export function memoryLocalStorage(): { store: Map<string, string>; quota: { chars: number } } {
	const store = new Map<string, string>();
	const quota = { chars: Infinity };
	vi.stubGlobal('localStorage', {
		getItem: (k: string) => store.get(k) ?? null,
		setItem: (k: string, v: string) => {
			if (String(v).length > quota.chars) throw new DOMException('quota exceeded', 'QuotaExceededError');
			store.set(k, String(v));
		},
		removeItem: (k: string) => void store.delete(k)
	});
	return { store, quota };
}
