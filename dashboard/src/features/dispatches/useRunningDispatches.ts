import { useCallback, useEffect, useState } from 'react';
import type { DispatchView } from '@whistle/shared';
import { useThrottle } from '../../lib/throttle';
import { useLiveEvents } from '../live/LiveProvider';
import type { AnyLiveEvent } from '../live/types';
import { RUNNING_DISPATCH_STATUSES, useDispatches } from './dispatch-queries';
import { RunningDispatches } from './running-dispatches';

const RENDER_INTERVAL_MS = 500;

/**
 * Running whistle dispatches: fetched once, then patched from dispatch events — at most a couple
 * of React updates a second (countdowns tick every second anyway), never a refetch per event.
 */
export function useRunningDispatches(): readonly DispatchView[] {
  const initial = useDispatches(RUNNING_DISPATCH_STATUSES);
  const [store] = useState(() => new RunningDispatches());
  const [list, setList] = useState<readonly DispatchView[]>([]);
  useEffect(() => {
    if (!initial.data) return;
    store.replaceAll(initial.data);
    setList(store.list());
  }, [initial.data, store]);
  // The store takes every event at once; the list re-renders at most twice a second.
  const render = useThrottle(() => setList(store.list()), RENDER_INTERVAL_MS);
  const onEvents = useCallback(
    (events: readonly AnyLiveEvent[]) => {
      let changed = false;
      for (const e of events) {
        if (e.type === 'dispatch.created' || e.type === 'dispatch.updated') {
          store.apply(e.payload);
          changed = true;
        }
      }
      if (changed) render.request();
    },
    [store, render],
  );
  useLiveEvents(onEvents);
  return list;
}
