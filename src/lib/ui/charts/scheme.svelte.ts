/**
 * The system colour scheme as reactive state, so charts and legends redraw
 * when it changes. It starts light (the prerendered HTML is light) and
 * follows prefers-color-scheme from `watchColorScheme()` on mount, so
 * hydration sees the same markup the server rendered. Printing is light
 * (paper), whatever the screen's scheme: the page's colours are screen-only
 * in global.css, and charts redraw light before the print and back after it.
 */
import { flushSync } from 'svelte';
import type { Scheme } from './palette.ts';

export const colorScheme = $state<{ scheme: Scheme }>({ scheme: 'light' });

let watching = false;

export function watchColorScheme(): void {
	if (watching || typeof matchMedia === 'undefined') return;
	watching = true;
	const query = matchMedia('(prefers-color-scheme: dark)');
	let printing = false;
	const follow = () => (colorScheme.scheme = !printing && query.matches ? 'dark' : 'light');
	follow();
	query.addEventListener('change', follow);
	addEventListener('beforeprint', () => {
		printing = true;
		flushSync(follow);
	});
	addEventListener('afterprint', () => {
		printing = false;
		follow();
	});
}
