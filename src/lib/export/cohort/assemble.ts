/**
 * Rows → the anonymised export tables: generalise the quasi-identifiers,
 * reach k-anonymity (with local suppression), check or enforce distinct
 * l-diversity, replace participant ids by keyed pseudonyms, and report what
 * was done. Deterministic for a given key: rows are sorted by pseudonym,
 * columns are in a fixed order.
 *
 * Never exported: participant_id (replaced by an HMAC-SHA-256 pseudonym),
 * birth year and exact dates (dates become months or months since enrolment),
 * providers (ids, labels), goal and event ids, free text.
 */
import type { Cohort } from '#lib/filters/filters.ts';
import { monthsSince, toMonth } from '#lib/privacy/anonymise/generalise.ts';
import { achieveKAnonymity, equivalenceClasses, smallestClass, type QuasiIdentifier, type GeneralisationStep } from '#lib/privacy/anonymise/kAnonymity.ts';
import { distinctLDiversity, lDiverseViolations } from '#lib/privacy/anonymise/lDiversity.ts';
import { informationLoss, type InformationLoss } from '#lib/privacy/anonymise/informationLoss.ts';
import { pseudonymise, PSEUDONYM_LENGTH } from '#lib/privacy/anonymise/pseudonym.ts';
import type { ExportCell, ExportColumn, ExportTable } from '../export-table.ts';
import { variables } from './columns.ts';
import { qiDefs } from './hierarchies.ts';
import { people, type Person } from './person.ts';
import type { RawData, RawDimension, RawProgramme } from './query.ts';
import { QI_NAMES, qiAvailable, type DateMode, type ExportSettings, type QiName } from './settings.ts';

export interface QiReport {
	name: QiName;
	column: string;
	levels: string[];
	startLevel: number;
	level: number;
}

export interface ExportReport {
	cohort: Cohort;
	/** Participants selected by the filters. */
	selected: number;
	exported: number;
	suppressedForK: number;
	suppressedForL: number;
	k: number;
	/** Smallest equivalence class among exported records (the achieved k). */
	smallestClass: number;
	classes: number;
	quasiIdentifiers: QiReport[];
	steps: GeneralisationStep[];
	sensitive: string | null;
	lTarget: number;
	enforceL: boolean;
	/** Achieved distinct l (null without a sensitive variable). */
	l: number | null;
	/** Classes with fewer than the target l distinct values (after any enforcement). */
	classesBelowL: number;
	informationLoss: InformationLoss;
	/** Sizes of the equivalence classes, ascending. */
	classSizes: number[];
}

export interface ExportResult {
	settings: ExportSettings;
	tables: ExportTable[];
	report: ExportReport;
	programmes: RawProgramme[];
	dimensions: RawDimension[];
}

/**
 * Anonymise and shape the export. Deterministic for a given key: rows are
 * sorted by pseudonym, columns are in a fixed order.
 */
