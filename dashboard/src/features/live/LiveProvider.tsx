import { createContext, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
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
    // Metrics are pushed whole, so the cached summary is replaced rather than refetched.
    const unsubscribe = next.subscribe((events) => {
      for (const event of events) {
        if (event.type === 'metrics.updated')
          queryClient.setQueryData(queryKeys.metrics.summary(), event.payload);
      }
    });
    // Missed events the server would not replay: every cached view may be stale, refetch them all.
    const stopResync = next.subscribeResync(() => void queryClient.invalidateQueries());
    next.start();
    setStore(next);
    return () => {
      stopRenewals();
      stopResync();
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
