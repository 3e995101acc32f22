/**
 * The system colour scheme as reactive state, so charts and legends redraw
 * when it changes. It starts light (the prerendered HTML is light) and
 * follows prefers-color-scheme from `watchColorScheme()` on mount, so
 * hydration sees the same markup the server rendered.
 */
import type { Scheme } from './palette.ts';

export const colorScheme = $state<{ scheme: Scheme }>({ scheme: 'light' });

let watching = false;

export function watchColorScheme(): void {
	if (watching || typeof matchMedia === 'undefined') return;
	watching = true;
	const query = matchMedia('(prefers-color-scheme: dark)');
	colorScheme.scheme = query.matches ? 'dark' : 'light';
	query.addEventListener('change', (e) => (colorScheme.scheme = e.matches ? 'dark' : 'light'));
}
