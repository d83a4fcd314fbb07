import type { EntityManager } from 'typeorm';
import type { LiveEventPayloads, LiveEventType } from '@whistle/shared';
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

const COLUMNS = 7;

/**
 * A transaction that records what it changes. Events are collected while the change runs and
 * written, with their outbox rows, by `flush()` in one statement just before commit — the same
 * transaction as the state change, so all of it commits or none does.
 */
export class RecordingTx {
  readonly recorded: EventRecord[] = [];
  private pending: EventInput<LiveEventType>[] = [];

  constructor(readonly manager: EntityManager) {}

  record<T extends LiveEventType>(input: EventInput<T>): void {
    this.pending.push(input);
  }

  /** Appends the collected events and their outbox rows; ids follow the order they were recorded in. */
  async flush(): Promise<EventRecord[]> {
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return [];
    const values = batch.map(
      (_, i) => `(${Array.from({ length: COLUMNS }, (__, c) => `$${i * COLUMNS + c + 1}`).join(', ')})`,
    );
    const params = batch.flatMap((e) => [
      e.type,
      e.change,
      e.actorId,
      e.incidentId ?? null,
      e.dispatchId ?? null,
      [...new Set(e.rooms)],
      JSON.stringify(e.payload),
    ]);
    const rows: { id: string; occurred_at: Date }[] = await this.manager.query(
      `WITH e AS (
         INSERT INTO events (type, change, actor_id, incident_id, dispatch_id, rooms, payload)
         VALUES ${values.join(', ')} RETURNING id, occurred_at
       ), o AS (INSERT INTO outbox (event_id) SELECT id FROM e)
       SELECT id::text AS id, occurred_at FROM e ORDER BY e.id`,
      params,
    );
    const written = batch.map((input, i) => {
      const row = rows[i];
      if (!row) throw new Error('event insert returned fewer rows than events');
      return this.manager.create(EventRecord, {
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
