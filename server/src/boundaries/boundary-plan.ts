import type { Polygon } from 'geojson';
import {
  GRID_KINDS,
  type BoundaryLayer,
  type BoundaryLayerCounts,
  type BoundaryProblem,
  type GridKind,
} from '@whistle/shared';
import type { GridRow as Grid } from '../grids/grid-rows';
import type { CommunityRow as Community, StreetRow as Street } from '../streets/street-rows';
import { geometryProblems, sameGeometry, type Area } from './boundary-geometry';
import { boundaryProblem } from './boundary-problem';

/** The import body: any of the three layers, each a GeoJSON FeatureCollection. */
export interface BoundaryFile {
  streets?: unknown;
  communities?: unknown;
  grids?: unknown;
}

export const LAYERS: readonly BoundaryLayer[] = ['streets', 'communities', 'grids'];

interface Planned<Row> {
  code: string;
  /** The row as stored now; absent for a feature the file adds. */
  row?: Row;
  /** In the file (so checked); `changed` when applying it alters the row. */
  touched: boolean;
  changed: boolean;
  /** Shape checks passed, so the spatial checks may use the geometry. */
  geometryOk: boolean;
}
export interface StreetPlan extends Planned<Street> {
  nameZh: string;
  nameEn: string;
  boundary: Area | null;
}
export interface CommunityPlan extends Planned<Community> {
  nameZh: string;
  nameEn: string;
  streetCode: string;
  boundary: Area | null;
}
export interface GridPlan extends Planned<Grid> {
  name: string;
  kind: GridKind;
  communityCode: string;
  /** Where the grid was before this import, so the community it leaves is checked for gaps. */
  previousCommunityCode: string | null;
  polygon: Polygon;
}

/** Every street, community and grid as they will be after the import, by code. */
export interface BoundaryPlan {
  streets: Map<string, StreetPlan>;
  communities: Map<string, CommunityPlan>;
  grids: Map<string, GridPlan>;
  problems: BoundaryProblem[];
}

export interface StoredBoundaries {
  streets: Street[];
  communities: Community[];
  grids: Grid[];
}

