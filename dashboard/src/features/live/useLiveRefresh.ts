import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { refreshFromEvents } from './live-invalidation';
import { useLiveEvents } from './LiveProvider';
import type { AnyLiveEvent } from './types';

/**
 * Keeps a console's lists and open details following the server: each batch of live events
 * refetches what it touched (see refreshFromEvents), including the server's `actions` on a dispatch.
 */
export function useLiveRefresh(): void {
  const client = useQueryClient();
  // Stable, so the live store is subscribed once rather than on every render.
  const onEvents = useCallback(
    (events: readonly AnyLiveEvent[]) => refreshFromEvents(client, events),
    [client],
  );
  useLiveEvents(onEvents);
}