export async function assembleExport(raw: RawData, settings: ExportSettings, key: string): Promise<ExportResult> {
	const cohort = raw.cohort;
	const defs = qiDefs(cohort);
	const qiNames = QI_NAMES.filter((q) => settings.quasiIdentifiers.includes(q) && qiAvailable(q, cohort, settings.dates));
	const qiSet = new Set(qiNames);
	// Age and place are always exported; when they are not QIs they stay at their start level.
	const columnsQis: QiName[] = [...new Set<QiName>(['sex', 'age', 'place', ...qiNames])];
	const startLevel = (q: QiName) => (q === 'age' ? settings.ageLevel : q === 'place' ? settings.placeLevel : 0);

	const persons = people(raw);
	const checked: QuasiIdentifier<Person>[] = qiNames.map((q) => ({ name: q, maxLevel: defs[q].levels.length - 1, value: (x, l) => defs[q].value(x, l) }));
	const k = achieveKAnonymity(persons, checked, qiNames.map(startLevel), {
		k: settings.k,
		maxSuppressedShare: settings.maxSuppressedShare,
		generalise: settings.generalise
	});
	const levelOf = (q: QiName) => (qiSet.has(q) ? k.levels[qiNames.indexOf(q)] : startLevel(q));

	const vars = variables(raw, settings, qiSet);
	const sensitiveVar = settings.sensitive ? vars.find((v) => v.name === settings.sensitive && v.categorical) ?? null : null;
	const sensitiveOf = (i: number) => (sensitiveVar ? sensitiveVar.get(persons[i]) : null);

	let classes = k.classes;
	let lSuppressed: number[] = [];
	if (sensitiveVar && settings.enforceL && settings.l > 1) {
		lSuppressed = lDiverseViolations(classes, sensitiveOf, settings.l);
		const drop = new Set(lSuppressed);
		classes = new Map([...classes].filter(([, members]) => !members.some((i) => drop.has(i))));
	}
	const keptIdx = [...classes.values()].flat().sort((a, b) => a - b);
	const diversity = sensitiveVar ? distinctLDiversity(classes, sensitiveOf) : null;

	// Columns
	const qiColumns: ExportColumn[] = columnsQis.map((q) => {
		const level = levelOf(q);
		const c = defs[q].column(level);
		return {
			name: c.name,
			type: c.type,
			group: 'attributes',
			description: defs[q].description,
			...(c.allowed ? { allowed: c.allowed } : {}),
			...(qiSet.has(q) ? { quasiIdentifier: `${defs[q].levels.join(' → ')}; exported at level “${defs[q].levels[level]}”` } : {})
		};
	});
	const columns: ExportColumn[] = [
		{ name: 'pseudonym', type: 'VARCHAR', group: 'identifier', description: `Keyed pseudonym: first ${PSEUDONYM_LENGTH} hex characters of HMAC-SHA-256(key, participant id). The key is not part of the export.` },
		...qiColumns,
		...vars.map(({ get: _g, categorical: _c, ...c }) => ({ ...c, ...(sensitiveVar && c.name === sensitiveVar.name ? { sensitive: true } : {}) }))
	];

	const pseudonyms = await pseudonymise(key, keptIdx.map((i) => persons[i].p.participant_id));
	const rowFor = (i: number): ExportCell[] => {
		const x = persons[i];
		return [pseudonyms.get(x.p.participant_id)!, ...columnsQis.map((q) => defs[q].value(x, levelOf(q))), ...vars.map((v) => v.get(x))];
	};
	const order = [...keptIdx].sort((a, b) => {
		const pa = pseudonyms.get(persons[a].p.participant_id)!;
		const pb = pseudonyms.get(persons[b].p.participant_id)!;
		return pa < pb ? -1 : pa > pb ? 1 : 0;
	});
	const tables: ExportTable[] = [{ name: 'participants', columns, rows: order.map(rowFor) }];

	if (settings.groups.includes('assessments') && settings.assessmentLayout === 'long') {
		tables.push(assessmentsLong(raw, persons, order, pseudonyms, settings.dates));
	}

	const classSizes = [...classes.values()].map((c) => c.length).sort((a, b) => a - b);
	const suppressedTotal = k.suppressed.length + lSuppressed.length;
	const report: ExportReport = {
		cohort,
		selected: persons.length,
		exported: keptIdx.length,
		suppressedForK: k.suppressed.length,
		suppressedForL: lSuppressed.length,
		k: settings.k,
		smallestClass: qiNames.length ? smallestClass(classes) : keptIdx.length,
		classes: classes.size,
		quasiIdentifiers: qiNames.map((q) => ({
			name: q,
			column: defs[q].column(levelOf(q)).name,
			levels: defs[q].levels,
			startLevel: startLevel(q),
			level: levelOf(q)
		})),
		steps: k.steps,
		sensitive: sensitiveVar?.name ?? null,
		lTarget: settings.l,
		enforceL: settings.enforceL,
		l: diversity ? diversity.l : null,
		classesBelowL: diversity ? diversity.classes.filter((c) => c.distinct < settings.l).length : 0,
		informationLoss: informationLoss({
			records: persons.length,
			suppressed: suppressedTotal,
			levels: qiNames.map(levelOf),
			maxLevels: qiNames.map((q) => defs[q].levels.length - 1),
			classSizes,
			k: settings.k
		}),
		classSizes
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
