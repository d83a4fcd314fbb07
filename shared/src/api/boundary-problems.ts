import type { LngLat } from '../domain/vocabulary';
import type { CodedMessage } from './coded-message';

export type BoundaryLayer = 'streets' | 'communities' | 'grids';

export type BoundaryProblemKind =
  | 'malformed'
  | 'duplicate_code'
  | 'unknown_parent'
  | 'invalid_geometry'
  | 'self_intersection'
  | 'outside_parent'
  | 'overlap'
  | 'gap';

// Params are type literals, not interfaces, so they stay assignable to MessageParams.
/**
 * Where in a geometry a ring problem is: `ring` (and `position`) are 0-based indexes into the
 * GeoJSON coordinates; `polygon` only for a MultiPolygon.
 */
type RingPlace = {
  feature: string;
  polygon?: number;
  ring: number;
};

/** A piece of an overlap, gap or spill-over: its size and a point inside it (6 decimals). */
type PiecePlace = {
  areaM2: number;
  lng: number;
  lat: number;
};

/**
 * Every boundary problem the server reports, by code, with its params. `feature` is the code of
 * the street, community or grid at fault; `index` the 0-based place of a feature in its file.
 */
export interface BoundaryProblemParams {
  layer_not_collection: { layer: BoundaryLayer };
  feature_not_feature: { layer: BoundaryLayer; index: number };
  feature_without_code: { layer: BoundaryLayer; index: number };
  duplicate_code: { layer: BoundaryLayer; feature: string };
  property_required: { feature: string; property: string };
  grid_kind_invalid: { feature: string; allowed: string };
  street_unknown: { feature: string; parent: string };
  street_missing: { feature: string };
  community_unknown: { feature: string; parent: string };
  community_missing: { feature: string };
  geometry_missing: { feature: string };
  /** `allowed`: `Polygon`, or `Polygon, MultiPolygon` for streets and communities. */
  geometry_type: { feature: string; allowed: string; actual: string };
  geometry_empty: { feature: string };
  polygon_without_rings: { feature: string; polygon: number };
  ring_not_array: RingPlace;
  ring_too_short: RingPlace & { positions: number };
  position_invalid: RingPlace & { position: number };
  position_out_of_range: RingPlace & { position: number; lng: number; lat: number };
  ring_not_closed: RingPlace;
  /** The geometry library failed on these features; `features` joined by ", ". */
  not_comparable: { features: string; reason: string };
  self_intersection: { feature: string };
  outside_parent: PiecePlace & { feature: string; parent: string };
  /** A part of community `feature` no grid covers. */
  gap: PiecePlace & { feature: string };
  overlap: PiecePlace & { feature: string; other: string };
}

export type BoundaryProblemCode = keyof BoundaryProblemParams;

/** The kind (list badge, map layer) of each problem code. */
export const BOUNDARY_PROBLEM_KINDS: Readonly<Record<BoundaryProblemCode, BoundaryProblemKind>> = {
  layer_not_collection: 'malformed',
  feature_not_feature: 'malformed',
  feature_without_code: 'malformed',
  duplicate_code: 'duplicate_code',
  property_required: 'malformed',
  grid_kind_invalid: 'malformed',
  street_unknown: 'unknown_parent',
  street_missing: 'unknown_parent',
  community_unknown: 'unknown_parent',
  community_missing: 'unknown_parent',
  geometry_missing: 'invalid_geometry',
  geometry_type: 'invalid_geometry',
  geometry_empty: 'invalid_geometry',
  polygon_without_rings: 'invalid_geometry',
  ring_not_array: 'invalid_geometry',
  ring_too_short: 'invalid_geometry',
  position_invalid: 'invalid_geometry',
  position_out_of_range: 'invalid_geometry',
  ring_not_closed: 'invalid_geometry',
  not_comparable: 'invalid_geometry',
  self_intersection: 'self_intersection',
  outside_parent: 'outside_parent',
  gap: 'gap',
  overlap: 'overlap',
};

export const BOUNDARY_PROBLEM_CODES = Object.keys(BOUNDARY_PROBLEM_KINDS) as BoundaryProblemCode[];

/** A problem code with its params. */
export type BoundaryProblemMessage = CodedMessage<BoundaryProblemParams>;

/**
 * One thing wrong with a boundary file, with where it is when it has a place. `code` and `params`
 * say it in any language; `message` says it in English for API clients.
 */
export type BoundaryProblem = BoundaryProblemMessage & {
  kind: BoundaryProblemKind;
  layer: BoundaryLayer;
  /** Codes of the features involved (two for an overlap; the parent for a gap). */
  codes: string[];
  message: string;
  /** Square metres of the overlap, gap or part outside the parent. */
  areaM2?: number;
  /** A point inside the overlap, gap or part outside the parent. */
  location?: LngLat;
  /** The overlapping area, the gap or the part outside the parent, so a map can draw it. */
  geometry?: BoundaryProblemArea;
};

/** A GeoJSON polygon ([lng, lat] positions), without a dependency on GeoJSON typings. */
export interface BoundaryProblemArea {
  type: 'Polygon';
  coordinates: number[][][];
}
