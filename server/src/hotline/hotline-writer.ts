import { randomUUID } from 'node:crypto';
import type { HotlineOrderResult } from '@whistle/shared';
import type { RecordingTx } from '../events/event-log';
import { recordCitizenSatisfaction } from '../incidents/citizen-satisfaction';
import { raiseIncidents } from '../incidents/raise-incident';
import type { HotlineOrderInput } from './hotline-row';

/**
 * Writes a batch of checked orders inside the caller's transaction, with a handful of statements
 * whatever the batch size: the order rows go first, and their unique order number decides which
 * orders are new (a concurrent import of the same order waits for the other and then skips it).
 * New orders are raised as incidents (source hotline_12345) the one way every incident is; orders
 * seen before only record a satisfaction result they bring.
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
  await raiseIncidents(
    tx,
    orders.flatMap((o, i) =>
      isNew.has(o.orderNo)
        ? [
            {
              id: incidentIds[i],
              title: o.title,
              description: o.description,
              category: o.category,
              priority: o.priority,
              source: 'hotline_12345' as const,
              location: o.location,
              grid: o.grid,
              reportedById: receivedById,
              citizenSatisfaction: o.satisfaction,
            },
          ]
        : [],
    ),
  );

  const resent = orders.filter((o) => !isNew.has(o.orderNo));
  const known = await incidentIdsOfOrders(
    tx,
    resent.map((o) => o.orderNo),
  );
  const updated = await recordCitizenSatisfaction(
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
