import type { LngLatBoundsLike } from 'maplibre-gl';
import type { GridCollection } from '../reference/reference-queries';

/** The box around the grids' outer rings, to frame a map on them; null when there are none. */
export function gridBounds(features: readonly GridCollection['features'][number][]): LngLatBoundsLike | null {
  let [minLng, minLat, maxLng, maxLat] = [180, 90, -180, -90];
  for (const f of features) {
    for (const [lng = 0, lat = 0] of f.geometry.coordinates[0] ?? []) {
      minLng = Math.min(minLng, lng);
      minLat = Math.min(minLat, lat);
      maxLng = Math.max(maxLng, lng);
      maxLat = Math.max(maxLat, lat);
    }
  }
  return minLng > maxLng ? null : [minLng, minLat, maxLng, maxLat];
}
