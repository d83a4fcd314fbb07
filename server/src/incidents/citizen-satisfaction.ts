import type { SatisfactionResult } from '@whistle/shared';
import { In } from 'typeorm';
import type { RecordingTx } from '../events/event-log';
import { Incident } from './incident.entity';
import { incidentRoomsOf } from './incident-rooms';
import { toIncidentView } from './incident-view';

/**
 * Records citizens' satisfaction results (from 12345 callbacks) onto their incidents, with an
 * incident.updated (`satisfaction`) for each one that changed; answers the ids that changed.
 */
export async function recordCitizenSatisfaction(
  tx: RecordingTx,
  actorId: string,
  results: readonly { incidentId: string; result: SatisfactionResult }[],
): Promise<Set<string>> {
  if (results.length === 0) return new Set();
  // Wrapped in a CTE so the driver answers the RETURNING rows (a bare UPDATE answers [rows, count]).
  const changed: { id: string }[] = await tx.manager.query(
    `WITH changed AS (
       UPDATE incidents i SET citizen_satisfaction = v.result::satisfaction_result, updated_at = now()
       FROM unnest($1::uuid[], $2::text[]) AS v(id, result)
       WHERE i.id = v.id AND i.citizen_satisfaction IS DISTINCT FROM v.result::satisfaction_result
       RETURNING i.id
     ) SELECT id FROM changed`,
    [results.map((r) => r.incidentId), results.map((r) => r.result)],
  );
  const ids = changed.map((c) => c.id);
  if (ids.length === 0) return new Set();
  const incidents = await tx.manager.findBy(Incident, { id: In(ids) });
  for (const incident of incidents) {
    tx.record({
      type: 'incident.updated',
      change: 'satisfaction',
      actorId,
      incidentId: incident.id,
      rooms: incidentRoomsOf(incident),
      payload: { ...toIncidentView(incident), change: 'satisfaction' },
    });
  }
  return new Set(ids);
}
