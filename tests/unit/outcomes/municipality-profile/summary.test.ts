/**
 * The municipality profile's shaping (pure): released figures side by side,
 * hidden figures stay hidden (never recomputed), a share only of two released
 * counts, the funnel position only from released attainment and goals.
 */
import { describe, it, expect } from 'vitest';
import { csvFigure, figure, formatFigure, funnelPosition, profileColumns, profileHidden, profileSections, shareOf } from '../../../../src/lib/outcomes/municipality-profile/summary';
import { profileSearch } from '../../../../src/lib/outcomes/municipality-profile/view';
import type { ReleasedGoalRow } from '../../../../src/lib/outcomes/goals/summary';
import type { Cell, MunicipalityRow } from '../../../../src/lib/outcomes/municipalities/summary';
import type { ReleasedBudgetSummary } from '../../../../src/lib/outcomes/budgets/summary';

const shown = (value: number): Cell => ({ value, reason: null });
const hiddenCell: Cell = { value: null, reason: 'primary' };

function munRow(level: MunicipalityRow['level'], code: string | null, attainment: Cell, goals: Cell): MunicipalityRow {
	return {
		level, code, name_lv: code, name_en: code, region: 'R', reporting_months: 12,
		participants: shown(10), goals, attainment, improved: shown(0.5), employmentChange: { value: null, reason: null },
		costPerParticipant: shown(100), costPerMonth: shown(10), budgetUse: shown(0.9)
	};
}

function goalRow(domain: string | null, participants: number | null, goals: number | null, share: number | null): ReleasedGoalRow {
	return {
		domain_code: domain, name_lv: domain, name_en: domain, participants, goals,
		achieved: null, achieved_share: null, partly: null, partly_share: null, not_achieved: null, not_share: null,
		score: share === null || goals === null ? null : share * goals, score_share: share
	};
}

describe('figures', () => {
	it('tells a hidden figure (null) from nothing to show (no row, not finite)', () => {
		expect(figure(3)).toEqual({ value: 3, hidden: false });
		expect(figure(null)).toEqual({ value: null, hidden: true });
		expect(figure(undefined)).toEqual({ value: null, hidden: false });
		expect(figure(NaN)).toEqual({ value: null, hidden: false });
	});
	it('takes a share only of two released counts', () => {
		expect(shareOf(5, 10)).toEqual({ value: 0.5, hidden: false });
		expect(shareOf(null, 10)).toEqual({ value: null, hidden: true });
		expect(shareOf(5, null)).toEqual({ value: null, hidden: true });
		expect(shareOf(0, 0)).toEqual({ value: null, hidden: false });
	});
	it('formats in lv-LV and writes plain numbers to the CSV', () => {
		const f = (v: number) => ({ value: v, hidden: false });
		expect(formatFigure('lv', 'eur', f(6911.3)).replace(/\s/g, ' ')).toBe('6 911,30 €');
		expect(formatFigure('lv', 'percent', f(0.754))).toBe('75%');
		expect(formatFigure('lv', 'change1', f(0.84))).toBe('+0,8');
		expect(formatFigure('lv', 'change2', f(-0.05))).toBe('-0,05');
		expect(formatFigure('lv', 'count', { value: null, hidden: true })).toBe('–');
		expect(csvFigure('percent', f(0.754))).toBe(75);
		expect(csvFigure('eur', f(6911.304))).toBe(6911.3);
		expect(csvFigure('count', { value: null, hidden: true })).toBe('–');
		expect(formatFigure('en', 'position', f(0), 'below95')).toBe('below the 95% limit');
		expect(csvFigure('position', f(0), 'within')).toBe('within');
	});
});

