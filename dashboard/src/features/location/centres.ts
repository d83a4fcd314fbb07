import type { LngLat } from '@whistle/shared';
import type { GridCollection } from '../reference/reference-queries';

/**
 * The centre of a community or street as the middle of its grids' bounding box. Grids carry their
 * community and street, so this needs no boundary service; a bounding-box centre is inside every
 * compact Qinhuai community and only has to land in one of its grids for the server to accept it.
 */
export function centreOfGrids(
  grids: GridCollection,
  match: (p: GridCollection['features'][number]['properties']) => boolean,
): LngLat | null {
  let [minLng, minLat, maxLng, maxLat] = [180, 90, -180, -90];
  let found = false;
  for (const f of grids.features) {
    if (!match(f.properties)) continue;
    for (const [lng = 0, lat = 0] of f.geometry.coordinates[0] ?? []) {
      found = true;
      minLng = Math.min(minLng, lng);
      minLat = Math.min(minLat, lat);
      maxLng = Math.max(maxLng, lng);
      maxLat = Math.max(maxLat, lat);
    }
  }
  return found ? { lng: (minLng + maxLng) / 2, lat: (minLat + maxLat) / 2 } : null;
}
