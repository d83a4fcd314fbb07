import type { AuditContext } from '../audit/audit-context';
import { AuditService } from '../audit/audit.service';
import { Injectable, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Feature, FeatureCollection, Geometry, Polygon } from 'geojson';
import type {
  BoundaryImportReport,
  CommunityBoundaryProperties,
  GridBoundaryProperties,
  StreetBoundaryProperties,
} from '@whistle/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { allGrids, saveGrid } from '../grids/grid-rows';
import { allCommunities, allStreets, saveCommunity, saveStreet } from '../streets/street-rows';
import { spatialProblems } from './boundary-checks';
import { boxOf, labelPoint } from './boundary-geometry';
import {
  countsOf,
  planImport,
  type BoundaryFile,
  type BoundaryPlan,
  type StoredBoundaries,
} from './boundary-plan';
import { BoundaryReload } from './boundary-reload.service';

type Collection<P> = FeatureCollection<Geometry | null, P>;

const featureOf = <P>(id: string, geometry: Geometry | null, properties: P): Feature<Geometry | null, P> => ({
  type: 'Feature',
  id,
  geometry,
  properties,
});

/** Export and import of streets, communities and grids as GeoJSON. */
@Injectable()
export class BoundariesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reload: BoundaryReload,
    private readonly audit: AuditService,
  ) {}

  async streets(): Promise<Collection<StreetBoundaryProperties>> {
    const rows = await allStreets(this.dataSource.manager);
    return {
      type: 'FeatureCollection',
      features: rows.map((s) =>
        featureOf(s.id, s.boundary, {
          id: s.id,
          code: s.code,
          nameZh: s.nameZh,
          nameEn: s.nameEn,
          districtId: s.districtId,
        }),
      ),
    };
  }

  async communities(): Promise<Collection<CommunityBoundaryProperties>> {
    const [rows, streets] = await Promise.all([
      allCommunities(this.dataSource.manager),
      allStreets(this.dataSource.manager),
    ]);
    const streetCode = new Map(streets.map((s) => [s.id, s.code]));
    return {
      type: 'FeatureCollection',
      features: rows.map((c) =>
        featureOf(c.id, c.boundary, {
          id: c.id,
          code: c.code,
          nameZh: c.nameZh,
          nameEn: c.nameEn,
          streetId: c.streetId,
          streetCode: streetCode.get(c.streetId) ?? '',
        }),
      ),
    };
  }

  async grids(): Promise<Collection<GridBoundaryProperties>> {
    const [rows, communities] = await Promise.all([
      allGrids(this.dataSource.manager),
      allCommunities(this.dataSource.manager),
    ]);
    const communityCode = new Map(communities.map((c) => [c.id, c.code]));
    return {
      type: 'FeatureCollection',
      features: rows.map((g) =>
        featureOf(g.id, g.polygon, {
          id: g.id,
          code: g.code,
          // Grids have one name; it stands in for both languages.
          nameZh: g.name,
          nameEn: g.name,
          name: g.name,
          kind: g.kind,
          streetId: g.streetId,
          communityId: g.communityId,
          communityCode: communityCode.get(g.communityId) ?? '',
        }),
      ),
    };
  }

  /** A dry run: the report an import of this file would give, changing nothing. */
  async validate(file: BoundaryFile): Promise<BoundaryImportReport> {
    return this.check(file, await this.load(this.dataSource.manager)).report;
  }

  /**
   * Applies the file in one transaction, or — with any problem — nothing at all (422 with the full
   * report). Imports are serialized and checked against the rows as locked, so two admins importing
   * at once cannot each pass the checks and together leave an overlap.
   */
  async import(file: BoundaryFile, districtId: string, actor: AuditContext): Promise<BoundaryImportReport> {
    const report = await this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('whistle:boundaries-import'))`);
      const { plan, report } = this.check(file, await this.load(manager));
      if (!report.ok) {
        throw new UnprocessableEntityException({
          message: `The boundary file has ${report.problems.length} problem(s); nothing was changed`,
          report,
        });
      }
      await this.apply(manager, plan, districtId);
      await this.audit.record(
        {
          action: 'boundaries.imported',
          context: actor,
          target: { type: 'district', id: districtId },
          details: { counts: report.counts },
        },
        manager,
      );
      return { ...report, applied: true };
    });
    await this.reload.afterImport();
    return report;
  }

  private async load(manager: EntityManager): Promise<StoredBoundaries> {
    const [streets, communities, grids] = await Promise.all([
      allStreets(manager),
      allCommunities(manager),
      allGrids(manager),
    ]);
    return { streets, communities, grids };
  }

  private check(
    file: BoundaryFile,
    stored: StoredBoundaries,
  ): { plan: BoundaryPlan; report: BoundaryImportReport } {
    const plan = planImport(file, stored);
    // Spatial checks need parents to resolve; with unreadable features they would only add noise.
    const problems = plan.problems.some((p) => p.kind === 'malformed' || p.kind === 'unknown_parent')
      ? plan.problems
      : [...plan.problems, ...spatialProblems(plan)];
    return { plan, report: { ok: problems.length === 0, applied: false, problems, counts: countsOf(plan) } };
  }

  private async apply(manager: EntityManager, plan: BoundaryPlan, districtId: string): Promise<void> {
    const streetIds = new Map<string, string>();
    for (const s of plan.streets.values()) {
      if (s.changed) {
        const center = s.boundary ? labelPoint(s.boundary) : null;
        const saved = await saveStreet(manager, {
          ...(s.row ?? { districtId }),
          code: s.code,
          nameZh: s.nameZh,
          nameEn: s.nameEn,
          boundary: s.boundary,
          centerLng: center?.lng ?? s.row?.centerLng ?? 0,
          centerLat: center?.lat ?? s.row?.centerLat ?? 0,
        });
        streetIds.set(s.code, saved.id);
      } else if (s.row) streetIds.set(s.code, s.row.id);
    }
    const communityIds = new Map<string, { id: string; streetId: string }>();
    for (const c of plan.communities.values()) {
      const streetId = streetIds.get(c.streetCode) ?? c.row?.streetId ?? '';
      if (c.changed) {
        const saved = await saveCommunity(manager, {
          ...(c.row ?? {}),
          code: c.code,
          nameZh: c.nameZh,
          nameEn: c.nameEn,
          streetId,
          boundary: c.boundary,
        });
        communityIds.set(c.code, { id: saved.id, streetId });
      } else if (c.row) communityIds.set(c.code, { id: c.row.id, streetId });
    }
    for (const g of plan.grids.values()) {
      const parent = communityIds.get(g.communityCode);
      if (!parent) continue;
      // A grid follows its community when the community moves to another street.
      if (!g.changed && g.row?.streetId === parent.streetId) continue;
      const [minLng, minLat, maxLng, maxLat] = boxOf(g.polygon);
      await saveGrid(manager, {
        ...(g.row ?? {}),
        code: g.code,
        name: g.name,
        kind: g.kind,
        streetId: parent.streetId,
        communityId: parent.id,
        polygon: g.polygon satisfies Polygon,
        minLng,
        minLat,
        maxLng,
        maxLat,
      });
    }
  }
}
