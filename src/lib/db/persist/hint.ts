/** A synchronous hint that this browser holds stored live files (no dependencies: the first paint reads it). */
const HINT = 'ib-outcomes.live-stored';

/**
 * Whether this browser had stored live files when it last looked, known
 * synchronously (localStorage) so the first paint does not show the bundled
 * pilot's prerendered or saved figures while the stored rows are restored.
 */
export function liveStoredHint(): boolean {
	try {
		return typeof localStorage !== 'undefined' && localStorage.getItem(HINT) === '1';
	} catch {
		return false;
	}
}

export function setLiveStoredHint(stored: boolean): void {
	try {
		if (stored) localStorage.setItem(HINT, '1');
		else localStorage.removeItem(HINT);
	} catch {
		// No localStorage (some private modes): the first paint may show the pilot's figures a moment longer.
	}
}
