/**
 * (Over 300 lines: one small shaping per outcome, kept together so that every
 * table of the page follows the same rule for hidden figures.)
 *
 * One municipality's profile beside its cohort's (pure): from the released
 * results of the outcome views for the two selections (view.ts), one small
 * table per outcome whose rows are a measure, the municipality's figure and
 * the cohort's. Nothing is computed here from a hidden figure: a figure the
 * release path hid stays null (shown "–" with the note), a share is taken
 * only of two released counts, and the funnel position only from released
 * attainment and goals (the same as the funnel plot's).
 *
 * @example
 * profileSections('en', 'child', { goals: { municipality, cohort } }, 'JELGAVA_C')[0].rows[2]
 * // → { key: 'attainment', measure: 'Goal attainment', kind: 'percent', municipality: { value: 0.78, hidden: false }, cohort: { value: 0.75, hidden: false } }
 */
import type { Cohort } from '#lib/filters/filters.ts';
import { translate, type Lang, type MessageKey } from '#lib/i18n/translate.ts';
import { formatEur, formatNumber, formatPercent } from '#lib/i18n/format.ts';
import { nameOf } from '#lib/i18n/sentences.ts';
import { RELEASE_MIN } from '#lib/privacy/release/rules.ts';
import { funnelFlag, type FunnelFlag } from '#lib/stats/index.ts';
import type { Column } from '#lib/ui/table.ts';
import type { ReleasedComparison } from '#lib/outcomes/paired/release.ts';
import { goalDomainName, goalTotal, type ReleasedGoalRow } from '#lib/outcomes/goals/summary.ts';
import type { ReleasedFunctioning } from '#lib/outcomes/functioning/summary.ts';
import type { ReleasedKidscreenSummary } from '#lib/outcomes/kidscreen/summary.ts';
import type { ReleasedFqolsSummary } from '#lib/outcomes/fqols/summary.ts';
import type { ReleasedSqolSummary } from '#lib/outcomes/sqol/summary.ts';
import type { ReleasedEmployment } from '#lib/outcomes/employment/summary.ts';
import { costRowLabel, type ReleasedCosts } from '#lib/outcomes/costs/summary.ts';
import type { ReleasedBudgetSummary } from '#lib/outcomes/budgets/summary.ts';
import type { Cell, MunicipalityRow } from '#lib/outcomes/municipalities/summary.ts';

/**
 * A figure as released: `hidden` when the release path hid it (value null),
 * value null and not hidden when there is nothing to show (no such row).
 */
export interface Figure {
	value: number | null;
	hidden: boolean;
}

/** How a measure reads: a count, a share, euros, a mean change (1 or 2 decimals) or a funnel position. */
export type Kind = 'count' | 'percent' | 'eur' | 'change1' | 'change2' | 'position';

export interface ProfileRow {
	key: string;
	measure: string;
	kind: Kind;
	municipality: Figure;
	cohort: Figure;
	/** For kind 'position': where the municipality lies against the funnel plot's control limits. */
	position?: FunnelFlag | null;
}

export type SectionId = 'municipalities' | 'goals' | 'functioning' | 'kidscreen' | 'fqols' | 'sqol' | 'employment' | 'costs' | 'budgets';

export interface ProfileSection {
	id: SectionId;
	title: string;
	rows: ProfileRow[];
}

/** A view's released value for the municipality and for the cohort. */
export interface Pair<T> {
	municipality: T;
	cohort: T;
}

export interface ProfileInput {
	/** The municipality comparison's released rows (the cohort as a whole): the funnel position. */
	municipalities?: MunicipalityRow[];
	goals?: Pair<ReleasedGoalRow[]>;
	functioning?: Pair<ReleasedFunctioning>;
	kidscreen?: Pair<ReleasedKidscreenSummary[]>;
	fqols?: Pair<ReleasedFqolsSummary>;
	sqol?: Pair<ReleasedSqolSummary>;
	employment?: Pair<ReleasedEmployment>;
	costs?: Pair<ReleasedCosts>;
	budgets?: Pair<ReleasedBudgetSummary>;
}

const NOTHING: Figure = { value: null, hidden: false };

