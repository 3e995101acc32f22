/**
 * Which participants of a selection an export may release, and how coarse
 * their background attributes must be. The rules, in the order applied:
 *
 * 1. The generalisation is searched on the WHOLE cohort, never on the
 *    selection, and every released background attribute is a
 *    quasi-identifier: the equivalence classes are the same whatever the
 *    filters, for all exports made with the same settings.
 * 2. A class smaller than k (never below RELEASE_MIN) is not released, nor
 *    one whose prosecutor risk 1/size is above the cap.
 * 3. A class is released only if the selection holds all of it. Two exports
 *    made with the same settings then differ by whole classes of at least k
 *    people: matching one against the other and subtracting isolates nobody
 *    (with classes cut by the selection, "the class in the whole cohort
 *    minus the class in the region" could be one person).
 * 4. With l-diversity enforced, a class with fewer than l distinct values of
 *    the sensitive variable is not released.
 */
import { equivalenceClasses, achieveKAnonymity, type GeneralisationStep, type QuasiIdentifier } from '#lib/privacy/anonymise/kAnonymity.ts';
import { aboveCap, riskSummary, type RiskSummary } from '#lib/privacy/anonymise/risk.ts';
import type { ExportCell } from '../export-table.ts';
import { qiDefs, type QiDef } from './hierarchies.ts';
import type { RawData, RawParticipant } from './query.ts';
import { minClassSize, normaliseSettings, type ExportSettings, type QiName } from './settings.ts';

/**
 * How much a level of detail of an attribute is worth in the search (others 1):
 * sex and age band are what most analyses stratify by and what the filters
 * select on (a selection by sex or age band then holds whole classes).
 */
export const SEARCH_WEIGHTS: Partial<Record<QiName, number>> = { sex: 3, age: 3, place: 2 };

export type SuppressionReason = 'k' | 'risk' | 'selection' | 'l';

export interface Anonymisation {
	defs: Record<QiName, QiDef>;
	/** Released background attributes (all quasi-identifiers), in export order. */
	qis: QiName[];
	/** Level of each released attribute (index into its hierarchy). */
	levels: number[];
	/** Finest level each attribute was allowed. */
	finest: number[];
	steps: GeneralisationStep[];
	/** Smallest class released: max(k, ⌈1 / risk cap⌉). */
	minClassSize: number;
	/** Participants in the cohort (the classes are formed on them). */
	population: number;
	/** Released participant ids → the size of their class. */
	released: Map<string, number>;
	/** Selected participants not released, by reason. */
	suppressed: Record<SuppressionReason, number>;
	/** Released classes: sizes, ascending. */
	classSizes: number[];
	/** Prosecutor risk of the released records (max, mean; none above the cap by construction). */
	risk: RiskSummary;
	/** Selected records whose risk in their class was above the cap: held back (counted under k or risk). */
	recordsAboveCap: number;
}

const byId = (a: RawParticipant, b: RawParticipant) => (a.participant_id < b.participant_id ? -1 : a.participant_id > b.participant_id ? 1 : 0);

/** Finest level an attribute may keep under the settings (age, place and duration are chosen on the form; the rest may stay as recorded). */
export function finestLevel(q: QiName, s: ExportSettings): number {
	return q === 'age' ? s.ageLevel : q === 'place' ? s.placeLevel : q === 'duration' ? s.durationLevel : 0;
}

/**
 * Decide the export's generalisation and which selected participants are released.
 * `sensitive` gives a selected participant's value of the l-diversity variable (null: no l check).
 */
export function anonymiseSelection(raw: RawData, requested: ExportSettings, sensitive: ((participantId: string) => ExportCell) | null): Anonymisation {
	const s = normaliseSettings(requested);
	const defs = qiDefs(raw.cohort);
	const qis = s.groups.includes('attributes') ? s.background : [];
	const minSize = minClassSize(s);
	const population = [...raw.population].sort(byId);
	const hierarchy: QuasiIdentifier<RawParticipant>[] = qis.map((q) => ({ name: q, maxLevel: defs[q].levels.length - 1, value: (p, l) => defs[q].value(p, l) }));
	const finest = qis.map((q) => finestLevel(q, s));
	const search = achieveKAnonymity(population, hierarchy, {
		k: minSize,
		maxSuppressedShare: s.maxSuppressedShare,
		finest,
		generalise: s.generalise,
		weights: qis.map((q) => SEARCH_WEIGHTS[q] ?? 1)
	});

	const selected = new Set(raw.participants.map((p) => p.participant_id));
	const inPopulation = new Set(population.map((p) => p.participant_id));
	const suppressed: Record<SuppressionReason, number> = { k: 0, risk: 0, selection: 0, l: 0 };
	// A selected participant missing from the cohort (data changed between the reads) has no class: hold it back.
	for (const id of selected) if (!inPopulation.has(id)) suppressed.selection++;

	const released = new Map<string, number>();
	const classSizes: number[] = [];
	let recordsAboveCap = 0;
	for (const members of equivalenceClasses(population, hierarchy, search.levels).values()) {
		const ids = members.map((i) => population[i].participant_id);
		const inSelection = ids.filter((id) => selected.has(id)).length;
		if (inSelection === 0) continue;
		const size = members.length;
		if (aboveCap(size, s.riskCap)) recordsAboveCap += inSelection;
		let reason: SuppressionReason | null = null;
		if (size < s.k) reason = 'k';
		else if (aboveCap(size, s.riskCap)) reason = 'risk';
		else if (inSelection < size) reason = 'selection';
		else if (sensitive && s.enforceL && s.l > 1 && new Set(ids.map((id) => JSON.stringify(sensitive(id) ?? null))).size < s.l) reason = 'l';
		if (reason) {
			suppressed[reason] += inSelection;
			continue;
		}
		for (const id of ids) released.set(id, size);
		classSizes.push(size);
	}
	classSizes.sort((a, b) => a - b);
	return {
		defs,
		qis,
		levels: search.levels,
		finest,
		steps: search.steps,
		minClassSize: minSize,
		population: population.length,
		released,
		suppressed,
		classSizes,
		risk: riskSummary(classSizes, s.riskCap),
		recordsAboveCap
	};
}
