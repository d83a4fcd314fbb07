import { area } from '@turf/area';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { featureCollection, polygon as turfPolygon } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import { union } from '@turf/union';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { Random } from '../../world';

/** [minLng, minLat, maxLng, maxLat] */
export type Box = [number, number, number, number];

export function boxOf(shape: Polygon): Box {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of shape.coordinates)
    for (const [x, y] of ring) {
      if (x < minX) minX = x;
      if (y < minY) minY = y;
      if (x > maxX) maxX = x;
      if (y > maxY) maxY = y;
    }
  return [minX, minY, maxX, maxY];
}

export function boxesTouch(a: Box, b: Box, margin = 0): boolean {
  return a[0] <= b[2] + margin && b[0] <= a[2] + margin && a[1] <= b[3] + margin && b[1] <= a[3] + margin;
}

export function areaOf(shape: Polygon): number {
  return area(shape);
}

export function contains(shape: Polygon, point: Position): boolean {
  return booleanPointInPolygon(point, shape);
}

/** The parts of a clipping result, each as its own Polygon. */
export function partsOf(shape: Polygon | MultiPolygon | null | undefined): Polygon[] {
  if (!shape) return [];
  if (shape.type === 'Polygon') return [shape];
  return shape.coordinates.map((coordinates) => ({ type: 'Polygon', coordinates }));
}

export function intersection(a: Polygon, b: Polygon): Polygon[] {
  return partsOf(
    intersect(featureCollection([turfPolygon(a.coordinates), turfPolygon(b.coordinates)]))?.geometry,
  );
}

/** The union of two touching polygons, or null when they do not merge into one Polygon. */
export function mergeTwo(a: Polygon, b: Polygon): Polygon | null {
  const parts = partsOf(
    union(featureCollection([turfPolygon(a.coordinates), turfPolygon(b.coordinates)]))?.geometry,
  );
  return parts.length === 1 ? (parts[0] ?? null) : null;
}

/** Largest part first, so callers can keep it and hand the slivers on. */
export function byAreaDescending(parts: Polygon[]): Polygon[] {
  return parts
    .map((p) => ({ p, a: areaOf(p) }))
    .sort((x, y) => y.a - x.a)
    .map((x) => x.p);
}

/** Uniform random points inside a polygon, by rejection from its bounding box. */
export function samplePoints(shape: Polygon, count: number, random: Random): Position[] {
  const [minX, minY, maxX, maxY] = boxOf(shape);
  const points: Position[] = [];
  for (let attempts = 0; points.length < count && attempts < count * 200; attempts++) {
    const p = [minX + random() * (maxX - minX), minY + random() * (maxY - minY)];
    if (contains(shape, p)) points.push(p);
  }
  return points;
}

/** Distance from p to segment ab, in degrees (only ever compared against tiny tolerances). */
export function distanceToSegment(p: Position, a: Position, b: Position): number {
  const [px, py] = p;
  const [ax, ay] = a;
  const [bx, by] = b;
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

export function distanceToBoundary(p: Position, shape: Polygon): number {
  let best = Infinity;
  for (const ring of shape.coordinates)
    for (let i = 0; i + 1 < ring.length; i++) {
      const a = ring[i];
      const b = ring[i + 1];
      if (a && b) best = Math.min(best, distanceToSegment(p, a, b));
    }
  return best;
}

/**
 * Rounds to 1e-7° (about 1 cm) and drops repeated vertices. Shared vertices round identically, so
 * neighbours stay glued; stored JSON stays small.
 */
export function tidy(shape: Polygon, digits = 7): Polygon {
  const f = 10 ** digits;
  const round = (v: number) => Math.round(v * f) / f;
  const rings = shape.coordinates.map((ring) => {
    const out: Position[] = [];
    for (const [x, y] of ring) {
      const q = [round(x), round(y)];
      const last = out[out.length - 1];
      if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
    }
    const first = out[0];
    const last = out[out.length - 1];
    if (first && last && (first[0] !== last[0] || first[1] !== last[1])) out.push([first[0], first[1]]);
    return out;
  });
  // RFC 7946 winding: exterior counter-clockwise, holes clockwise.
  const oriented = rings
    .filter((ring) => ring.length >= 4)
    .map((ring, i) => (ringArea(ring) > 0 === (i === 0) ? ring : [...ring].reverse()));
  return { type: 'Polygon', coordinates: oriented };
}

/** Shoelace area of a closed ring in degrees²: positive when counter-clockwise. */
export function ringArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const p = ring[i];
    const q = ring[i + 1];
    if (p && q) sum += p[0] * q[1] - q[0] * p[1];
  }
  return sum / 2;
}
