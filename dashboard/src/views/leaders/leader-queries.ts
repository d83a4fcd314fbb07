import { useQuery } from '@tanstack/react-query';
import type { GridLoad, MetricsRankings, MetricsTrends } from '@whistle/shared';
import { apiRequest } from '../../api/client';
import { useSignedIn } from '../../api/SessionProvider';
import type { Period } from './period';

/** Period queries share a key prefix so a live refresh can invalidate them all at once. */
export const LEADER_QUERY_PREFIX = 'leaders-period';

function usePeriodQuery<T>(path: string, period: Period | null, withBucket = false) {
  const { token } = useSignedIn();
  const query: Record<string, string> = period ? { from: period.from, to: period.to } : {};
  if (period && withBucket) query.bucket = period.bucket;
  return useQuery({
    queryKey: [LEADER_QUERY_PREFIX, path, query],
    queryFn: () => apiRequest<T>(path, { token, query }),
    enabled: period !== null,
    // Switching back and forth between periods shows the last answer at once while it refreshes.
    placeholderData: (previous) => previous,
  });
}

export const useTrends = (period: Period | null) =>
  usePeriodQuery<MetricsTrends>('/metrics/trends', period, true);
export const useRankings = (period: Period | null) =>
  usePeriodQuery<MetricsRankings>('/metrics/rankings', period);
export const useGridLoad = (period: Period | null) => usePeriodQuery<GridLoad>('/metrics/grid-load', period);