/** A released figure: null is hidden; undefined (no such row) or not finite is nothing to show. */
export function figure(v: number | null | undefined): Figure {
	if (v === undefined) return NOTHING;
	if (v === null) return { value: null, hidden: true };
	return Number.isFinite(v) ? { value: v, hidden: false } : NOTHING;
}

/** A share of two released counts: hidden if either is; nothing to show over zero. */
export function shareOf(part: number | null | undefined, whole: number | null | undefined): Figure {
	if (part === undefined || whole === undefined) return NOTHING;
	if (part === null || whole === null) return { value: null, hidden: true };
	return whole > 0 ? { value: part / whole, hidden: false } : NOTHING;
}

const fromCell = (c: Cell | undefined): Figure => (!c ? NOTHING : c.reason !== null ? { value: null, hidden: true } : figure(c.value));

function row(key: string, measure: string, kind: Kind, m: Figure, c: Figure): ProfileRow {
	return { key, measure, kind, municipality: m, cohort: c };
}

/** Rows of a paired outcome (one per dimension of the cohort, matched by code): the mean change. */
function pairedRows(lang: Lang, prefix: string, label: (name: string) => string, m: readonly ReleasedComparison[], c: readonly ReleasedComparison[], kind: Kind): ProfileRow[] {
	const byCode = new Map(m.map((r) => [r.dimension_code, r]));
	return c.map((r) => row(`${prefix}${r.dimension_code}`, label(nameOf(lang, r, r.dimension_code)), kind, figure(byCode.get(r.dimension_code)?.meanChange), figure(r.meanChange)));
}

/** The funnel position of a released municipality row against the released overall rate. */
export function funnelPosition(mun: MunicipalityRow | undefined, total: MunicipalityRow | undefined): { flag: FunnelFlag | null; hidden: boolean } {
	if (!mun || !total) return { flag: null, hidden: false };
	if (mun.attainment.reason !== null || mun.goals.reason !== null || total.attainment.reason !== null) return { flag: null, hidden: true };
	const rate = mun.attainment.value;
	const goals = mun.goals.value;
	const p0 = total.attainment.value;
	if (rate === null || goals === null || goals <= 0 || p0 === null) return { flag: null, hidden: false };
	return { flag: funnelFlag(rate, goals, p0), hidden: false };
}

/** The municipality's row of the comparison, if the cohort has one for its code. */
export const municipalityRow = (rows: readonly MunicipalityRow[] | undefined, code: string) => rows?.find((r) => r.level === 'municipality' && r.code === code);