interface FileFeature {
  index: number;
  code: string;
  props: Record<string, unknown>;
  geometry: unknown;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** The features of one layer, with what keeps them from being read at all. */
function readLayer(layer: BoundaryLayer, value: unknown, problems: BoundaryProblem[]): FileFeature[] {
  if (value === undefined || value === null) return [];
  const fc = value as { type?: unknown; features?: unknown };
  if (typeof value !== 'object' || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    problems.push(boundaryProblem(layer, [], { code: 'layer_not_collection', params: { layer } }));
    return [];
  }
  const seen = new Set<string>();
  const features: FileFeature[] = [];
  (fc.features as unknown[]).forEach((f, index) => {
    const feature = f as { type?: unknown; properties?: unknown; geometry?: unknown };
    if (typeof f !== 'object' || f === null || feature.type !== 'Feature') {
      problems.push(boundaryProblem(layer, [], { code: 'feature_not_feature', params: { layer, index } }));
      return;
    }
    const props =
      typeof feature.properties === 'object' && feature.properties !== null
        ? (feature.properties as Record<string, unknown>)
        : {};
    const code = text(props.code);
    if (!code) {
      problems.push(boundaryProblem(layer, [], { code: 'feature_without_code', params: { layer, index } }));
      return;
    }
    if (seen.has(code)) {
      problems.push(
        boundaryProblem(layer, [code], { code: 'duplicate_code', params: { layer, feature: code } }),
      );
      return;
    }
    seen.add(code);
    features.push({ index, code, props, geometry: feature.geometry ?? null });
  });
  return features;
}

/**
 * Merges the file into what is stored, matching features by `code`: a known code updates its row,
 * a new one inserts. Rows the file does not mention stay as they are (an import never deletes:
 * incidents, users and grid workers refer to them). Parents are named by code (`streetCode`,
 * `communityCode`, so a file can create them) or by the stored id the export carries.
 */
export function planImport(file: BoundaryFile, stored: StoredBoundaries): BoundaryPlan {
  const problems: BoundaryProblem[] = [];
  const problem = (p: BoundaryProblem) => problems.push(p);
  const streetCodeById = new Map(stored.streets.map((s) => [s.id, s.code]));
  const communityCodeById = new Map(stored.communities.map((c) => [c.id, c.code]));

  const streets = new Map<string, StreetPlan>(
    stored.streets.map((row) => [
      row.code,
      {
        code: row.code,
        row,
        nameZh: row.nameZh,
        nameEn: row.nameEn,
        boundary: row.boundary,
        touched: false,
        changed: false,
        geometryOk: true,
      },
    ]),
  );
  const communities = new Map<string, CommunityPlan>(
    stored.communities.map((row) => [
      row.code,
      {
        code: row.code,
        row,
        nameZh: row.nameZh,
        nameEn: row.nameEn,
        streetCode: streetCodeById.get(row.streetId) ?? '',
        boundary: row.boundary,
        touched: false,
        changed: false,
        geometryOk: true,
      },
    ]),
  );
  const grids = new Map<string, GridPlan>(
    stored.grids.map((row) => {
      const communityCode = communityCodeById.get(row.communityId) ?? '';
      return [
        row.code,
        {
          code: row.code,
          row,
          name: row.name,
          kind: row.kind,
          communityCode,
          previousCommunityCode: communityCode,
          polygon: row.polygon,
          touched: false,
          changed: false,
          geometryOk: true,
        },
      ];
    }),
  );

  /**
   * Shape checks of a feature's geometry. A null geometry keeps what a stored street or community
   * has (the export writes null where none is stored); a new feature must bring one.
   */
  const geometryOf = (
    layer: BoundaryLayer,
    f: FileFeature,
    current: Area | null | undefined,
    allowNull: boolean,
  ): { geometry: Area | null; ok: boolean } => {
    if (f.geometry === null && allowNull && current !== undefined) return { geometry: current, ok: true };
    const found = geometryProblems(f.geometry, layer !== 'grids', f.code);
    for (const coded of found) problem(boundaryProblem(layer, [f.code], coded));
    return { geometry: f.geometry as Area, ok: found.length === 0 };
  };
  const need = (layer: BoundaryLayer, f: FileFeature, field: string, value: string | undefined): string => {
    if (value === undefined)
      problem(
        boundaryProblem(layer, [f.code], {
          code: 'property_required',
          params: { feature: f.code, property: field },
        }),
      );
    return value ?? '';
  };

  for (const f of readLayer('streets', file.streets, problems)) {
    const before = streets.get(f.code);
    const { geometry, ok } = geometryOf('streets', f, before?.boundary, true);
    const next: StreetPlan = {
      code: f.code,
      ...(before?.row ? { row: before.row } : {}),
      nameZh: text(f.props.nameZh) ?? before?.nameZh ?? need('streets', f, 'nameZh', undefined),
      nameEn: text(f.props.nameEn) ?? before?.nameEn ?? need('streets', f, 'nameEn', undefined),
      boundary: geometry,
      touched: true,
      geometryOk: ok,
      changed: false,
    };
    next.changed =
      !before?.row ||
      next.nameZh !== before.nameZh ||
      next.nameEn !== before.nameEn ||
      !sameGeometry(geometry, before.boundary);
    streets.set(f.code, next);
  }

  for (const f of readLayer('communities', file.communities, problems)) {
    const before = communities.get(f.code);
    const byId = text(f.props.streetId);
    const streetCode =
      text(f.props.streetCode) ?? (byId ? streetCodeById.get(byId) : undefined) ?? before?.streetCode;
    if (!streetCode || !streets.has(streetCode)) {
      const parent = streetCode ?? byId;
      problem(
        boundaryProblem(
          'communities',
          [f.code],
          parent === undefined
            ? { code: 'street_missing', params: { feature: f.code } }
            : { code: 'street_unknown', params: { feature: f.code, parent } },
        ),
      );
    }
    const { geometry, ok } = geometryOf('communities', f, before?.boundary, true);
    const next: CommunityPlan = {
      code: f.code,
      ...(before?.row ? { row: before.row } : {}),
      nameZh: text(f.props.nameZh) ?? before?.nameZh ?? need('communities', f, 'nameZh', undefined),
      nameEn: text(f.props.nameEn) ?? before?.nameEn ?? need('communities', f, 'nameEn', undefined),
      streetCode: streetCode ?? '',
      boundary: geometry,
      touched: true,
      geometryOk: ok,
      changed: false,
    };
    next.changed =
      !before?.row ||
      next.nameZh !== before.nameZh ||
      next.nameEn !== before.nameEn ||
      next.streetCode !== before.streetCode ||
      !sameGeometry(geometry, before.boundary);
    communities.set(f.code, next);
  }

  for (const f of readLayer('grids', file.grids, problems)) {
    const before = grids.get(f.code);
    const byId = text(f.props.communityId);
    const communityCode =
      text(f.props.communityCode) ??
      (byId ? communityCodeById.get(byId) : undefined) ??
      before?.communityCode;
    if (!communityCode || !communities.has(communityCode)) {
      const parent = communityCode ?? byId;
      problem(
        boundaryProblem(
          'grids',
          [f.code],
          parent === undefined
            ? { code: 'community_missing', params: { feature: f.code } }
            : { code: 'community_unknown', params: { feature: f.code, parent } },
        ),
      );
    }
    const kindGiven = f.props.kind;
    const kind = GRID_KINDS.find((k) => k === kindGiven) ?? before?.kind;
    if (!kind)
      problem(
        boundaryProblem('grids', [f.code], {
          code: 'grid_kind_invalid',
          params: { feature: f.code, allowed: GRID_KINDS.join(', ') },
        }),
      );
    const { geometry, ok } = geometryOf('grids', f, undefined, false);
    const next: GridPlan = {
      code: f.code,
      ...(before?.row ? { row: before.row } : {}),
      name: text(f.props.name) ?? text(f.props.nameZh) ?? before?.name ?? need('grids', f, 'name', undefined),
      kind: kind ?? 'comprehensive',
      communityCode: communityCode ?? '',
      previousCommunityCode: before?.communityCode ?? null,
      polygon: geometry as Polygon,
      touched: true,
      geometryOk: ok,
      changed: false,
    };
    next.changed =
      !before?.row ||
      next.name !== before.name ||
      next.kind !== before.kind ||
      next.communityCode !== before.communityCode ||
      !sameGeometry(geometry, before.polygon);
    grids.set(f.code, next);
  }

  return { streets, communities, grids, problems };
}

export function countsOf(plan: BoundaryPlan): Record<BoundaryLayer, BoundaryLayerCounts> {
  const count = (items: Iterable<Planned<unknown>>): BoundaryLayerCounts => {
    const c = { inserted: 0, updated: 0, unchanged: 0 };
    for (const p of items) {
      if (!p.touched && !p.changed) continue;
      if (!p.row) c.inserted++;
      else if (p.changed) c.updated++;
      else c.unchanged++;
    }
    return c;
  };
  return {
    streets: count(plan.streets.values()),
    communities: count(plan.communities.values()),
    grids: count(plan.grids.values()),
  };
}
