/** A participant with all their rows joined, as the variable getters and the anonymisation see them. */
import type { RawAssessment, RawData, RawGoals, RawParticipant } from './query.ts';

export interface Person {
	p: RawParticipant;
	goals: Map<string, RawGoals>;
	assessments: RawAssessment[];
	employment: Map<string, string>;
	services: Map<string, { cost_eur: number; units: number }>;
}

function indexBy<T extends { participant_id: string }>(rows: T[]): Map<string, T[]> {
	const m = new Map<string, T[]>();
	for (const r of rows) {
		const l = m.get(r.participant_id);
		if (l) l.push(r);
		else m.set(r.participant_id, [r]);
	}
	return m;
}

/** One Person per participant, sorted by participant id (so the k-anonymity search sees a stable order). */
export function people(raw: RawData): Person[] {
	const goals = indexBy(raw.goals);
	const assessments = indexBy(raw.assessments);
	const employment = indexBy(raw.employment);
	const services = indexBy(raw.services);
	return [...raw.participants]
		.sort((a, b) => (a.participant_id < b.participant_id ? -1 : a.participant_id > b.participant_id ? 1 : 0))
		.map((p) => ({
			p,
			goals: new Map((goals.get(p.participant_id) ?? []).map((g) => [g.domain_code, g])),
			assessments: assessments.get(p.participant_id) ?? [],
			employment: new Map((employment.get(p.participant_id) ?? []).map((e) => [e.wave, e.status])),
			services: new Map((services.get(p.participant_id) ?? []).map((s) => [s.service_group, { cost_eur: s.cost_eur, units: s.units }]))
		}));
}
