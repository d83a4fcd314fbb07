import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { pointOnFeature } from '@turf/point-on-feature';
import { DataSource } from 'typeorm';
import type { LngLat } from '@whistle/shared';
import { firstGrid, type GridRow } from '../grids/grid-rows';
import { GridsService } from '../grids/grids.service';
import { allCommunities, allStreets } from '../streets/street-rows';

interface NamedArea {
  kind: 'community' | 'street';
  id: string;
  names: string[];
}

/**
 * Whistle has no address register, so an Open311 location given only in words is matched against
 * the names the district does know: a community (社区) named in the text wins over a street
 * (街道), the longest name first. `address_id` is read as a grid code (网格编码).
 */
@Injectable()
export class AddressResolver {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly gridIndex: GridsService,
  ) {}

  async fromAddressString(address: string): Promise<LngLat | null> {
    const text = address.toLowerCase();
    const manager = this.dataSource.manager;
    const [streets, communities] = await Promise.all([allStreets(manager), allCommunities(manager)]);
    const areas: NamedArea[] = [
      ...communities.map((c) => ({ kind: 'community' as const, id: c.id, names: [c.nameZh, c.nameEn] })),
      ...streets.map((s) => ({ kind: 'street' as const, id: s.id, names: [s.nameZh, s.nameEn] })),
    ];
    const matches = areas
      .map((a) => ({ area: a, length: longestNameIn(text, a.names) }))
      .filter((m) => m.length > 0)
      .sort((a, b) => kindRank(a.area) - kindRank(b.area) || b.length - a.length);
    const best = matches[0]?.area;
    if (!best) return null;
    if (best.kind === 'street') {
      const street = streets.find((s) => s.id === best.id);
      const center = street ? { lng: street.centerLng, lat: street.centerLat } : null;
      if (center && this.gridIndex.locate(center)?.streetId === best.id) return center;
      return this.pointIn(await firstGrid(manager, { streetId: best.id }));
    }
    return this.pointIn(await firstGrid(manager, { communityId: best.id }));
  }

  async fromAddressId(addressId: string): Promise<LngLat | null> {
    return this.pointIn(await firstGrid(this.dataSource.manager, { code: addressId }));
  }

  /** A point surely inside the grid (a polygon's centroid can fall outside it). */
  private pointIn(grid: GridRow | null): LngLat | null {
    if (!grid) return null;
    const [lng, lat] = pointOnFeature(grid.polygon).geometry.coordinates as [number, number];
    return { lng, lat };
  }
}

function longestNameIn(text: string, names: string[]): number {
  return Math.max(
    0,
    ...names.filter((n) => n.length >= 2 && text.includes(n.toLowerCase())).map((n) => n.length),
  );
}

function kindRank(area: NamedArea): number {
  return area.kind === 'community' ? 0 : 1;
}
