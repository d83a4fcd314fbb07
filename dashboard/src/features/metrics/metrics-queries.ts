import { useQuery } from '@tanstack/react-query';
import type { GridLoad, MetricsRankings, MetricsSummary, MetricsTrends } from '@whistle/shared';
import { apiRequest } from '../../lib/api/client';
import { queryKeys } from '../../lib/api/query-keys';
import { useSignedIn } from '../session/SessionProvider';
import type { Period } from './period';

/** The live summary: fetched once, then replaced by each `metrics.updated` push (LiveProvider). */
export function useMetricsSummary() {
  const { token } = useSignedIn();
  return useQuery({
    queryKey: queryKeys.metrics.summary(),
    queryFn: () => apiRequest<MetricsSummary>('/metrics/summary', { token }),
  });
}

/** Period queries share a key prefix (queryKeys.metrics.periods) so a live refresh reaches them all. */
function usePeriodQuery<T>(path: string, period: Period | null, withBucket = false) {
  const { token } = useSignedIn();
  const query: Record<string, string> = period ? { from: period.from, to: period.to } : {};
  if (period && withBucket) query.bucket = period.bucket;
  return useQuery({
    queryKey: queryKeys.metrics.period(path, query),
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
