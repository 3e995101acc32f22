/**
 * Every table family of the product, per cohort: what the release plans
 * protect, and what the attack tests check. A view that shows a table
 * declares its family here.
 */
import type { Cohort } from '#lib/filters/filters.ts';
import type { FamilySource } from '#lib/privacy/release/runtime.ts';
import { COST_FAMILY } from './costs/family.ts';
import { BUDGET_FAMILY } from './budgets/family.ts';
import { EMPLOYMENT_FAMILY } from './employment/family.ts';
import { KIDSCREEN_FAMILIES } from './kidscreen/family.ts';
import { FQOLS_FAMILY } from './fqols/family.ts';
import { SQOL_FAMILY } from './sqol/family.ts';
import { GAS_FAMILY, GOAL_FAMILY } from './goals/family.ts';
import { MUNICIPALITY_FAMILIES } from './municipalities/family.ts';
import { SFK_FAMILY } from './functioning/family.ts';
import { TRENDS_FAMILY } from './trends/family.ts';

export const FAMILIES: Record<Cohort, readonly FamilySource[]> = {
	child: [SFK_FAMILY, COST_FAMILY, BUDGET_FAMILY, GOAL_FAMILY, GAS_FAMILY, ...MUNICIPALITY_FAMILIES.child, ...KIDSCREEN_FAMILIES, FQOLS_FAMILY, TRENDS_FAMILY],
	adult: [COST_FAMILY, BUDGET_FAMILY, EMPLOYMENT_FAMILY, GOAL_FAMILY, GAS_FAMILY, ...MUNICIPALITY_FAMILIES.adult, SQOL_FAMILY, TRENDS_FAMILY]
};
