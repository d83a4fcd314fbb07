import type { DataSource, EntityManager } from 'typeorm';
import type { HistoryTimes } from './history-times';

/** Rows per statement: arrays travel as one parameter each, so this only bounds statement size. */
const BATCH = 1000;

type Column = (string | null)[];

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/**
 * Moves every row the history wrote to its planned time, in one transaction. Raw SQL on purpose:
 * TypeORM's update would stamp updated_at with the present again. Before writing, each table is
 * checked so that a time is set exactly where the services set one — a difference means the
 * services changed what they stamp and the history no longer mirrors them.
 */
export async function rewriteTimes(db: DataSource, times: HistoryTimes): Promise<void> {
  await db.transaction(async (m) => {
    const incidents = [...times.incidents.entries()];
    await update(
      m,
      'incidents',
      'id',
      'uuid',
      incidents.map(([id]) => id),
      {
        created_at: incidents.map(([, t]) => iso(t.createdAt)),
        updated_at: incidents.map(([, t]) => iso(t.updatedAt)),
        registered_at: incidents.map(([, t]) => iso(t.registeredAt)),
        closed_at: incidents.map(([, t]) => iso(t.closedAt)),
      },
    );
    const whistles = [...times.whistles.entries()];
    await update(
      m,
      'whistles',
      'id',
      'uuid',
      whistles.map(([id]) => id),
      {
        created_at: whistles.map(([, at]) => iso(at)),
      },
    );
    const dispatches = [...times.dispatches.entries()];
    await update(
      m,
      'dispatches',
      'id',
      'uuid',
      dispatches.map(([id]) => id),
      {
        created_at: dispatches.map(([, t]) => iso(t.createdAt)),
        updated_at: dispatches.map(([, t]) => iso(t.updatedAt)),
        accept_by: dispatches.map(([, t]) => iso(t.acceptBy)),
        arrive_by: dispatches.map(([, t]) => iso(t.arriveBy)),
        resolve_by: dispatches.map(([, t]) => iso(t.resolveBy)),
        accepted_at: dispatches.map(([, t]) => iso(t.acceptedAt)),
        arrived_at: dispatches.map(([, t]) => iso(t.arrivedAt)),
        resolved_at: dispatches.map(([, t]) => iso(t.resolvedAt)),
        verified_at: dispatches.map(([, t]) => iso(t.verifiedAt)),
        closed_at: dispatches.map(([, t]) => iso(t.closedAt)),
        last_overdue_at: dispatches.map(([, t]) => iso(t.lastOverdueAt)),
      },
    );
    const ratings = [...times.ratings.entries()];
    await update(
      m,
      'ratings',
      'dispatch_id',
      'uuid',
      ratings.map(([id]) => id),
      {
        created_at: ratings.map(([, at]) => iso(at)),
      },
    );
    for (let i = 0; i < times.events.length; i += BATCH) {
      const batch = times.events.slice(i, i + BATCH);
      await m.query(
        `UPDATE events e SET occurred_at = u.occurred_at, payload = u.payload::jsonb
         FROM unnest($1::bigint[], $2::timestamptz[], $3::text[]) AS u(id, occurred_at, payload)
         WHERE e.id = u.id`,
        [
          batch.map((e) => e.id),
          batch.map((e) => iso(e.occurredAt)),
          batch.map((e) => JSON.stringify(e.payload)),
        ],
      );
    }
    const ratingRows = await m.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM ratings WHERE dispatch_id = ANY($1::uuid[])',
      [dispatches.map(([id]) => id)],
    );
    if ((ratingRows[0]?.n ?? 0) !== ratings.length)
      throw new Error('the services wrote ratings the history did not expect');
  });
}

/** Sets `columns` by `key` from parallel arrays, after checking that nulls line up. */
async function update(
  m: EntityManager,
  table: string,
  key: string,
  keyType: string,
  keys: string[],
  columns: Record<string, Column>,
): Promise<void> {
  const names = Object.keys(columns);
  for (let i = 0; i < keys.length; i += BATCH) {
    const params = [keys.slice(i, i + BATCH), ...names.map((n) => (columns[n] ?? []).slice(i, i + BATCH))];
    const source = `unnest($1::${keyType}[], ${names.map((_, j) => `$${j + 2}::timestamptz[]`).join(', ')}) AS u(k, ${names.join(', ')})`;
    const mismatch = names.map((n) => `(t.${n} IS NULL) <> (u.${n} IS NULL)`).join(' OR ');
    const [bad] = await m.query<{ n: number; example: string | null }[]>(
      `SELECT count(*)::int AS n, min(t.${key}::text) AS example FROM ${table} t JOIN ${source} ON t.${key} = u.k WHERE ${mismatch}`,
      params,
    );
    if (bad && bad.n > 0) {
      throw new Error(
        `${table}: ${bad.n} row(s) stamped differently by the services than by the history, e.g. ${bad.example}`,
      );
    }
    const [found] = await m.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM ${table} t JOIN ${source} ON t.${key} = u.k`,
      params,
    );
    if ((found?.n ?? 0) !== params[0]?.length) throw new Error(`${table}: rows of the history are missing`);
    await m.query(
      `UPDATE ${table} t SET ${names.map((n) => `${n} = u.${n}`).join(', ')} FROM ${source} WHERE t.${key} = u.k`,
      params,
    );
  }
}
