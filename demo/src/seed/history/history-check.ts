import { OPEN_INCIDENT_STATUSES } from '@whistle/shared';
import type { DataSource } from 'typeorm';
import type { PlanOutcome } from './plan-outcome';

export interface HistoryFigures {
  incidents: number;
  whistles: number;
  /** Dispatches to departments (not leaders' 双报到, not tasks sent down). */
  dispatches: number;
  whistledIncidents: number;
  /** Whistled incidents verified or closed. */
  whistledVerified: number;
  /** Distinct departments that reported in (arrived) at least once. */
  departmentsReportedIn: number;
  ratings: number;
  averageRating: number | null;
  open: number;
  /** Open dispatches whose running stage is past its deadline: the deadline worker reports them on start. */
  overdue: number;
  events: number;
}

/** What the database now holds, as the summary line reports it. */
export async function historyFigures(db: DataSource): Promise<HistoryFigures> {
  const [row] = await db.query<HistoryFigures[]>(
    `SELECT
       (SELECT count(*)::int FROM incidents) AS "incidents",
       (SELECT count(*)::int FROM whistles) AS "whistles",
       (SELECT count(*)::int FROM dispatches WHERE assignee_kind = 'department') AS "dispatches",
       (SELECT count(DISTINCT incident_id)::int FROM whistles) AS "whistledIncidents",
       (SELECT count(*)::int FROM incidents i WHERE i.status IN ('verified', 'closed')
          AND EXISTS (SELECT 1 FROM whistles w WHERE w.incident_id = i.id)) AS "whistledVerified",
       (SELECT count(DISTINCT department_id)::int FROM dispatches
          WHERE assignee_kind = 'department' AND arrived_at IS NOT NULL) AS "departmentsReportedIn",
       (SELECT count(*)::int FROM ratings) AS "ratings",
       (SELECT round(avg(score), 2)::float8 FROM ratings) AS "averageRating",
       (SELECT count(*)::int FROM incidents WHERE status = ANY($1::incident_status[])) AS "open",
       (SELECT count(*)::int FROM dispatches WHERE (status = 'pending' AND accept_by < now())
          OR (status = 'accepted' AND arrive_by < now())
          OR (status IN ('arrived', 'reopened') AND resolve_by < now())) AS "overdue",
       (SELECT count(*)::int FROM events) AS "events"`,
    [[...OPEN_INCIDENT_STATUSES]],
  );
  if (!row) throw new Error('figures query returned no row');
  return row;
}

/**
 * The database must end exactly where the plan, played through the state machines, says it ends:
 * same status for every incident and dispatch. A difference means a service decided otherwise.
 */
export async function checkOutcome(
  db: DataSource,
  outcome: PlanOutcome,
  incidentIds: ReadonlyMap<string, string>,
  dispatchIds: ReadonlyMap<string, readonly { id: string }[]>,
): Promise<void> {
  const rows = await db.query<{ id: string; status: string }[]>(
    'SELECT id, status::text AS status FROM incidents WHERE id = ANY($1::uuid[])',
    [[...incidentIds.values()]],
  );
  const incidentStatus = new Map(rows.map((r) => [r.id, r.status]));
  const dRows = await db.query<{ id: string; status: string }[]>(
    'SELECT id, status::text AS status FROM dispatches WHERE id = ANY($1::uuid[])',
    [[...dispatchIds.values()].flatMap((ds) => ds.map((d) => d.id))],
  );
  const dispatchStatus = new Map(dRows.map((r) => [r.id, r.status]));
  const wrong: string[] = [];
  for (const [key, expected] of outcome.incidents) {
    const actual = incidentStatus.get(incidentIds.get(key) ?? '');
    if (actual !== expected) wrong.push(`incident ${key}: ${actual} instead of ${expected}`);
  }
  for (const [key, planned] of outcome.dispatches) {
    for (const d of dispatchIds.get(key) ?? [{ id: '' }]) {
      const actual = dispatchStatus.get(d.id);
      if (actual !== planned.status) wrong.push(`dispatch ${key}: ${actual} instead of ${planned.status}`);
    }
  }
  if (wrong.length > 0) throw new Error(`history ended off plan: ${wrong.slice(0, 5).join('; ')}`);
}

/** No time the history wrote may lie at or after its end, except deadlines still ahead. */
export async function checkNothingInThePresent(db: DataSource, end: Date): Promise<void> {
  const [row] = await db.query<{ n: number }[]>(
    `SELECT (
       (SELECT count(*) FROM incidents WHERE created_at >= $1 OR updated_at >= $1
          OR registered_at >= $1 OR closed_at >= $1)
     + (SELECT count(*) FROM whistles WHERE created_at >= $1)
     + (SELECT count(*) FROM dispatches WHERE created_at >= $1 OR updated_at >= $1 OR accepted_at >= $1
          OR arrived_at >= $1 OR resolved_at >= $1 OR verified_at >= $1 OR closed_at >= $1
          OR last_overdue_at >= $1)
     + (SELECT count(*) FROM ratings WHERE created_at >= $1)
     + (SELECT count(*) FROM events WHERE occurred_at >= $1))::int AS n`,
    [end.toISOString()],
  );
  const n = row?.n ?? 0;
  if (n > 0) throw new Error(`history left ${n} row(s) stamped at or after its end`);
}
