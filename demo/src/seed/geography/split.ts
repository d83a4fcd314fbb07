import type { Polygon, Position } from 'geojson';
import { clipToConvex } from './clip';
import { boxOf, ringArea, samplePoints } from './geometry';
import type { Random } from '../../world';
import { LNG_SCALE } from './voronoi';

/** Cut directions tried per cell; the most compact slice wins. */
const DIRECTIONS = 8;

/**
 * Cuts a straight slice of about `fraction` of the cell's area off one side of it (a dedicated grid
 * for a park, market or office tower carved out of a comprehensive one). Both halves come from
 * clipping the cell by the two sides of one line, so they meet exactly along it. Of several cut
 * directions it keeps the one giving the most compact slice (a block, not a thin wedge), and
 * gives up (null) when every cut leaves a half in more than one piece.
 */
export function sliceOff(
  cell: Polygon,
  fraction: number,
  random: Random,
): { slice: Polygon; rest: Polygon } | null {
  const samples = samplePoints(cell, 200, random);
  if (samples.length < 20) return null;
  const [minX, minY, maxX, maxY] = boxOf(cell);
  const origin: Position = [minX, minY];
  const reach = 4 * Math.hypot(maxX - minX, maxY - minY);
  const turn = random() * 2 * Math.PI;
  let best: { slice: Polygon; rest: Polygon; score: number } | null = null;
  for (let k = 0; k < DIRECTIONS; k++) {
    const angle = turn + (k * 2 * Math.PI) / DIRECTIONS;
    const offsets = samples.map((p) => along(p, origin, angle)).sort((a, b) => a - b);
    const cut = offsets[Math.floor(fraction * offsets.length)];
    const [slice, ...moreSlice] = clipToConvex(cell, halfPlane(origin, angle, cut, -reach));
    const [rest, ...moreRest] = clipToConvex(cell, halfPlane(origin, angle, cut, reach));
    if (!slice || !rest || moreSlice.length > 0 || moreRest.length > 0) continue;
    const score = roundness(slice);
    if (!best || score < best.score) best = { slice, rest, score };
  }
  return best && { slice: best.slice, rest: best.rest };
}

/** Ground-scaled offset of p from `origin` in direction `angle` (longitude shrunk to its true length). */
function along(p: Position, origin: Position, angle: number): number {
  return (p[0] - origin[0]) * LNG_SCALE * Math.cos(angle) + (p[1] - origin[1]) * Math.sin(angle);
}

/** Degree offsets for a ground vector (gx, gy). */
function toDegrees(gx: number, gy: number): [number, number] {
  return [gx / LNG_SCALE, gy];
}

/**
 * The rectangle on one side of the line { p : along(p) = cut } (depth < 0: the low side, > 0: the
 * high side), large enough to cover the whole cell.
 */
function halfPlane(origin: Position, angle: number, cut: number, depth: number): Polygon {
  const [nx, ny] = toDegrees(Math.cos(angle), Math.sin(angle));
  const [tx, ty] = toDegrees(-Math.sin(angle), Math.cos(angle));
  const span = Math.abs(depth);
  const fx = origin[0] + nx * cut;
  const fy = origin[1] + ny * cut;
  const a = [fx - tx * span, fy - ty * span];
  const b = [fx + tx * span, fy + ty * span];
  const c = [b[0] + nx * depth, b[1] + ny * depth];
  const d = [a[0] + nx * depth, a[1] + ny * depth];
  return { type: 'Polygon', coordinates: [[a, b, c, d, a]] };
}

/** Perimeter² / area on the ground: 4π for a circle, larger the thinner the shape. */
function roundness(shape: Polygon): number {
  const ring = (shape.coordinates[0] ?? []).map(([x, y]) => [x * LNG_SCALE, y]);
  let perimeter = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    perimeter += Math.hypot(ring[i + 1][0] - ring[i][0], ring[i + 1][1] - ring[i][1]);
  }
  return (perimeter * perimeter) / Math.abs(ringArea(ring));
}
