import type { LiveEvent, LiveEventType } from '@whistle/shared';
import type { EventRecord } from './event.entity';

/** One event as it travels through the live queue: the client envelope plus its rooms. */
export interface Delivery {
  envelope: LiveEvent;
  rooms: string[];
}

/** A relay batch: consecutive committed events, delivered in order by one job. */
export interface DeliveryJob {
  deliveries: Delivery[];
}

export function envelopeOf(record: EventRecord): LiveEvent {
  return {
    id: record.id,
    type: record.type,
    occurredAt: record.occurredAt.toISOString(),
    payload: record.payload as LiveEvent<LiveEventType>['payload'],
  };
}
