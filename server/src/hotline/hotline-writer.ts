import { randomUUID } from 'node:crypto';
import type { HotlineOrderResult, SatisfactionResult } from '@whistle/shared';
import { In } from 'typeorm';
import { Dispatch } from '../dispatches/dispatch.entity';
import type { RecordingTx } from '../events/event-log';
import { Incident } from '../incidents/incident.entity';
import { incidentRoomsOf } from '../incidents/incident-rooms';
import { toIncidentView } from '../incidents/incident-view';
import type { HotlineOrderInput } from './hotline-row';

/**
 * Writes a batch of checked orders inside the caller's transaction, with a handful of statements
 * whatever the batch size: the order rows go first, and their unique order number decides which
 * orders are new (a concurrent import of the same order waits for the other and then skips it).
 * New orders become incidents (source hotline_12345) with their incident.created events, exactly
 * what raiseIncident records; orders seen before only record a satisfaction result they bring.
 */
export async function writeHotlineOrders(
  tx: RecordingTx,
  orders: readonly HotlineOrderInput[],
  receivedById: string,
): Promise<HotlineOrderResult[]> {
  if (orders.length === 0) return [];
  const incidentIds = orders.map(() => randomUUID());
  const inserted: { order_no: string }[] = await tx.manager.query(
    `INSERT INTO hotline_orders (order_no, incident_id, received_at, citizen_phone_masked, address, received_by_id)
     SELECT o.*, $6::uuid FROM unnest($1::text[], $2::uuid[], $3::timestamptz[], $4::text[], $5::text[]) AS o
     ON CONFLICT (order_no) DO NOTHING
     RETURNING order_no`,
    [
      orders.map((o) => o.orderNo),
      incidentIds,
      orders.map((o) => o.receivedAt.toISOString()),
      orders.map((o) => o.citizenPhoneMasked),
      orders.map((o) => o.address),
      receivedById,
    ],
  );
  const isNew = new Set(inserted.map((r) => r.order_no));
  const now = new Date();
  const incidents = orders.flatMap((o, i) =>
    isNew.has(o.orderNo)
      ? [
          tx.manager.create(Incident, {
            id: incidentIds[i],
            title: o.title,
            description: o.description,
            category: o.category,
            priority: o.priority,
            source: 'hotline_12345',
            status: 'reported',
            lng: o.location.lng,
            lat: o.location.lat,
            gridId: o.grid.id,
            communityId: o.grid.communityId,
            streetId: o.grid.streetId,
            districtId: o.grid.districtId,
            reportedById: receivedById,
            rejectReason: null,
            mergedIntoId: null,
            overdue: false,
            standingReason: null,
            standingReviewOn: null,
            standingSince: null,
            citizenSatisfaction: o.satisfaction,
            registeredAt: null,
            closedAt: null,
            createdAt: now,
            updatedAt: now,
          }),
        ]
      : [],
  );
  await insertIncidents(tx, incidents);
  for (const incident of incidents) {
    tx.record({
      type: 'incident.created',
      change: 'created',
      actorId: receivedById,
      incidentId: incident.id,
      rooms: incidentRoomsOf(incident, []),
      payload: toIncidentView(incident),
    });
  }

  const resent = orders.filter((o) => !isNew.has(o.orderNo));
  const known = await incidentIdsOfOrders(
    tx,
    resent.map((o) => o.orderNo),
  );
  const updated = await recordSatisfaction(
    tx,
    receivedById,
    resent.flatMap((o) => {
      const incidentId = known.get(o.orderNo);
      return incidentId && o.satisfaction ? [{ incidentId, result: o.satisfaction }] : [];
    }),
  );
  return orders.map((o, i) => {
    if (isNew.has(o.orderNo)) return { orderNo: o.orderNo, incidentId: incidentIds[i], outcome: 'created' };
    const incidentId = known.get(o.orderNo) ?? '';
    return { orderNo: o.orderNo, incidentId, outcome: updated.has(incidentId) ? 'updated' : 'duplicate' };
  });
}

/**
 * One INSERT of column arrays: a statement with a parameter per column rather than per value, which
 * keeps a 500-row chunk cheap to send and to parse.
 */
async function insertIncidents(tx: RecordingTx, incidents: readonly Incident[]): Promise<void> {
  if (incidents.length === 0) return;
  const column = <T>(pick: (i: Incident) => T) => incidents.map(pick);
  await tx.manager.query(
    `INSERT INTO incidents (id, title, description, category, priority, source, status, lng, lat, grid_id,
       community_id, street_id, district_id, reported_by_id, citizen_satisfaction, created_at, updated_at)
     SELECT id, title, description, category, priority::priority, source::incident_source,
       status::incident_status, lng, lat, grid_id, community_id, street_id, district_id, reported_by_id,
       satisfaction::satisfaction_result, at, at
     FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
       $8::float8[], $9::float8[], $10::uuid[], $11::uuid[], $12::uuid[], $13::uuid[], $14::uuid[],
       $15::text[], $16::timestamptz[])
       AS t(id, title, description, category, priority, source, status, lng, lat, grid_id, community_id,
         street_id, district_id, reported_by_id, satisfaction, at)`,
    [
      column((i) => i.id),
      column((i) => i.title),
      column((i) => i.description),
      column((i) => i.category),
      column((i) => i.priority),
      column((i) => i.source),
      column((i) => i.status),
      column((i) => i.lng),
      column((i) => i.lat),
      column((i) => i.gridId),
      column((i) => i.communityId),
      column((i) => i.streetId),
      column((i) => i.districtId),
      column((i) => i.reportedById),
      column((i) => i.citizenSatisfaction),
      column((i) => i.createdAt.toISOString()),
    ],
  );
}

/** Order number → incident id, for the orders already stored. */
export async function incidentIdsOfOrders(
  tx: RecordingTx,
  orderNos: readonly string[],
): Promise<Map<string, string>> {
  if (orderNos.length === 0) return new Map();
  const rows: { order_no: string; incident_id: string }[] = await tx.manager.query(
    `SELECT order_no, incident_id FROM hotline_orders WHERE order_no = ANY($1::text[])`,
    [orderNos],
  );
  return new Map(rows.map((r) => [r.order_no, r.incident_id]));
}

/**
 * Records the citizen's satisfaction results onto their incidents and an incident.updated
 * (`satisfaction`) for each one that changed; answers the ids that changed.
 */
export async function recordSatisfaction(
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
  const summoned = await tx.manager.find(Dispatch, {
    where: { incidentId: In(ids) },
    select: { incidentId: true, departmentId: true, leaderUserId: true },
  });
  for (const incident of incidents) {
    tx.record({
      type: 'incident.updated',
      change: 'satisfaction',
      actorId,
      incidentId: incident.id,
      rooms: incidentRoomsOf(
        incident,
        summoned.filter((d) => d.incidentId === incident.id),
      ),
      payload: { ...toIncidentView(incident), change: 'satisfaction' },
    });
  }
  return new Set(ids);
}
