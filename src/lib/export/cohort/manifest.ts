/**
 * The manifest of an export (JSON): software, dataset, filters and settings,
 * what anonymisation achieved, record counts, and the size and SHA-256 of
 * every file, so a researcher can check they hold exactly what was exported.
 */
import { sha256Hex, PSEUDONYM_LENGTH } from '#lib/privacy/anonymise/pseudonym.ts';
import type { ExportResult } from './assemble.ts';
import { groupAvailable } from './settings.ts';

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
		filters: s.filters,
		variable_groups: s.groups.filter((g) => groupAvailable(g, r.cohort)),
		assessment_layout: s.assessmentLayout,
		dates: s.dates,
		pseudonym: { method: 'HMAC-SHA-256(key, participant_id)', hex_characters: PSEUDONYM_LENGTH, key_included: false },
		never_exported: ['participant_id', 'birth_year', 'exact dates', 'provider ids and labels', 'goal and event ids', 'free text'],
		quasi_identifiers: r.quasiIdentifiers.map((q) => ({ name: q.name, column: q.column, hierarchy: q.levels, start_level: q.levels[q.startLevel], level: q.levels[q.level] })),
		generalisation_steps: r.steps,
		k_anonymity: { k_target: r.k, k_achieved: r.smallestClass, classes: r.classes, max_suppressed_share: s.maxSuppressedShare },
		l_diversity: r.sensitive ? { sensitive: r.sensitive, l_target: r.lTarget, l_achieved: r.l, enforced: r.enforceL, classes_below_target: r.classesBelowL } : null,
		records: {
			selected: r.selected,
			exported: r.exported,
			suppressed_for_k: r.suppressedForK,
			suppressed_for_l: r.suppressedForL,
			tables: Object.fromEntries(result.tables.map((t) => [t.name, t.rows.length]))
		},
		information_loss: r.informationLoss,
		programmes: result.programmes,
		files: await Promise.all(files.map(async (f) => ({ name: f.name, bytes: f.bytes.length, sha256: await sha256Hex(f.bytes) })))
	};
}
