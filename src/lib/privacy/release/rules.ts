/**
 * The release rules' one threshold: no figure rests on 1–4 people, and no
 * two figures differ by 1–4 people. 5 follows NHS Digital's small-number
 * rule (about 10 people per pilot municipality); it is a floor no setting of
 * the product can lower.
 */
import { DEFAULT_MIN_CELL } from '../threshold.ts';

export const RELEASE_MIN = DEFAULT_MIN_CELL;
