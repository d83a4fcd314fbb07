import type { EntityManager } from 'typeorm';
import type { LiveEventPayloads, LiveEventType } from '@whistle/shared';
import type { DeferredWrite, SqlParam } from '../database/deferred-write';
import { EventRecord } from './event.entity';

export interface EventInput<T extends LiveEventType> {
  type: T;
  change: string;
  actorId: string | null;
  incidentId?: string | null;
  dispatchId?: string | null;
  rooms: string[];
  payload: LiveEventPayloads[T];
}

/**
 * A transaction that records what it changes. Events are collected while the change runs and
 * written, with their outbox rows, by `flush()` in one statement just before commit — the same
 * transaction as the state change, so all of it commits or none does.
 *
 * Writes nothing in the transaction reads again can ride in that statement too (`write()`): a
 * whistle's rows, its incident's progress and its events reach PostgreSQL in one round trip. On
 * a busy 2-core machine each statement is a turn of the event loop with a pooled connection held.
 */
export class RecordingTx {
  readonly recorded: EventRecord[] = [];
  private pending: EventInput<LiveEventType>[] = [];
  private writes = new Map<string, DeferredWrite>();

  constructor(readonly manager: EntityManager) {}

  record<T extends LiveEventType>(input: EventInput<T>): void {
    this.pending.push(input);
  }

  /**
   * Sends `write` with the next flush. Reads in this transaction do not see it before then; `key`
   * names the row(s) written (`incidents:<id>`): one statement may not change a row twice.
   */
  write(key: string, write: DeferredWrite): void {
    if (this.writes.has(key)) throw new Error(`${key} is already written in this statement`);
    this.writes.set(key, write);
  }

  /**
   * Sends the deferred writes and appends the collected events with their outbox rows, in one
   * statement; event ids follow the order the events were recorded in.
   */
  async flush(): Promise<EventRecord[]> {
    const batch = this.pending;
    const writes = [...this.writes.values()];
    this.pending = [];
    this.writes = new Map();
    if (batch.length === 0 && writes.length === 0) return [];
    const params: unknown[] = [];
    const param: SqlParam = (value) => `$${params.push(value)}`;
    const parts = writes.map((write, i) => `w${i} AS (${write(param)})`);
    if (batch.length > 0) {
      const values = batch.map(
        (e) =>
          `(${[
            e.type,
            e.change,
            e.actorId,
            e.incidentId ?? null,
            e.dispatchId ?? null,
            [...new Set(e.rooms)],
            JSON.stringify(e.payload),
          ]
            .map(param)
            .join(', ')})`,
      );
      parts.push(
        `e AS (INSERT INTO events (type, change, actor_id, incident_id, dispatch_id, rooms, payload)
         VALUES ${values.join(', ')} RETURNING id, occurred_at)`,
        `o AS (INSERT INTO outbox (event_id) SELECT id FROM e)`,
      );
    }
    // Every part of a WITH runs to completion whether or not the final SELECT reads it.
    const rows: { id: string; occurred_at: Date }[] = await this.manager.query(
      `WITH ${parts.join(',\n')}
       ${batch.length > 0 ? 'SELECT id::text AS id, occurred_at FROM e ORDER BY e.id' : 'SELECT 1 WHERE false'}`,
      params,
    );
    const written = batch.map((input, i) => {
      const row = rows[i];
      if (!row) throw new Error('event insert returned fewer rows than events');
      return Object.assign(new EventRecord(), {
        id: row.id,
        type: input.type,
        change: input.change,
        actorId: input.actorId,
        occurredAt: row.occurred_at,
        incidentId: input.incidentId ?? null,
        dispatchId: input.dispatchId ?? null,
        rooms: [...new Set(input.rooms)],
        payload: input.payload,
      });
    });
    this.recorded.push(...written);
    return written;
  }
}
