/**
 * FQOLS's table family (informant 'family'): a row per subscale (families
 * with both waves in it), its improved / unchanged / worse rows, and the
 * respondents (families with any pair). See outcomes/paired/family.ts.
 */
import { pairedFamily } from '#lib/outcomes/paired/family.ts';

export const FQOLS_FAMILY_ID = 'fqols.family';

export const FQOLS_FAMILY = pairedFamily(FQOLS_FAMILY_ID, 'fqols', 'family');
