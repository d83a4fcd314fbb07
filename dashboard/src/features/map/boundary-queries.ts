import { useQuery } from '@tanstack/react-query';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { BasemapView } from '@whistle/shared';
import { ApiError, apiRequest } from '../../lib/api/client';
import { queryKeys } from '../../lib/api/query-keys';
import { useSignedIn } from '../session/SessionProvider';

/** Street and community boundaries as the server exports them (properties: id, code, nameZh, nameEn, …). */
export interface BoundaryProperties {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
}
export type BoundaryCollection = FeatureCollection<Polygon | MultiPolygon, BoundaryProperties>;

const EMPTY: BoundaryCollection = { type: 'FeatureCollection', features: [] };

/**
 * Street or community boundaries. A server without the boundaries endpoint (404) gives an empty
 * layer rather than no map: grids and incidents still draw.
 */
export function useBoundaries(kind: 'streets' | 'communities') {
  const { token } = useSignedIn();
  return useQuery({
    queryKey: queryKeys.boundaries(kind),
    queryFn: async () => {
      try {
        return await apiRequest<BoundaryCollection>(`/boundaries/${kind}`, { token });
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return EMPTY;
        throw error;
      }
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** The deployment's basemap setting; a failure means the offline style. */
export function useBasemap() {
  return useQuery({
    queryKey: queryKeys.basemap(),
    queryFn: async (): Promise<BasemapView> => {
      try {
        return await apiRequest<BasemapView>('/basemap', { token: null });
      } catch {
        return { styleUrl: null, pmtilesUrl: null };
      }
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
}
