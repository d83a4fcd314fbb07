import { area } from '@turf/area';
import { difference } from '@turf/difference';
import { feature, featureCollection } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import { kinks } from '@turf/kinks';
import { length } from '@turf/length';
import { pointOnFeature } from '@turf/point-on-feature';
import { polygonToLine } from '@turf/polygon-to-line';
import { union } from '@turf/union';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import type { BoundaryProblemMessage, LngLat } from '@whistle/shared';

export type Area = Polygon | MultiPolygon;

/**
 * Floating-point slivers of shared edges are not real overlaps, gaps or spill-overs. Boundaries
 * drawn or rounded separately leave pieces metres long but millimetres wide along every shared
 * edge (the demo district's reach ~6 m²), so a piece counts only when it is both bigger than
 * `SLIVER_M2` and, on average, wider than `SLIVER_WIDTH_M` — far below what decides which grid a
 * GPS fix (±5 m) falls in.
 */
export const SLIVER_M2 = 1;
export const SLIVER_WIDTH_M = 0.5;

/** A piece of an overlap, gap or spill-over: how big, a point inside it, and its shape. */
export interface Piece {
  areaM2: number;
  location: LngLat;
  geometry: Polygon;
}

/** 7 decimals ≈ 1 cm: the report stays small and the shape is exact enough to draw. */
const round = (n: number): number => Math.round(n * 1e7) / 1e7;

const rounded = (part: Polygon): Polygon => ({
  type: 'Polygon',
  coordinates: part.coordinates.map((ring) => ring.map(([lng = 0, lat = 0]) => [round(lng), round(lat)])),
});

function isPosition(p: unknown): p is Position {
  return (
    Array.isArray(p) &&
    p.length >= 2 &&
    p.length <= 3 &&
    p.every((n) => typeof n === 'number' && Number.isFinite(n))
  );
}

/** What is wrong with one ring, or null: ≥ 4 positions, valid coordinates, closed. */
function ringProblem(ring: unknown, place: RingPlace): BoundaryProblemMessage | null {
  if (!Array.isArray(ring)) return { code: 'ring_not_array', params: place };
  if (ring.length < 4) return { code: 'ring_too_short', params: { ...place, positions: ring.length } };
  for (const [position, p] of ring.entries()) {
    if (!isPosition(p)) return { code: 'position_invalid', params: { ...place, position } };
    const [lng, lat] = p as [number, number];
    if (lng < -180 || lng > 180 || lat < -90 || lat > 90) {
      return { code: 'position_out_of_range', params: { ...place, position, lng, lat } };
    }
  }
  const first = ring[0] as Position;
  const last = ring[ring.length - 1] as Position;
  if (first[0] !== last[0] || first[1] !== last[1]) return { code: 'ring_not_closed', params: place };
  return null;
}

type RingPlace = { feature: string; polygon?: number; ring: number };

/**
 * The shape problems of feature `feature`'s geometry: wrong type, malformed or open rings, bad
 * coordinates. Only a geometry without any may be handed to the spatial checks below.
 */
export function geometryProblems(
  geometry: unknown,
  allowMulti: boolean,
  feature: string,
): BoundaryProblemMessage[] {
  if (typeof geometry !== 'object' || geometry === null)
    return [{ code: 'geometry_missing', params: { feature } }];
  const { type, coordinates } = geometry as { type?: unknown; coordinates?: unknown };
  const polygons: unknown[] =
    type === 'Polygon'
      ? [coordinates]
      : type === 'MultiPolygon' && allowMulti && Array.isArray(coordinates)
        ? coordinates
        : [];
  if (type !== 'Polygon' && !(type === 'MultiPolygon' && allowMulti)) {
    const allowed = allowMulti ? 'Polygon, MultiPolygon' : 'Polygon';
    return [{ code: 'geometry_type', params: { feature, allowed, actual: String(type) } }];
  }
  if (polygons.length === 0) return [{ code: 'geometry_empty', params: { feature } }];
  const problems: BoundaryProblemMessage[] = [];
  polygons.forEach((polygon, p) => {
    if (!Array.isArray(polygon) || polygon.length === 0) {
      problems.push({ code: 'polygon_without_rings', params: { feature, polygon: p } });
      return;
    }
    polygon.forEach((ring, r) => {
      const place: RingPlace = polygons.length > 1 ? { feature, polygon: p, ring: r } : { feature, ring: r };
      const problem = ringProblem(ring, place);
      if (problem) problems.push(problem);
    });
  });
  return problems;
}

