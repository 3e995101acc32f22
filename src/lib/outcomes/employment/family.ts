/**
 * Adults' employment as a table family of the release path (adults only).
 * Rows (keys in summary.ts, `employmentRows`):
 * - 'base:<status>', 'fup:<status>' and their totals 'base', 'fup': people
 *   with a record of that status in the wave (the counts table and chart);
 * - 't:<baseline>><follow-up>': the transition matrix's cells (people with
 *   both records), with its margins 'pb:<status>' (row totals),
 *   'pf:<status>' (column totals) and 'pairs' (people with both records);
 * - 'emp_before', 'emp_after': employed at baseline / follow-up among the
 *   pairs; 'started' (McNemar's b), 'stopped' (c): the test rests on these
 *   and 'pairs';
 * - never shown, but declared so that differences of shown rows are
 *   protected: 'bo:<status>' / 'fo:<status>' (a record in one wave only, with
 *   totals 'bo', 'fo'), 'stayed' (employed in both).
 * Every union a reader could subtract is declared: a margin and its cells, a
 * wave's status count and its pairs plus one-wave records, the employed and
 * their statuses, the employed at follow-up as those who stayed plus those
 * who started (so employed after − before = b − c cannot give a hidden c
 * away). Zeros are shown: "0 stopped work" is the pilot's published finding
 * and says nothing about a person. The period only narrows the selection
 * (the employment query has no period of its own), so $from/$to are unused.
 */
import type { FamilySource } from '#lib/privacy/release/runtime.ts';
import { namedSql } from '#lib/query/sql.ts';
import { EMPLOYMENT_FAMILY_ID, EMPLOYMENT_STATUSES, employmentConstraints, employmentRows } from './summary.ts';

const KNOWN = EMPLOYMENT_STATUSES.map((s) => `'${s}'`).join(', ');
/** isEmployed (summary.ts) in SQL. */
const EMPLOYED = (col: string) => `${col} <> 'not_employed'`;

export const EMPLOYMENT_FAMILY: FamilySource = {
	id: EMPLOYMENT_FAMILY_ID,
	rows: employmentRows(),
	contributors: namedSql(`
		WITH e AS (
			SELECT DISTINCT e.participant_id, e.wave, e.status
			FROM employment e JOIN participants p ON p.participant_id = e.participant_id
			WHERE p.cohort = $cohort
		), b AS (SELECT participant_id, status FROM e WHERE wave = 'baseline'),
		f AS (SELECT participant_id, status FROM e WHERE wave = 'followup'),
		pr AS (SELECT b.participant_id, b.status AS bs, f.status AS fs FROM b JOIN f ON f.participant_id = b.participant_id)
		SELECT participant_id, 'base:' || status AS row FROM b WHERE status IN (${KNOWN})
		UNION ALL SELECT participant_id, 'base' FROM b WHERE status IN (${KNOWN})
		UNION ALL SELECT participant_id, 'fup:' || status FROM f WHERE status IN (${KNOWN})
		UNION ALL SELECT participant_id, 'fup' FROM f WHERE status IN (${KNOWN})
		UNION ALL SELECT participant_id, 'bo:' || status FROM b WHERE status IN (${KNOWN}) AND participant_id NOT IN (SELECT participant_id FROM f)
		UNION ALL SELECT participant_id, 'bo' FROM b WHERE status IN (${KNOWN}) AND participant_id NOT IN (SELECT participant_id FROM f)
		UNION ALL SELECT participant_id, 'fo:' || status FROM f WHERE status IN (${KNOWN}) AND participant_id NOT IN (SELECT participant_id FROM b)
		UNION ALL SELECT participant_id, 'fo' FROM f WHERE status IN (${KNOWN}) AND participant_id NOT IN (SELECT participant_id FROM b)
		UNION ALL SELECT participant_id, 't:' || bs || '>' || fs FROM pr WHERE bs IN (${KNOWN}) AND fs IN (${KNOWN})
		UNION ALL SELECT participant_id, 'pb:' || bs FROM pr WHERE bs IN (${KNOWN}) AND fs IN (${KNOWN})
		UNION ALL SELECT participant_id, 'pf:' || fs FROM pr WHERE bs IN (${KNOWN}) AND fs IN (${KNOWN})
		UNION ALL SELECT participant_id, 'pairs' FROM pr
		UNION ALL SELECT participant_id, 'emp_before' FROM pr WHERE ${EMPLOYED('bs')}
		UNION ALL SELECT participant_id, 'emp_after' FROM pr WHERE ${EMPLOYED('fs')}
		UNION ALL SELECT participant_id, 'started' FROM pr WHERE NOT ${EMPLOYED('bs')} AND ${EMPLOYED('fs')}
		UNION ALL SELECT participant_id, 'stopped' FROM pr WHERE ${EMPLOYED('bs')} AND NOT ${EMPLOYED('fs')}
		UNION ALL SELECT participant_id, 'stayed' FROM pr WHERE ${EMPLOYED('bs')} AND ${EMPLOYED('fs')}`),
	tableConstraints: () => employmentConstraints()
};
