/**
 * Rows → the anonymised export tables: decide the generalisation and the
 * released participants (anonymise.ts), check or enforce distinct
 * l-diversity, replace participant ids by keyed pseudonyms, and report what
 * was done. Deterministic for a given key: rows are sorted by pseudonym,
 * columns are in a fixed order. Without a key, a fresh random one is made
 * for this export alone and forgotten, so two exports cannot be linked by
 * pseudonym.
 *
 * Never exported: participant_id (replaced by an HMAC-SHA-256 pseudonym),
 * birth year and exact dates (dates become months or months since enrolment),
 * providers (ids, labels), goal and event ids, free text.
 */
import type { Cohort } from '#lib/filters/filters.ts';
import { monthsSince, toMonth } from '#lib/privacy/anonymise/generalise.ts';
import { equivalenceClasses, type GeneralisationStep } from '#lib/privacy/anonymise/kAnonymity.ts';
import { distinctLDiversity } from '#lib/privacy/anonymise/lDiversity.ts';
import { informationLoss, type InformationLoss } from '#lib/privacy/anonymise/informationLoss.ts';
import { generateKey, pseudonymise, PSEUDONYM_LENGTH } from '#lib/privacy/anonymise/pseudonym.ts';
import type { RiskSummary } from '#lib/privacy/anonymise/risk.ts';
import type { ExportCell, ExportColumn, ExportTable } from '../export-table.ts';
import { anonymiseSelection, type SuppressionReason } from './anonymise.ts';
import { variables } from './columns.ts';
import { people, type Person } from './person.ts';
import type { RawData, RawDimension, RawProgramme } from './query.ts';
import { normaliseSettings, type DateMode, type ExportSettings, type QiName } from './settings.ts';

export interface QiReport {
	name: QiName;
	column: string;
	levels: string[];
	/** The finest level allowed. */
	startLevel: number;
	level: number;
}

export interface ExportReport {
	cohort: Cohort;
	/** Participants of the whole cohort: the classes are formed on them. */
	population: number;
	/** Participants selected by the filters. */
	selected: number;
	exported: number;
	/** Selected records not released: class below k, risk above the cap, class cut by the selection, l not reached. */
	suppressed: Record<SuppressionReason, number>;
	/** k asked for (after the floor) and the smallest class released: max(k, ⌈1 / cap⌉). */
	k: number;
	minClassSize: number;
	/** Smallest equivalence class among exported records (the achieved k). */
	smallestClass: number;
	classes: number;
	quasiIdentifiers: QiReport[];
	steps: GeneralisationStep[];
	risk: RiskSummary;
	recordsAboveCap: number;
	sensitive: string | null;
	lTarget: number;
	enforceL: boolean;
	/** Achieved distinct l (null without a sensitive variable). */
	l: number | null;
	/** Classes with fewer than the target l distinct values (0 when enforced). */
	classesBelowL: number;
	informationLoss: InformationLoss;
	/** Sizes of the released equivalence classes, ascending. */
	classSizes: number[];
	/** Whether the pseudonym key was made fresh for this export or supplied (the key itself is never kept). */
	keySource: 'fresh' | 'supplied';
}

export interface ExportResult {
	settings: ExportSettings;
	tables: ExportTable[];
	report: ExportReport;
	programmes: RawProgramme[];
	dimensions: RawDimension[];
}

/**
 * Anonymise and shape the export. `key` null (the default): a fresh random
 * key, used once and dropped. A supplied key links this export to others
 * made with it, on purpose. Settings below the floors are raised to them.
 */
