import { createContext, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { mergeMetricsUpdate, type MetricsSummary } from '@whistle/shared';
import { authSession } from '../../lib/api/auth-session';
import { queryKeys } from '../../lib/api/query-keys';
import { useSignedIn } from '../session/SessionProvider';
import { LiveStore, type BatchListener } from './live-store';
import { createSocket } from './socket';
import type { ConnectionState } from './types';

const LiveContext = createContext<LiveStore | null>(null);

/**
 * One LiveStore per signed-in user; it lives as long as the session does. Renewed access tokens
 * are handed to the open socket rather than reconnecting it.
 */
export function LiveProvider({ children }: { children: ReactNode }) {
  const { user } = useSignedIn();
  const [store, setStore] = useState<LiveStore | null>(null);
  const queryClient = useQueryClient();

  useEffect(() => {
    const next = new LiveStore({
      token: authSession.currentToken() ?? '',
      createSocket,
      refreshToken: () => authSession.refresh(),
    });
    const stopRenewals = authSession.onTokenRenewed((token) => next.renewToken(token));
    // A metrics push carries the sections that changed: merged into the cached summary. With
    // nothing cached to merge into, the summary is fetched whole.
    const summaryKey = queryKeys.metrics.summary();
    const unsubscribe = next.subscribe((events) => {
      for (const event of events) {
        if (event.type !== 'metrics.updated') continue;
        const cached = queryClient.getQueryData<MetricsSummary>(summaryKey);
        if (cached) queryClient.setQueryData(summaryKey, mergeMetricsUpdate(cached, event.payload));
        else void queryClient.invalidateQueries({ queryKey: summaryKey });
      }
    });
    // Pushes are not replayed: after time offline the next one would merge into a stale summary.
    let wasLive = false;
    let dropped = false;
    const stopStates = next.subscribeState(() => {
      const live = next.getState().status === 'live';
      if (wasLive && !live) dropped = true;
      if (live && dropped) {
        dropped = false;
        void queryClient.invalidateQueries({ queryKey: summaryKey });
      }
      wasLive = live;
    });
    // Missed events the server would not replay: every cached view may be stale, refetch them all.
    const stopResync = next.subscribeResync(() => void queryClient.invalidateQueries());
    next.start();
    setStore(next);
    return () => {
      stopRenewals();
      stopResync();
      stopStates();
      unsubscribe();
      next.stop();
    };
  }, [user.id, queryClient]);

  if (!store) return null;
  return <LiveContext.Provider value={store}>{children}</LiveContext.Provider>;
}

export function useLiveStore(): LiveStore {
  const store = useContext(LiveContext);
  if (!store) throw new Error('useLiveStore outside LiveProvider');
  return store;
}

export function useConnectionState(): ConnectionState {
  const store = useLiveStore();
  return useSyncExternalStore(store.subscribeState, store.getState);
}

/** Subscribes to event batches; keep the listener stable (useCallback) to avoid resubscribing. */
export function useLiveEvents(listener: BatchListener): void {
  const store = useLiveStore();
  useEffect(() => store.subscribe(listener), [store, listener]);
}
