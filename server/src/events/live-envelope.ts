import type { LiveEvent, LiveEventType } from '@whistle/shared';
import type { EventRecord } from './event.entity';

/** What travels through the live queue: the client envelope plus the rooms it goes to. */
export interface DeliveryJob {
  envelope: LiveEvent;
  rooms: string[];
}

export function envelopeOf(record: EventRecord): LiveEvent {
  return {
    id: record.id,
    type: record.type,
    occurredAt: record.occurredAt.toISOString(),
    payload: record.payload as LiveEvent<LiveEventType>['payload'],
  };
}
