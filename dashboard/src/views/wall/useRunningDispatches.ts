import { useCallback, useEffect, useState } from 'react';
import type { DispatchView } from '@whistle/shared';
import { RUNNING_DISPATCH_STATUSES, useDispatches } from '../../api/queries';
import { useLiveEvents } from '../../live/LiveProvider';
import type { AnyLiveEvent } from '../../live/types';
import { RunningDispatches } from './running-dispatches';

/**
 * Running whistle dispatches: fetched once, then patched from dispatch events — one React update
 * per batch of events (the live store batches per frame), never a refetch per event.
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
  const onEvents = useCallback(
    (events: readonly AnyLiveEvent[]) => {
      let changed = false;
      for (const e of events) {
        if (e.type === 'dispatch.created' || e.type === 'dispatch.updated') {
          store.apply(e.payload);
          changed = true;
        }
      }
      if (changed) setList(store.list());
    },
    [store],
  );
  useLiveEvents(onEvents);
  return list;
}
