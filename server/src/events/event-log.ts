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

/**
 * A transaction that records what it changes. Each `record` appends an event and its outbox row
 * with the same EntityManager as the state change, so all three commit or none does.
 */
export class RecordingTx {
  readonly recorded: EventRecord[] = [];

  constructor(readonly manager: EntityManager) {}

  async record<T extends LiveEventType>(input: EventInput<T>): Promise<EventRecord> {
    const rooms = [...new Set(input.rooms)];
    // One round trip for both rows: the event, then its outbox entry.
    const rows: { id: string; occurred_at: Date }[] = await this.manager.query(
      `WITH e AS (
         INSERT INTO events (type, change, actor_id, incident_id, dispatch_id, rooms, payload)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id, occurred_at
       ), o AS (INSERT INTO outbox (event_id) SELECT id FROM e)
       SELECT id, occurred_at FROM e`,
      [
        input.type,
        input.change,
        input.actorId,
        input.incidentId ?? null,
        input.dispatchId ?? null,
        rooms,
        JSON.stringify(input.payload),
      ],
    );
    const row = rows[0];
    if (!row) throw new Error('event insert returned no row');
    const event = this.manager.create(EventRecord, {
      id: String(row.id),
      type: input.type,
      change: input.change,
      actorId: input.actorId,
      occurredAt: row.occurred_at,
      incidentId: input.incidentId ?? null,
      dispatchId: input.dispatchId ?? null,
      rooms,
      payload: input.payload,
    });
    this.recorded.push(event);
    return event;
  }
}
