import { useQuery } from '@tanstack/react-query';
import type { FeatureCollection, Polygon } from 'geojson';
import type { DepartmentView, GridFeatureProperties, NamedView, StreetView } from '@whistle/shared';
import { apiRequest } from '../../lib/api/client';
import { queryKeys } from '../../lib/api/query-keys';
import { useSignedIn } from '../session/SessionProvider';

export type GridCollection = FeatureCollection<Polygon, GridFeatureProperties>;

// Reference data changes only through an administrator, so it is fetched once per session.
const REFERENCE = Number.POSITIVE_INFINITY;

function useReference<T>(key: readonly unknown[], path: string) {
  const { token } = useSignedIn();
  return useQuery({ queryKey: key, queryFn: () => apiRequest<T>(path, { token }), staleTime: REFERENCE });
}

export const useGrids = () => useReference<GridCollection>(queryKeys.grids(), '/grids');
export const useStreets = () => useReference<StreetView[]>(queryKeys.streets.all(), '/streets');
export const useDepartments = () => useReference<DepartmentView[]>(queryKeys.departments(), '/departments');

export function useCommunities(streetId: string | null) {
  const { token } = useSignedIn();
  return useQuery({
    queryKey: queryKeys.streets.communities(streetId ?? 'none'),
    queryFn: () => apiRequest<NamedView[]>(`/streets/${streetId ?? ''}/communities`, { token }),
    enabled: streetId !== null,
    staleTime: REFERENCE,
  });
}
