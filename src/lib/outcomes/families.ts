/**
 * Every table family of the product, per cohort: what the release plans
 * protect, and what the attack tests check. A view that shows a table
 * declares its family here.
 */
import type { Cohort } from '#lib/filters/filters.ts';
import type { FamilySource } from '#lib/privacy/release/runtime.ts';
import { COST_FAMILY } from './costs/family.ts';

export const FAMILIES: Record<Cohort, readonly FamilySource[]> = {
	child: [COST_FAMILY],
	adult: [COST_FAMILY]
};
