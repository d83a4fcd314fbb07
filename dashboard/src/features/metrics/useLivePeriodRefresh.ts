import { useCallback, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../lib/api/query-keys';
import { useLiveEvents } from '../live/LiveProvider';
import type { AnyLiveEvent } from '../live/types';
import type { Period } from './period';

/**
 * The summary arrives whole with each `metrics.updated`; the period figures are refetched on the
 * same signal, at most every `minIntervalMs`, and only while the period reaches up to now.
 */
export function useLivePeriodRefresh(period: Period | null, minIntervalMs = 30_000): void {
  const client = useQueryClient();
  const last = useRef(0);
  const onEvents = useCallback(
    (events: readonly AnyLiveEvent[]) => {
      if (!period || Date.parse(period.to) < Date.now() - 120_000) return;
      if (!events.some((e) => e.type === 'metrics.updated')) return;
      const now = Date.now();
      if (now - last.current < minIntervalMs) return;
      last.current = now;
      void client.invalidateQueries({ queryKey: queryKeys.metrics.periods() });
    },
    [client, period, minIntervalMs],
  );
  useLiveEvents(onEvents);
}
