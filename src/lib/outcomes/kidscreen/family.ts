/**
 * KIDSCREEN-52's table families, one per informant (child self-report,
 * parent proxy): a row per dimension (children with both waves in it), its
 * improved / unchanged / worse rows, and the respondents (children with any
 * pair). See outcomes/paired/family.ts.
 */
import { pairedFamily } from '#lib/outcomes/paired/family.ts';
import type { KidscreenInformant } from './query.ts';

export const KIDSCREEN_FAMILY_ID: Record<KidscreenInformant, string> = { child: 'kidscreen.child', parent: 'kidscreen.parent' };

export const KIDSCREEN_FAMILIES = [
	pairedFamily(KIDSCREEN_FAMILY_ID.child, 'kidscreen52', 'child'),
	pairedFamily(KIDSCREEN_FAMILY_ID.parent, 'kidscreen52', 'parent')
] as const;