describe('funnel position', () => {
	const total = munRow('total', null, shown(0.75), shown(500));
	it('is where the released rate lies against the limits around the released overall rate', () => {
		expect(funnelPosition(munRow('municipality', 'A', shown(0.78), shown(56)), total)).toEqual({ flag: 'within', hidden: false });
		expect(funnelPosition(munRow('municipality', 'A', shown(0.95), shown(50)), total)).toEqual({ flag: 'above998', hidden: false });
		expect(funnelPosition(munRow('municipality', 'A', shown(0.6), shown(50)), total)).toEqual({ flag: 'below95', hidden: false });
	});
	it('is hidden with the attainment or the goals it rests on, and absent without a row', () => {
		expect(funnelPosition(munRow('municipality', 'A', hiddenCell, shown(56)), total)).toEqual({ flag: null, hidden: true });
		expect(funnelPosition(munRow('municipality', 'A', shown(0.78), hiddenCell), total)).toEqual({ flag: null, hidden: true });
		expect(funnelPosition(undefined, total)).toEqual({ flag: null, hidden: false });
	});
});

describe('profile sections', () => {
	const municipalities = [munRow('total', null, shown(0.75), shown(536)), munRow('municipality', 'A', shown(0.78), shown(56)), munRow('municipality', 'B', hiddenCell, hiddenCell)];
	const goals = {
		// The municipality has no goals in domain d2, and its score is hidden.
		municipality: [goalRow('d1', 11, 56, null), goalRow(null, 11, 56, null)],
		cohort: [goalRow('d1', 60, 300, 0.8), goalRow('d2', 50, 236, 0.7), goalRow(null, 102, 536, 0.75)]
	};
	const budget = (n: number | null, median: number | null): ReleasedBudgetSummary => ({
		n, months: 12, amounts: [], medianSpentOfIndicative: median, medianSpentOfAgreed: median, medianAgreedOfIndicative: median,
		agreedAboveIndicative: 0, spentAboveAgreed: 0, bins: [], budgetHidden: n === null, anyHidden: n === null
	});

	it("puts each released figure of the municipality beside the cohort's, rows by the cohort's domains", () => {
		const sections = profileSections('en', 'child', { municipalities, goals, budgets: { municipality: budget(11, 0.88), cohort: budget(102, 0.89) } }, 'A');
		expect(sections.map((s) => s.id)).toEqual(['municipalities', 'goals', 'budgets']);
		const [place, g, b] = sections;
		expect(place.rows.find((r) => r.key === 'position')!.position).toBe('within');
		expect(place.rows.find((r) => r.key === 'attainment')).toMatchObject({ municipality: { value: 0.78 }, cohort: { value: 0.75 } });
		expect(g.rows.map((r) => r.key)).toEqual(['participants', 'goals', 'attainment', 'domain:d1', 'domain:d2']);
		expect(g.rows[2]).toMatchObject({ municipality: { value: null, hidden: true }, cohort: { value: 0.75, hidden: false } });
		// No goals in d2: nothing to show, not hidden.
		expect(g.rows[4]).toMatchObject({ municipality: { value: null, hidden: false }, cohort: { value: 0.7 } });
		expect(b.rows[1]).toMatchObject({ municipality: { value: 0.88 }, cohort: { value: 0.89 } });
		expect(profileHidden(sections)).toBe(true);
	});

	it('hides every figure of a municipality whose comparison row is hidden', () => {
		const [place] = profileSections('lv', 'child', { municipalities }, 'B');
		expect(place.rows.filter((r) => r.key !== 'participants').every((r) => r.municipality.hidden)).toBe(true);
		const columns = profileColumns('lv', 'B');
		const position = place.rows.find((r) => r.key === 'position')!;
		expect(columns[1].format!(position.municipality as never, position)).toBe('–');
		expect(columns[1].suppressed!(position)).toContain('“–”');
	});
});

describe('links to a municipality page', () => {
	it('keep the dataset and drop the other views’ filters', () => {
		expect(profileSearch('?cohort=adult&mun=X&data=m.json&sex=F')).toBe('?data=m.json');
		expect(profileSearch(new URLSearchParams('mun=X'))).toBe('');
	});
});
