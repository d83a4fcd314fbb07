import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import RBush, { type BBox } from 'rbush';
import type { Polygon } from 'geojson';
import type { LngLat } from '@whistle/shared';

export interface IndexedGrid extends BBox {
  id: string;
  streetId: string;
  communityId: string;
  districtId: string;
  polygon: Polygon;
}

/**
 * Point → grid in memory: an R-tree narrows thousands of grids to the few whose box holds the
 * point, then an exact point-in-polygon test picks the one. Pure, so it is unit-tested directly.
 */
export class GridIndex {
  private readonly tree = new RBush<IndexedGrid>();

  constructor(grids: readonly IndexedGrid[]) {
    this.tree.load([...grids]);
  }

  get size(): number {
    return this.tree.all().length;
  }

  lookup({ lng, lat }: LngLat): IndexedGrid | null {
    const candidates = this.tree.search({ minX: lng, minY: lat, maxX: lng, maxY: lat });
    // Points on a shared border belong to the first grid found; borders are never gaps.
    return candidates.find((g) => booleanPointInPolygon([lng, lat], g.polygon)) ?? null;
  }
}