/** The sections of a cohort's profile, in reading order; an outcome without input is left out. */
export function profileSections(lang: Lang, cohort: Cohort, input: ProfileInput, code: string): ProfileSection[] {
	const tr = (key: MessageKey, params?: Record<string, string | number>) => translate(lang, key, params);
	const out: ProfileSection[] = [];

	if (input.municipalities) {
		const mun = municipalityRow(input.municipalities, code);
		const total = input.municipalities.find((r) => r.level === 'total');
		const pos = funnelPosition(mun, total);
		out.push({
			id: 'municipalities',
			title: tr('profile.section.municipalities'),
			rows: [
				row('participants', tr('municipalities.participants'), 'count', fromCell(mun?.participants), fromCell(total?.participants)),
				row('goals', tr('municipalities.goals'), 'count', fromCell(mun?.goals), fromCell(total?.goals)),
				row('attainment', tr('profile.funnel.rate'), 'percent', fromCell(mun?.attainment), fromCell(total?.attainment)),
				{ ...row('position', tr('profile.funnel.position'), 'position', { value: null, hidden: pos.hidden }, NOTHING), position: pos.flag }
			]
		});
	}

	if (input.goals) {
		const { municipality: m, cohort: c } = input.goals;
		const mt = goalTotal(m);
		const ct = goalTotal(c);
		const byCode = new Map(m.map((r) => [r.domain_code, r]));
		out.push({
			id: 'goals',
			title: tr('profile.section.goals'),
			rows: [
				row('participants', tr('goals.participants'), 'count', figure(mt?.participants), figure(ct?.participants)),
				row('goals', tr('goals.goals'), 'count', figure(mt?.goals), figure(ct?.goals)),
				row('attainment', tr('profile.goals.attainment'), 'percent', figure(mt?.score_share), figure(ct?.score_share)),
				...c
					.filter((r) => r.domain_code !== null)
					.map((r) =>
						row(`domain:${r.domain_code}`, tr('profile.goals.domain', { domain: goalDomainName(lang, r) }), 'percent', figure(byCode.get(r.domain_code)?.score_share), figure(r.score_share))
					)
			]
		});
	}

	if (input.functioning) {
		const { municipality: m, cohort: c } = input.functioning;
		out.push({
			id: 'functioning',
			title: tr('profile.section.functioning'),
			rows: [
				row('assessed', tr('profile.sfk.assessed'), 'count', figure(m.children.assessed), figure(c.children.assessed)),
				row('positive', tr('profile.sfk.positive'), 'count', figure(m.children.positive), figure(c.children.positive)),
				row('positiveShare', tr('profile.sfk.positiveShare'), 'percent', shareOf(m.children.positive, m.children.assessed), shareOf(c.children.positive, c.children.assessed)),
				row('domainsNetImproved', tr('profile.sfk.domainsNetImproved'), 'count', figure(m.domainsNetImproved), figure(c.domainsNetImproved))
			]
		});
	}

	if (input.kidscreen) {
		const { municipality: m, cohort: c } = input.kidscreen;
		out.push({
			id: 'kidscreen',
			title: tr('profile.section.kidscreen'),
			rows: c.flatMap((ci) => {
				const mi = m.find((x) => x.informant === ci.informant);
				const who = tr(`qol.ks.informant.${ci.informant}` as MessageKey);
				return [
					row(`respondents:${ci.informant}`, tr('profile.qol.respondents', { who }), 'count', figure(mi?.respondents), figure(ci.respondents)),
					...pairedRows(lang, `${ci.informant}:`, (name) => tr('profile.qol.changeOf', { who, name }), mi?.rows ?? [], ci.rows, 'change1')
				];
			})
		});
	}

	if (input.fqols) {
		const { municipality: m, cohort: c } = input.fqols;
		out.push({
			id: 'fqols',
			title: tr('profile.section.fqols'),
			rows: [
				row('families', tr('profile.qol.families'), 'count', figure(m.families), figure(c.families)),
				...pairedRows(lang, '', (name) => tr('profile.qol.change', { name }), m.rows, c.rows, 'change2')
			]
		});
	}

	if (input.sqol) {
		const { municipality: m, cohort: c } = input.sqol;
		const byCode = new Map(m.aspects.map((a) => [a.dimension_code, a]));
		out.push({
			id: 'sqol',
			title: tr('profile.section.sqol'),
			rows: [
				row('persons', tr('profile.qol.persons'), 'count', figure(m.persons), figure(c.persons)),
				row('netPositive', tr('profile.qol.netPositive'), 'percent', figure(m.netPositiveShare), figure(c.netPositiveShare)),
				...c.aspects.map((a) => row(`aspect:${a.dimension_code}`, tr('profile.qol.better', { name: nameOf(lang, a, a.dimension_code) }), 'percent', figure(byCode.get(a.dimension_code)?.betterShare), figure(a.betterShare)))
			]
		});
	}

	if (input.employment) {
		const m = input.employment.municipality.test;
		const c = input.employment.cohort.test;
		out.push({
			id: 'employment',
			title: tr('profile.section.employment'),
			rows: [
				row('pairs', tr('profile.emp.pairs'), 'count', figure(m.nPairs), figure(c.nPairs)),
				row('before', tr('profile.emp.before'), 'count', figure(m.employedBefore), figure(c.employedBefore)),
				row('after', tr('profile.emp.after'), 'count', figure(m.employedAfter), figure(c.employedAfter)),
				row('shareBefore', tr('profile.emp.shareBefore'), 'percent', figure(m.shareBefore), figure(c.shareBefore)),
				row('shareAfter', tr('profile.emp.shareAfter'), 'percent', figure(m.shareAfter), figure(c.shareAfter))
			]
		});
	}

	if (input.costs) {
		const m = input.costs.municipality.table.rows;
		const c = input.costs.cohort.table.rows;
		const byRow = new Map(m.map((r) => [r.row, r]));
		const total = (rows: typeof c) => rows.find((r) => r.row === 'total');
		out.push({
			id: 'costs',
			title: tr('profile.section.costs'),
			rows: [
				...c
					.filter((r) => r.row !== 'total_with_overheads')
					.map((r) => row(`perParticipant:${r.row}`, tr('profile.costs.perParticipant', { group: costRowLabel(lang, cohort, r) }), 'eur', figure(byRow.get(r.row)?.eur_per_participant), figure(r.eur_per_participant))),
				row('perParticipantMonth', tr('profile.costs.perParticipantMonth'), 'eur', figure(total(m)?.eur_per_participant_month), figure(total(c)?.eur_per_participant_month))
			]
		});
	}

	if (input.budgets) {
		const { municipality: m, cohort: c } = input.budgets;
		out.push({
			id: 'budgets',
			title: tr('profile.section.budgets'),
			rows: [
				row('people', tr('profile.budgets.people'), 'count', figure(m.n), figure(c.n)),
				row('spentOfIndicative', tr('profile.budgets.spentOfIndicative'), 'percent', figure(m.medianSpentOfIndicative), figure(c.medianSpentOfIndicative)),
				row('spentOfAgreed', tr('profile.budgets.spentOfAgreed'), 'percent', figure(m.medianSpentOfAgreed), figure(c.medianSpentOfAgreed)),
				row('agreedOfIndicative', tr('profile.budgets.agreedOfIndicative'), 'percent', figure(m.medianAgreedOfIndicative), figure(c.medianAgreedOfIndicative))
			]
		});
	}
	return out;
}

