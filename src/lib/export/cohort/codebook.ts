/**
 * Codebook of an export, in Markdown: the method note (lv and en, the same
 * as on the export page), every variable with its type, meaning and allowed
 * values, how each background attribute was generalised, the achieved k,
 * risk and l, and notes on the instruments and on reproducing the
 * dashboard's figures. No date inside, so the same export gives the same codebook.
 */
import { en, lv } from '#lib/i18n/views/export.ts';
import { RELEASE_MIN } from '#lib/privacy/release/rules.ts';
import type { ExportColumn } from '../export-table.ts';
import type { ExportResult } from './assemble.ts';
import type { ExportMeta } from './manifest.ts';
import type { ExportSettings } from './settings.ts';
import { codeSpan, escapeMarkdown as md } from '../markdown.ts';

const INSTRUMENT_NOTES: Record<string, string> = {
	sfk: 'SFK (ICF / ICF-CY) activity and participation chapters d1–d9, rated by the multi-professional team (informant professional). Qualifier 0 no difficulty (0–4%), 1 mild (5–24%), 2 moderate (25–49%), 3 severe (50–95%), 4 complete (96–100%); 8 not specified and 9 not applicable are codes, not levels: exclude them from change. Lower is better; change is ordinal (paired Wilcoxon or sign test).',
	kidscreen52: 'KIDSCREEN-52 (ages 8–18), child self-report (informant child) and parent proxy (parent); 10 dimensions; Rasch T-scores, European norm mean 50, SD 10; higher is better. Compare with 50 only when scoring_method is rasch_t. The dashboard runs paired t-tests (follow-up − baseline) per dimension and informant, Holm-adjusted within an informant.',
	fqols: 'Beach Center Family Quality of Life Scale (informant family): 5 subscales, each the mean of its 1–5 items; higher is better.',
	sqol: 'Subjective quality of life (Gigantesco & Giuliani; adults, informant self): 13 life aspects rated once at follow-up as changed for the worse (−1), the same (0) or for the better (+1).'
};

// Descriptions and allowed values carry labels from the data (e.g. plan domain names): escaped whole.
function variableRow(c: ExportColumn): string {
	const notes = [c.quasiIdentifier ? `**quasi-identifier** (${md(c.quasiIdentifier)})` : '', c.sensitive ? '**sensitive variable** (l-diversity)' : '']
		.filter(Boolean)
		.join('; ');
	return `| ${codeSpan(c.name)} | ${md(c.type)} | ${md(c.description)}${notes ? ' ' + notes : ''} | ${c.allowed ? c.allowed.map(md).join(', ') : ''} |`;
}

type MethodSettings = Pick<ExportSettings, 'k' | 'riskCap' | 'costStep'>;

/** The keys of the method note, in order (the export page shows the same note). */
export function methodKeys(s: MethodSettings) {
	return ['export.method.k', 'export.method.qi', s.costStep ? 'export.method.banding' : 'export.method.bandingExact', 'export.method.risk', 'export.method.keys', 'export.method.overlap'] as const;
}

/** The numbers the method note is filled with (a decimal comma in Latvian). */
export function methodParams(s: MethodSettings, lang: 'lv' | 'en'): Record<string, string | number> {
	const cap = String(Number(s.riskCap.toFixed(3)));
	return { k: s.k, min: RELEASE_MIN, cap: lang === 'lv' ? cap.replace('.', ',') : cap, step: s.costStep };
}

const fill = (text: string, params: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (m, n: string) => (n in params ? String(params[n]) : m));

