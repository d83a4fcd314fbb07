import type { QueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../lib/api/query-keys';
import type { AnyLiveEvent } from './types';

/** The incidents a batch of live events touches, so only those details are refetched. */
export function incidentIdsOf(events: readonly AnyLiveEvent[]): Set<string> {
  const ids = new Set<string>();
  for (const e of events) {
    switch (e.type) {
      case 'incident.created':
      case 'incident.updated':
        ids.add(e.payload.id);
        if (e.payload.mergedIntoId) ids.add(e.payload.mergedIntoId);
        break;
      case 'whistle.created':
      case 'dispatch.created':
      case 'dispatch.updated':
      case 'deadline.overdue':
        ids.add(e.payload.incidentId);
        break;
      case 'metrics.updated':
        break;
    }
  }
  return ids;
}

/**
 * One refetch per batch, whatever its size: lists when anything they show changed, and the detail
 * of each incident the batch touched (not every cached one).
 */
export function refreshFromEvents(client: QueryClient, events: readonly AnyLiveEvent[]): void {
  const incidents = incidentIdsOf(events);
  if (incidents.size === 0) return;
  if (events.some((e) => e.type.startsWith('incident.')))
    void client.invalidateQueries({ queryKey: queryKeys.incidents.lists() });
  if (events.some((e) => e.type.startsWith('dispatch.') || e.type === 'deadline.overdue'))
    void client.invalidateQueries({ queryKey: queryKeys.dispatches.all() });
  for (const id of incidents)
    void client.invalidateQueries({ queryKey: queryKeys.incidents.detail(id), exact: true });
}
