import {
  BOUNDARY_PROBLEM_KINDS,
  type BoundaryLayer,
  type BoundaryProblem,
  type BoundaryProblemCode,
  type BoundaryProblemMessage,
  type BoundaryProblemParams,
} from '@whistle/shared';

type Templates = { [C in BoundaryProblemCode]: (p: BoundaryProblemParams[C]) => string };

const at = (p: { areaM2: number; lng: number; lat: number }): string =>
  `${p.areaM2} m² around (${p.lng.toFixed(6)}, ${p.lat.toFixed(6)})`;
const ring = (p: { polygon?: number; ring: number }): string =>
  `${p.polygon === undefined ? '' : `polygon ${p.polygon} `}ring ${p.ring}`;

/** The English `message` of each problem, for API clients; the dashboard says them from the code. */
const ENGLISH: Templates = {
  layer_not_collection: (p) => `${p.layer} must be a GeoJSON FeatureCollection`,
  feature_not_feature: (p) => `${p.layer} feature ${p.index} is not a GeoJSON Feature`,
  feature_without_code: (p) => `${p.layer} feature ${p.index} has no properties.code`,
  duplicate_code: (p) => `${p.layer}: code ${p.feature} appears twice`,
  property_required: (p) => `${p.feature}: properties.${p.property} is required for a new feature`,
  grid_kind_invalid: (p) => `${p.feature}: properties.kind must be one of ${p.allowed}`,
  street_unknown: (p) => `${p.feature}: its street (${p.parent}) is neither stored nor in the file`,
  street_missing: (p) => `${p.feature}: its street (none given) is neither stored nor in the file`,
  community_unknown: (p) => `${p.feature}: its community (${p.parent}) is neither stored nor in the file`,
  community_missing: (p) => `${p.feature}: its community (none given) is neither stored nor in the file`,
  geometry_missing: (p) => `${p.feature}: has no geometry`,
  geometry_type: (p) =>
    `${p.feature}: geometry must be a ${p.allowed.replace(', ', ' or ')}, not ${p.actual}`,
  geometry_empty: (p) => `${p.feature}: geometry has no polygons`,
  polygon_without_rings: (p) => `${p.feature}: polygon ${p.polygon} has no rings`,
  ring_not_array: (p) => `${p.feature}: ${ring(p)} is not an array of positions`,
  ring_too_short: (p) => `${p.feature}: ${ring(p)} has ${p.positions} positions; a ring needs at least 4`,
  position_invalid: (p) => `${p.feature}: ${ring(p)} position ${p.position} is not [lng, lat]`,
  position_out_of_range: (p) =>
    `${p.feature}: ${ring(p)} position ${p.position} (${p.lng}, ${p.lat}) is not a valid longitude/latitude`,
  ring_not_closed: (p) => `${p.feature}: ${ring(p)} is not closed (first ≠ last position)`,
  not_comparable: (p) => `${p.features}: could not be compared (${p.reason})`,
  self_intersection: (p) => `${p.feature}: the boundary crosses itself`,
  outside_parent: (p) => `${p.feature} reaches outside ${p.parent}: ${at(p)}`,
  gap: (p) => `${p.feature} has a part no grid covers: ${at(p)}`,
  overlap: (p) => `${p.feature} and ${p.other} overlap: ${at(p)}`,
};

/** The English sentence of a coded problem. */
export function englishOf(coded: BoundaryProblemMessage): string {
  return (ENGLISH[coded.code] as (p: BoundaryProblemMessage['params']) => string)(coded.params);
}

type Place = Pick<BoundaryProblem, 'areaM2' | 'location' | 'geometry'>;

/** A problem of a layer about the features `codes`: its kind from its code, its English message. */
export function boundaryProblem(
  layer: BoundaryLayer,
  codes: string[],
  coded: BoundaryProblemMessage,
  place: Place = {},
): BoundaryProblem {
  return {
    kind: BOUNDARY_PROBLEM_KINDS[coded.code],
    layer,
    codes,
    ...coded,
    message: englishOf(coded),
    ...place,
  };
}