export async function assembleExport(raw: RawData, requested: ExportSettings, key: string | null = null): Promise<ExportResult> {
	const settings = normaliseSettings(requested);
	const cohort = raw.cohort;
	const persons = people(raw);
	const byId = new Map(persons.map((x) => [x.p.participant_id, x]));
	const vars = variables(raw, settings);
	const sensitiveVar = settings.sensitive ? (vars.find((v) => v.name === settings.sensitive && v.categorical) ?? null) : null;
	const sensitiveOf = sensitiveVar ? (id: string) => sensitiveVar.get(byId.get(id)!) : null;

	const a = anonymiseSelection(raw, settings, sensitiveOf);
	const keptIdx = persons.map((_, i) => i).filter((i) => a.released.has(persons[i].p.participant_id));
	const levelOf = (q: QiName) => a.levels[a.qis.indexOf(q)];

	const qiColumns: ExportColumn[] = a.qis.map((q) => {
		const level = levelOf(q);
		const c = a.defs[q].column(level);
		return {
			name: c.name,
			type: c.type,
			group: 'attributes',
			description: a.defs[q].description,
			...(c.allowed ? { allowed: c.allowed } : {}),
			quasiIdentifier: `${a.defs[q].levels.join(' → ')}; exported at level “${a.defs[q].levels[level]}”`
		};
	});
	const columns: ExportColumn[] = [
		{ name: 'pseudonym', type: 'VARCHAR', group: 'identifier', description: `Keyed pseudonym: first ${PSEUDONYM_LENGTH} hex characters of HMAC-SHA-256(key, participant id). The key is not part of the export.` },
		...qiColumns,
		...vars.map(({ get: _g, categorical: _c, ...c }) => ({ ...c, ...(sensitiveVar && c.name === sensitiveVar.name ? { sensitive: true } : {}) }))
	];

	const pseudonyms = await pseudonymise(key ?? generateKey(), keptIdx.map((i) => persons[i].p.participant_id));
	const rowFor = (i: number): ExportCell[] => {
		const x = persons[i];
		return [pseudonyms.get(x.p.participant_id)!, ...a.qis.map((q) => a.defs[q].value(x.p, levelOf(q))), ...vars.map((v) => v.get(x))];
	};
	const order = [...keptIdx].sort((x, y) => {
		const px = pseudonyms.get(persons[x].p.participant_id)!;
		const py = pseudonyms.get(persons[y].p.participant_id)!;
		return px < py ? -1 : px > py ? 1 : 0;
	});
	const tables: ExportTable[] = [{ name: 'participants', columns, rows: order.map(rowFor) }];
	if (settings.groups.includes('assessments') && settings.assessmentLayout === 'long') {
		tables.push(assessmentsLong(raw, persons, order, pseudonyms, settings.dates));
	}

	// l over the released classes (members of a class share its size and QI values).
	const releasedClasses = new Map<string, number[]>();
	for (const i of keptIdx) {
		const classKey = JSON.stringify(a.qis.map((q) => a.defs[q].value(persons[i].p, levelOf(q))));
		const list = releasedClasses.get(classKey);
		if (list) list.push(i);
		else releasedClasses.set(classKey, [i]);
	}
	const diversity = sensitiveVar ? distinctLDiversity(releasedClasses, (i) => sensitiveVar.get(persons[i])) : null;
	const suppressedTotal = persons.length - keptIdx.length;
	const report: ExportReport = {
		cohort,
		population: a.population,
		selected: persons.length,
		exported: keptIdx.length,
		suppressed: a.suppressed,
		k: settings.k,
		minClassSize: a.minClassSize,
		smallestClass: a.classSizes[0] ?? 0,
		classes: a.classSizes.length,
		quasiIdentifiers: a.qis.map((q, j) => ({ name: q, column: a.defs[q].column(a.levels[j]).name, levels: a.defs[q].levels, startLevel: a.finest[j], level: a.levels[j] })),
		steps: a.steps,
		risk: a.risk,
		recordsAboveCap: a.recordsAboveCap,
		sensitive: sensitiveVar?.name ?? null,
		lTarget: settings.l,
		enforceL: settings.enforceL,
		l: diversity ? diversity.l : null,
		classesBelowL: diversity ? diversity.classes.filter((c) => c.distinct < settings.l).length : 0,
		informationLoss: informationLoss({
			records: persons.length,
			suppressed: suppressedTotal,
			levels: a.levels,
			maxLevels: a.qis.map((q) => a.defs[q].levels.length - 1),
			classSizes: a.classSizes,
			k: a.minClassSize
		}),
		classSizes: a.classSizes,
		keySource: key === null ? 'fresh' : 'supplied'
	};
	return { settings, tables, report, programmes: raw.programmes, dimensions: raw.dimensions };
}