/** Whether any figure of the sections is hidden (the page then explains "–" once). */
export const profileHidden = (sections: readonly ProfileSection[]) => sections.some((s) => s.rows.some((r) => r.municipality.hidden || r.cohort.hidden));

/** What a figure without a value shows, on screen and in the CSV. */
export const NO_FIGURE = '–';

/** A figure as read on screen (locale formatted; "–" without a value). */
export function formatFigure(lang: Lang, kind: Kind, f: Figure, position?: FunnelFlag | null): string {
	if (kind === 'position') return position ? translate(lang, `profile.funnel.flag.${position}` as MessageKey) : NO_FIGURE;
	if (f.value === null) return NO_FIGURE;
	const v = f.value;
	if (kind === 'percent') return formatPercent(lang, v);
	if (kind === 'eur') return formatEur(lang, v);
	if (kind === 'count') return formatNumber(lang, v);
	const text = formatNumber(lang, v, kind === 'change1' ? 1 : 2);
	return v > 0 ? `+${text}` : text;
}

/** A figure in the CSV: a plain number (percent as 0–100, euros to the cent), "–" without a value. */
export function csvFigure(kind: Kind, f: Figure, position?: FunnelFlag | null): string | number {
	if (kind === 'position') return position ?? NO_FIGURE;
	if (f.value === null) return NO_FIGURE;
	const round = (v: number, d: number) => Math.round(v * 10 ** d) / 10 ** d;
	if (kind === 'percent') return round(f.value * 100, 0);
	if (kind === 'count') return f.value;
	return round(f.value, kind === 'change1' ? 1 : 2);
}

/** A section's table: the measure, the municipality's figure, the cohort's. */
export function profileColumns(lang: Lang, municipalityName: string): Column<ProfileRow>[] {
	const hiddenWhy = translate(lang, 'release.cellHidden', { min: RELEASE_MIN });
	return [
		{ key: 'measure', label: translate(lang, 'profile.measure'), rowHeader: true },
		{
			key: 'municipality',
			label: municipalityName,
			numeric: true,
			format: (_, r) => formatFigure(lang, r.kind, r.municipality, r.position),
			csv: (_, r) => csvFigure(r.kind, r.municipality, r.position),
			suppressed: (r) => (r.municipality.hidden ? hiddenWhy : null)
		},
		{
			key: 'cohort',
			label: translate(lang, 'profile.cohortColumn'),
			numeric: true,
			format: (_, r) => (r.kind === 'position' ? NO_FIGURE : formatFigure(lang, r.kind, r.cohort)),
			csv: (_, r) => (r.kind === 'position' ? NO_FIGURE : csvFigure(r.kind, r.cohort)),
			suppressed: (r) => (r.cohort.hidden ? hiddenWhy : null)
		}
	];
}