/** @example codebookMarkdown(result, meta).startsWith('# IB Outcomes cohort export — codebook') // → true */
export function codebookMarkdown(result: ExportResult, meta: Pick<ExportMeta, 'softwareVersion' | 'datasetName'>): string {
	const r = result.report;
	const s = result.settings;
	const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
	const out: string[] = [];
	out.push('# IB Outcomes cohort export — codebook', '');
	out.push(`Dataset: ${md(meta.datasetName)}. Cohort: ${md(r.cohort)}. Software: IB Outcomes ${md(meta.softwareVersion)}.`, '');
	out.push(`## ${lv['export.method.heading']} / ${en['export.method.heading']}`, '');
	out.push(...methodKeys(s).map((k) => `- ${fill(lv[k], methodParams(s, 'lv'))}`), '');
	out.push(...methodKeys(s).map((k) => `- ${fill(en[k], methodParams(s, 'en'))}`), '');
	out.push('## Anonymisation', '');
	out.push(
		r.keySource === 'fresh'
			? '- Participant ids are replaced by keyed pseudonyms (HMAC-SHA-256) under a fresh random key made for this export and not kept: no other export shares these pseudonyms.'
			: '- Participant ids are replaced by keyed pseudonyms (HMAC-SHA-256) under a key supplied by the user (not in any file): exports made with the same key can be linked record by record.',
		`- Never exported: participant ids, birth year, exact dates (dates are ${s.dates === 'month' ? 'months, YYYY-MM, or coarser' : 'whole months since enrolment; time in the programme may be banded'}), provider ids and labels, goal and event ids, free text.`,
		`- Background attributes released, all quasi-identifiers: ${r.quasiIdentifiers.map((q) => `${md(q.name)} (hierarchy ${q.levels.map(md).join(' → ')}; exported as ${codeSpan(q.column)} at level “${md(q.levels[q.level])}”)`).join('; ') || 'none'}.`,
		`- Equivalence classes are formed on the whole ${md(r.cohort)} cohort (${r.population} participants) whatever the filters; a class is released only if the selection holds all of it.`,
		`- k target ${r.k} (floor ${RELEASE_MIN}); smallest class released ${r.minClassSize}; smallest class in this file ${r.smallestClass} (${r.classes} classes).`,
		`- Records: selected ${r.selected}, exported ${r.exported}; not released: ${r.suppressed.k} for k, ${r.suppressed.risk} for the risk cap, ${r.suppressed.selection} because the selection cuts their class, ${r.suppressed.l} for l.`,
		`- Re-identification risk (prosecutor, 1 / class size): highest ${r.risk.max.toFixed(3)}, mean ${r.risk.mean.toFixed(3)}, cap ${s.riskCap.toFixed(3)}; ${r.recordsAboveCap} selected records above the cap were not released.`,
		r.sensitive
			? `- Distinct l-diversity of ${codeSpan(r.sensitive ?? '')}: l = ${r.l} (target ${r.lTarget}${r.enforceL ? ', enforced by not releasing classes below it' : ', checked only'}; ${r.classesBelowL} classes below target).`
			: '- No l-diversity check (no sensitive outcome variable chosen).',
		s.costStep
			? `- Costs are rounded to the nearest ${s.costStep} EUR (a paid amount never to 0) and units to 2 significant digits: sums over n people are off by at most ${s.costStep / 2} × n EUR.`
			: '- Costs and units are exact (chosen on purpose: exact sums make people unique).',
		`- Information loss: ${pct(r.informationLoss.suppressedShare)} of the selected records not released; mean generalisation height ${r.informationLoss.generalisationHeight.toFixed(3)} (0 = as recorded, 1 = fully generalised).`,
		'- A value `*` means "any": the attribute was generalised to its top level. An empty cell means missing or not applicable.',
		''
	);
	for (const t of result.tables) {
		out.push(`## File ${codeSpan(t.name)} (${t.rows.length} rows)`, '');
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
			out.push(`- **${md(i)}**: ${INSTRUMENT_NOTES[i] ?? ''}`);
			const dims = result.dimensions.filter((d) => d.instrument === i);
			if (dims.length) out.push(`  Dimensions: ${dims.map((d) => `${codeSpan(d.dimension_code)} ${md(d.name_en)} (${md(d.name_lv)})`).join('; ')}.`);
		}
		out.push('');
	}
	out.push('## Reproducing the dashboard', '');
	out.push(
		'- Goal attainment % of a domain = Σ `goals_<domain>_score` / Σ `goals_<domain>_n` (achieved 1, partly 0.5, not 0); people = count with `goals_<domain>_n` > 0.',
		'- Cost per participant of a service group = Σ `cost_<group>_eur` / number of participants with `cost_<group>_eur` > 0; EUR per unit = Σ cost / Σ units; per month = per participant / the programme\'s reporting months ' +
			`(${result.programmes.map((p) => `${md(p.programme)}: ${md(p.reporting_months)}`).join(', ') || 'see manifest'}). The total row counts participants with any paid service.`,
		'- Employment: employed = any status other than `not_employed`; McNemar on baseline vs follow-up employed (exact binomial p when fewer than 25 discordant pairs).',
		'- Suppressed records are missing from the file, and rounded costs are not the exact ones, so figures computed from such an export differ slightly from the dashboard.',
		''
	);
	return out.join('\n');
}
