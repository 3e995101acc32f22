/**
 * Codebook of an export, in Markdown: every variable with its type, meaning
 * and allowed values, how each quasi-identifier was generalised, the achieved
 * k and l, and notes on the instruments and on reproducing the dashboard's
 * figures. No date inside, so the same export gives the same codebook.
 */
import type { ExportColumn } from '../export-table.ts';
import type { ExportResult } from './assemble.ts';
import type { ExportMeta } from './manifest.ts';

const INSTRUMENT_NOTES: Record<string, string> = {
	sfk: 'SFK (ICF / ICF-CY) activity and participation chapters d1–d9, rated by the multi-professional team (informant professional). Qualifier 0 no difficulty (0–4%), 1 mild (5–24%), 2 moderate (25–49%), 3 severe (50–95%), 4 complete (96–100%); 8 not specified and 9 not applicable are codes, not levels: exclude them from change. Lower is better; change is ordinal (paired Wilcoxon or sign test).',
	kidscreen52: 'KIDSCREEN-52 (ages 8–18), child self-report (informant child) and parent proxy (parent); 10 dimensions; Rasch T-scores, European norm mean 50, SD 10; higher is better. Compare with 50 only when scoring_method is rasch_t. The dashboard runs paired t-tests (follow-up − baseline) per dimension and informant, Holm-adjusted within an informant.',
	fqols: 'Beach Center Family Quality of Life Scale (informant family): 5 subscales, each the mean of its 1–5 items; higher is better.',
	sqol: 'Subjective quality of life (Gigantesco & Giuliani; adults, informant self): 13 life aspects rated once at follow-up as changed for the worse (−1), the same (0) or for the better (+1).'
};

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function variableRow(c: ExportColumn): string {
	const notes = [c.quasiIdentifier ? `**quasi-identifier** (${c.quasiIdentifier})` : '', c.sensitive ? '**sensitive variable** (l-diversity)' : '']
		.filter(Boolean)
		.join('; ');
	return `| \`${c.name}\` | ${c.type} | ${cell(c.description)}${notes ? ' ' + cell(notes) : ''} | ${c.allowed ? cell(c.allowed.join(', ')) : ''} |`;
}

/** @example codebookMarkdown(result, meta).startsWith('# IB Outcomes cohort export — codebook') // → true */
export function codebookMarkdown(result: ExportResult, meta: Pick<ExportMeta, 'softwareVersion' | 'datasetName'>): string {
	const r = result.report;
	const s = result.settings;
	const out: string[] = [];
	out.push('# IB Outcomes cohort export — codebook', '');
	out.push(`Dataset: ${meta.datasetName}. Cohort: ${r.cohort}. Software: IB Outcomes ${meta.softwareVersion}.`, '');
	out.push('## Anonymisation', '');
	out.push(
		`- Participant ids are replaced by keyed pseudonyms (HMAC-SHA-256 with a key chosen at export; the key is not in any file). Exports made with the same key can be linked; with different keys they cannot.`,
		`- Never exported: participant ids, birth year, exact dates (dates are ${s.dates === 'month' ? 'months, YYYY-MM' : 'whole months since enrolment'}), provider ids and labels, goal and event ids, free text.`,
		`- Quasi-identifiers checked for k-anonymity: ${r.quasiIdentifiers.map((q) => `${q.name} (hierarchy ${q.levels.join(' → ')}; exported as \`${q.column}\` at level “${q.levels[q.level]}”)`).join('; ') || 'none'}.`,
		`- k target ${r.k}; smallest equivalence class ${r.smallestClass} (${r.classes} classes); records selected ${r.selected}, exported ${r.exported}, suppressed ${r.suppressedForK} for k${r.suppressedForL ? ` and ${r.suppressedForL} for l` : ''}.`,
		r.sensitive
			? `- Distinct l-diversity of \`${r.sensitive}\`: l = ${r.l} (target ${r.lTarget}${r.enforceL ? ', enforced by suppressing classes below it' : ', checked only'}; ${r.classesBelowL} classes below target).`
			: '- No l-diversity check (no sensitive variable chosen).',
		`- Information loss: ${(r.informationLoss.suppressedShare * 100).toFixed(1)}% of records suppressed; mean generalisation height ${r.informationLoss.generalisationHeight.toFixed(3)} (0 = as recorded, 1 = fully generalised).`,
		'- A value `*` means "any": the quasi-identifier was generalised to its top level. An empty cell means missing or not applicable.',
		''
	);
	for (const t of result.tables) {
		out.push(`## File \`${t.name}\` (${t.rows.length} rows)`, '');
		out.push('| variable | type | meaning | allowed values |', '|---|---|---|---|');
		for (const c of t.columns) out.push(variableRow(c));
		out.push('');
	}
	const instruments = [...new Set(result.tables.flatMap((t) => t.columns.map((c) => c.name.split('_')[0])))].filter((i) => i in INSTRUMENT_NOTES);
	const long = result.tables.find((t) => t.name === 'assessments');
	if (long) for (const row of long.rows) if (!instruments.includes(String(row[1]))) instruments.push(String(row[1]));
	if (instruments.length) {
		out.push('## Instrument notes', '');
		for (const i of instruments) {
			out.push(`- **${i}**: ${INSTRUMENT_NOTES[i]}`);
			const dims = result.dimensions.filter((d) => d.instrument === i);
			if (dims.length) out.push(`  Dimensions: ${dims.map((d) => `\`${d.dimension_code}\` ${d.name_en} (${d.name_lv})`).join('; ')}.`);
		}
		out.push('');
	}
	out.push('## Reproducing the dashboard', '');
	out.push(
		'- Goal attainment % of a domain = Σ `goals_<domain>_score` / Σ `goals_<domain>_n` (achieved 1, partly 0.5, not 0); people = count with `goals_<domain>_n` > 0.',
		'- Cost per participant of a service group = Σ `cost_<group>_eur` / number of participants with `cost_<group>_eur` > 0; EUR per unit = Σ cost / Σ units; per month = per participant / the programme\'s reporting months ' +
			`(${result.programmes.map((p) => `${p.programme}: ${p.reporting_months}`).join(', ') || 'see manifest'}). The total row counts participants with any paid service.`,
		'- Employment: employed = any status other than `not_employed`; McNemar on baseline vs follow-up employed (exact binomial p when fewer than 25 discordant pairs).',
		'- Suppressed records are missing from the file, so figures computed from an export with suppression differ from the dashboard.',
		''
	);
	return out.join('\n');
}
