import { pointOnFeature } from '@turf/point-on-feature';
import type { LngLat } from '@whistle/shared';
import type { GridsService } from '../grids/grids.service';
import type { IndexedGrid } from '../grids/grid-index';

export interface NamedPlace {
  id: string;
  nameZh: string;
  /** The street a community belongs to; absent for streets. */
  streetId?: string;
}

export interface Placed {
  location: LngLat;
  grid: IndexedGrid;
}

/**
 * Places an order inside one district: a point goes to the grid holding it; an address without a
 * point goes to the community (or else the street) it names, at a point inside that place's first
 * grid. Built once per import from the district's streets and communities.
 */
export class HotlineLocator {
  private readonly anchors = new Map<string, LngLat>();

  constructor(
    private readonly grids: GridsService,
    private readonly districtId: string,
    private readonly streets: readonly NamedPlace[],
    private readonly communities: readonly NamedPlace[],
  ) {
    // Grid features come sorted by code: the first grid seen of a place is its anchor.
    for (const feature of grids.collection().features) {
      const { communityId, streetId } = feature.properties;
      if (this.anchors.has(communityId) && this.anchors.has(streetId)) continue;
      const [lng, lat] = pointOnFeature(feature).geometry.coordinates;
      if (!this.anchors.has(communityId)) this.anchors.set(communityId, { lng, lat });
      if (!this.anchors.has(streetId)) this.anchors.set(streetId, { lng, lat });
    }
  }

  /** The grid of the district holding the point, or null. */
  atPoint(location: LngLat): Placed | null {
    const grid = this.grids.locate(location);
    return grid && grid.districtId === this.districtId ? { location, grid } : null;
  }

  /**
   * The community named in the address (the longest name found; a street also named breaks ties
   * between communities of the same name), else the street named in it; null when it names none.
   */
  byAddress(address: string): Placed | null {
    const streetsNamed = this.streets.filter((s) => address.includes(s.nameZh));
    const communitiesNamed = this.communities
      .filter((c) => address.includes(c.nameZh))
      .sort(
        (a, b) =>
          Number(streetsNamed.some((s) => s.id === b.streetId)) -
            Number(streetsNamed.some((s) => s.id === a.streetId)) || b.nameZh.length - a.nameZh.length,
      );
    const streetsByLength = [...streetsNamed].sort((a, b) => b.nameZh.length - a.nameZh.length);
    for (const place of [...communitiesNamed, ...streetsByLength]) {
      const anchor = this.anchors.get(place.id);
      const placed = anchor ? this.atPoint(anchor) : null;
      if (placed) return placed;
    }
    return null;
  }
}