/** The assessments file of the long layout: one row per score, only for exported people, linked by pseudonym. */
function assessmentsLong(raw: RawData, persons: Person[], order: number[], pseudonyms: Map<string, string>, dates: DateMode): ExportTable {
	const sortOrder = new Map(raw.dimensions.map((d) => [`${d.instrument}|${d.dimension_code}`, d.sort_order]));
	const columns: ExportColumn[] = [
		{ name: 'pseudonym', type: 'VARCHAR', group: 'identifier', description: 'Keyed pseudonym (as in the participants file).' },
		{ name: 'instrument', type: 'VARCHAR', group: 'assessments', description: 'Instrument.', allowed: ['sfk', 'kidscreen52', 'fqols', 'sqol'] },
		{ name: 'informant', type: 'VARCHAR', group: 'assessments', description: 'Who answered.', allowed: ['child', 'parent', 'family', 'self', 'professional'] },
		{ name: 'wave', type: 'VARCHAR', group: 'assessments', description: 'Measurement wave.', allowed: ['baseline', 'followup'] },
		{ name: 'dimension_code', type: 'VARCHAR', group: 'assessments', description: 'Dimension (see the instrument notes).' },
		{ name: 'score', type: 'DOUBLE', group: 'assessments', description: 'Score on the dimension scale (see the instrument notes).' },
		{ name: 'scoring_method', type: 'VARCHAR', group: 'assessments', description: 'How the score was obtained.', allowed: ['icf_qualifier', 'rasch_t', 'item_mean', 'change_rating'] },
		dates === 'month'
			? { name: 'assessed_month', type: 'VARCHAR', group: 'assessments', description: 'Month assessed (YYYY-MM).' }
			: { name: 'assessed_months', type: 'INTEGER', group: 'assessments', description: 'Whole months from enrolment to the assessment.' }
	];
	const rows: ExportCell[][] = [];
	for (const i of order) {
		const x = persons[i];
		const list = [...x.assessments].sort(
			(a, b) =>
				a.instrument.localeCompare(b.instrument) ||
				a.informant.localeCompare(b.informant) ||
				a.wave.localeCompare(b.wave) ||
				(sortOrder.get(`${a.instrument}|${a.dimension_code}`) ?? 0) - (sortOrder.get(`${b.instrument}|${b.dimension_code}`) ?? 0)
		);
		for (const a of list) {
			rows.push([
				pseudonyms.get(x.p.participant_id)!,
				a.instrument,
				a.informant,
				a.wave,
				a.dimension_code,
				a.score,
				a.scoring_method,
				dates === 'month' ? toMonth(a.assessed_on) : monthsSince(x.p.enrolled_on, a.assessed_on)
			]);
		}
	}
	return { name: 'assessments', columns, rows };
}

/** Equivalence classes of an exported participants table on the given columns (for independent checks). */
export function classSizesOf(table: ExportTable, columns: string[]): number[] {
	const idx = columns.map((c) => table.columns.findIndex((x) => x.name === c));
	if (idx.some((i) => i < 0)) throw new Error(`Unknown column in ${columns.join(', ')}`);
	const classes = equivalenceClasses(table.rows, idx.map((j) => ({ name: String(j), maxLevel: 0, value: (r: ExportCell[]) => r[j] })), idx.map(() => 0));
	return [...classes.values()].map((c) => c.length).sort((a, b) => a - b);
}