const toLngLat = (f: Feature<Area>): LngLat => {
  const [lng, lat] = pointOnFeature(f).geometry.coordinates as [number, number];
  return { lng, lat };
};

/** Where the boundary crosses itself (a bow-tie, a ring touching another), or null. */
export function selfIntersection(geometry: Area): LngLat | null {
  const found = kinks(geometry).features[0];
  if (!found) return null;
  const [lng, lat] = found.geometry.coordinates as [number, number];
  return { lng, lat };
}

/** The pieces of a (multi)polygon bigger than a sliver, each with its area and a point inside. */
function pieces(shape: Feature<Area> | null): Piece[] {
  if (!shape) return [];
  const parts: Polygon[] =
    shape.geometry.type === 'Polygon'
      ? [shape.geometry]
      : shape.geometry.coordinates.map((coordinates) => ({ type: 'Polygon', coordinates }));
  return parts.flatMap((part) => {
    const f = feature(part);
    const areaM2 = area(f);
    if (areaM2 <= SLIVER_M2) return [];
    // Mean width of a thin piece ≈ 2 × area / perimeter.
    const perimeterM = length(polygonToLine(part), { units: 'meters' });
    if ((2 * areaM2) / perimeterM < SLIVER_WIDTH_M) return [];
    return [{ areaM2: Math.round(areaM2 * 10) / 10, location: toLngLat(f), geometry: rounded(part) }];
  });
}

/** The parts of `child` outside `parent`. */
export function outside(child: Area, parent: Area): Piece[] {
  return pieces(difference(featureCollection([feature(child), feature(parent)])));
}

/** Where two siblings overlap. */
export function overlap(a: Area, b: Area): Piece[] {
  return pieces(intersect(featureCollection([feature(a), feature(b)])));
}

/** How a set of children covers their parent, from one union of the children. */
export interface Coverage {
  /** Parts of the parent no child covers: blind spots where a location lands in no grid. */
  gaps: Piece[];
  /** Parts of the children outside the parent. */
  spill: Piece[];
  /** Total area covered twice or more; only when above a sliver are the pairs compared. */
  overlapM2: number;
}

export function coverage(parent: Area, children: readonly Area[]): Coverage {
  const features = children.map((c) => feature(c));
  const covered =
    features.length === 1 ? features[0] : features.length ? union(featureCollection(features)) : null;
  if (!covered) return { gaps: pieces(feature(parent)), spill: [], overlapM2: 0 };
  const sum = features.reduce((total, f) => total + area(f), 0);
  return {
    gaps: pieces(difference(featureCollection([feature(parent), covered]))),
    spill: pieces(difference(featureCollection([covered, feature(parent)]))),
    overlapM2: sum - area(covered),
  };
}

/** Bounding box [minLng, minLat, maxLng, maxLat] of a geometry's outer rings. */
export function boxOf(geometry: Area): [number, number, number, number] {
  const rings =
    geometry.type === 'Polygon' ? [geometry.coordinates[0]] : geometry.coordinates.map((p) => p[0]);
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of rings)
    for (const [x, y] of ring ?? []) {
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
  return [minX, minY, maxX, maxY];
}

export const boxesMeet = (a: readonly number[], b: readonly number[]): boolean =>
  a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

/** A point inside the area, for a street's map label. */
export function labelPoint(geometry: Area): LngLat {
  return toLngLat(feature(geometry));
}

/** Same shape, whatever the key order jsonb gave the stored object. */
export function sameGeometry(a: Area | null, b: Area | null): boolean {
  if (a === null || b === null) return a === b;
  return a.type === b.type && JSON.stringify(a.coordinates) === JSON.stringify(b.coordinates);
}
