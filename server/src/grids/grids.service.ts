import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository, type EntityManager } from 'typeorm';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import type { GridFeatureProperties, LngLat } from '@whistle/shared';
import { unprocessable } from '../common/errors';
import { StreetsService } from '../streets/streets.service';
import { Grid } from './grid.entity';
import { GridIndex, type IndexedGrid } from './grid-index';

export type GridCollection = FeatureCollection<Polygon, GridFeatureProperties>;

/** Holds the spatial index of every grid; `reload()` swaps it in without a restart. */
@Injectable()
export class GridsService implements OnApplicationBootstrap {
  private readonly logger = new Logger(GridsService.name);
  private index = new GridIndex([]);
  private features: Feature<Polygon, GridFeatureProperties>[] = [];

  constructor(
    @InjectRepository(Grid) private readonly grids: Repository<Grid>,
    private readonly streets: StreetsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.reload();
  }

  async reload(): Promise<void> {
    const [grids, streets] = await Promise.all([
      this.grids.find({ order: { code: 'ASC' } }),
      this.streets.list(),
    ]);
    const districtOf = new Map(streets.map((s) => [s.id, s.districtId]));
    const indexed: IndexedGrid[] = grids.map((g) => ({
      id: g.id,
      streetId: g.streetId,
      communityId: g.communityId,
      districtId: districtOf.get(g.streetId) ?? '',
      polygon: g.polygon,
      minX: g.minLng,
      minY: g.minLat,
      maxX: g.maxLng,
      maxY: g.maxLat,
    }));
    this.index = new GridIndex(indexed);
    this.features = grids.map((g) => ({
      type: 'Feature',
      id: g.id,
      geometry: g.polygon,
      properties: {
        id: g.id,
        code: g.code,
        name: g.name,
        streetId: g.streetId,
        communityId: g.communityId,
        kind: g.kind,
      },
    }));
    this.logger.log(`grid index loaded: ${grids.length} grids`);
  }

  locate(point: LngLat): IndexedGrid | null {
    return this.index.lookup(point);
  }

  /** The grid holding the point, or a 422 saying it lies outside the district's grids. */
  locateOrFail(point: LngLat): IndexedGrid {
    const grid = this.index.lookup(point);
    if (!grid) {
      throw unprocessable(`Location (${point.lng}, ${point.lat}) is outside every grid of the district`, {
        location: ['must lie inside a grid of the district'],
      });
    }
    return grid;
  }

  collection(streetId?: string): GridCollection {
    const features = streetId
      ? this.features.filter((f) => f.properties.streetId === streetId)
      : this.features;
    return { type: 'FeatureCollection', features };
  }

  /**
   * Whether every id names a grid, asked of the database (not the index, which a boundary import
   * swaps in later). Pass the transaction's manager when inside one.
   */
  async allExist(gridIds: readonly string[], manager: EntityManager = this.grids.manager): Promise<boolean> {
    const unique = [...new Set(gridIds)];
    if (!unique.length) return true;
    return (await manager.countBy(Grid, { id: In(unique) })) === unique.length;
  }
}
