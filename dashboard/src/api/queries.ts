import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FeatureCollection, Polygon } from 'geojson';
import type {
  DepartmentView,
  DispatchAction,
  DispatchView,
  GridFeatureProperties,
  IncidentView,
  MetricsSummary,
  Page,
  StreetView,
} from '@whistle/shared';
import { apiRequest } from './client';
import { useSignedIn } from './SessionProvider';

export type GridCollection = FeatureCollection<Polygon, GridFeatureProperties>;

/** Statuses in which a dispatch still has a running stage (what the wall's whistle list shows). */
export const RUNNING_DISPATCH_STATUSES = 'pending,accepted,arrived,reopened';

export const queryKeys = {
  metrics: ['metrics', 'summary'] as const,
  dispatches: (status?: string) => ['dispatches', status ?? 'all'] as const,
  incidents: (status?: string) => ['incidents', status ?? 'all'] as const,
  grids: ['grids'] as const,
  streets: ['streets'] as const,
  departments: ['departments'] as const,
};

function useGet<T>(
  key: readonly unknown[],
  path: string,
  query?: Record<string, string | number>,
  staleTime = 0,
) {
  const { token } = useSignedIn();
  return useQuery({ queryKey: key, queryFn: () => apiRequest<T>(path, { token, query }), staleTime });
}

// Reference data changes only through an administrator, so it is fetched once per session.
const REFERENCE = Number.POSITIVE_INFINITY;

export const useMetricsSummary = () => useGet<MetricsSummary>(queryKeys.metrics, '/metrics/summary');
export const useGrids = () => useGet<GridCollection>(queryKeys.grids, '/grids', undefined, REFERENCE);
export const useStreets = () => useGet<StreetView[]>(queryKeys.streets, '/streets', undefined, REFERENCE);
export const useDepartments = () =>
  useGet<DepartmentView[]>(queryKeys.departments, '/departments', undefined, REFERENCE);

export const useDispatches = (status?: string) =>
  useGet<DispatchView[]>(queryKeys.dispatches(status), '/dispatches', {
    limit: 500,
    ...(status ? { status } : {}),
  });

export const useIncidents = (status?: string) =>
  useGet<Page<IncidentView>>(queryKeys.incidents(status), '/incidents', {
    limit: 500,
    ...(status ? { status } : {}),
  });

/** Fires a dispatch transition; the server answers with the new view, and lists are refetched. */
export function useDispatchAction() {
  const { token } = useSignedIn();
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, body }: { id: string; action: DispatchAction; body?: unknown }) =>
      apiRequest<DispatchView>(`/dispatches/${id}/${action}`, { token, method: 'POST', body: body ?? {} }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['dispatches'] }),
  });
}
