/**
 * The manifest of an export (JSON): software, dataset, the selection
 * (filters) and every setting, what anonymisation achieved (levels, k, risk,
 * l), record counts, and the size and SHA-256 of every file, so a researcher
 * can check they hold exactly what was exported. Never the pseudonym key.
 */
import { sha256Hex, PSEUDONYM_LENGTH } from '#lib/privacy/anonymise/pseudonym.ts';
import type { ExportResult } from './assemble.ts';

export interface ExportMeta {
	/** package.json version of IB Outcomes. */
	softwareVersion: string;
	datasetName: string;
	/** Date of the export (YYYY-MM-DD): the only field that varies between identical exports. */
	exportedOn: string;
}

export interface ExportFile {
	name: string;
	bytes: Uint8Array;
	mime: string;
}

export async function buildManifest(result: ExportResult, meta: ExportMeta, files: ExportFile[]) {
	const s = result.settings;
	const r = result.report;
	return {
		generator: 'IB Outcomes cohort export',
		software_version: meta.softwareVersion,
		exported_on: meta.exportedOn,
		dataset: meta.datasetName,
		cohort: r.cohort,
		// The selection, so that a later reader can tell which exports overlap.
		filters: s.filters,
		// Every setting the files depend on (the key is not a setting and is never written).
		settings: {
			variable_groups: s.groups,
			assessment_layout: s.assessmentLayout,
			dates: s.dates,
			background_attributes: s.groups.includes('attributes') ? s.background : [],
			finest_levels: { age: ['years', 'band'][s.ageLevel], place: ['municipality', 'region'][s.placeLevel], months_in_programme: ['months', 'half-years'][s.durationLevel] },
			k: s.k,
			risk_cap: s.riskCap,
			max_suppressed_share: s.maxSuppressedShare,
			generalise: s.generalise,
			cost_rounding_eur: s.costStep || null,
			units_significant_digits: s.costStep ? 2 : null,
			sensitive: s.sensitive,
			l: s.l,
			enforce_l: s.enforceL
		},
		pseudonym: {
			method: 'HMAC-SHA-256(key, participant_id)',
			hex_characters: PSEUDONYM_LENGTH,
			key_source: r.keySource === 'fresh' ? 'fresh random key for this export (crypto.getRandomValues), not kept' : 'key supplied by the user',
			key_included: false
		},
		never_exported: ['participant_id', 'birth_year', 'exact dates', 'exact costs (unless cost_rounding_eur is null)', 'provider ids and labels', 'goal and event ids', 'free text'],
		quasi_identifiers: r.quasiIdentifiers.map((q) => ({ name: q.name, column: q.column, hierarchy: q.levels, finest_level: q.levels[q.startLevel], level: q.levels[q.level] })),
		generalisation_steps: r.steps,
		k_anonymity: {
			k_target: r.k,
			min_class_size: r.minClassSize,
			k_achieved: r.smallestClass,
			classes: r.classes,
			classes_formed_on: `the whole ${r.cohort} cohort (${r.population} participants), whatever the filters`
		},
		risk: { model: 'prosecutor: 1 / equivalence class size', cap: s.riskCap, max: r.risk.max, mean: r.risk.mean, records_above_cap_not_released: r.recordsAboveCap },
		l_diversity: r.sensitive ? { sensitive: r.sensitive, l_target: r.lTarget, l_achieved: r.l, enforced: r.enforceL, classes_below_target: r.classesBelowL } : null,
		records: {
			population: r.population,
			selected: r.selected,
			exported: r.exported,
			suppressed_for_k: r.suppressed.k,
			suppressed_for_risk: r.suppressed.risk,
			suppressed_for_selection: r.suppressed.selection,
			suppressed_for_l: r.suppressed.l,
			tables: Object.fromEntries(result.tables.map((t) => [t.name, t.rows.length]))
		},
		information_loss: r.informationLoss,
		programmes: result.programmes,
		files: await Promise.all(files.map(async (f) => ({ name: f.name, bytes: f.bytes.length, sha256: await sha256Hex(f.bytes) })))
	};
}
