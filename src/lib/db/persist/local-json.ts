/**
 * One JSON object per localStorage key, for the small records kept in this
 * browser (saved results, recalled files): unreadable, missing or blocked
 * storage reads as empty, and a write that fails says so instead of throwing.
 */
export function readLocalJson<T>(key: string): Record<string, T> {
	try {
		const raw = typeof localStorage === 'undefined' ? null : localStorage.getItem(key);
		const parsed: unknown = raw ? JSON.parse(raw) : {};
		return parsed && typeof parsed === 'object' ? (parsed as Record<string, T>) : {};
	} catch {
		return {};
	}
}

/** Store `value` under `key`; false when the storage refused it (full, private mode, none). */
export function writeLocalJson(key: string, value: Record<string, unknown>): boolean {
	try {
		localStorage.setItem(key, JSON.stringify(value));
		return true;
	} catch {
		return false;
	}
}

/** Remove `key` (nothing happens where there is no storage). */
export function removeLocalJson(key: string): void {
	try {
		localStorage.removeItem(key);
	} catch {
		/* nothing kept */
	}
}
