import type { Polygon, Position } from 'geojson';
import { intersection } from './geometry';

/**
 * `subject` ∩ `convex`, where `convex` is a convex polygon (a Voronoi cell or a half-plane).
 *
 * General polygon clipping (polyclip-ts behind turf.intersect) works in arbitrary precision and
 * costs about a millisecond per call, which over ~2,000 clips is most of the generation time.
 * Sutherland–Hodgman clipping against each edge of a convex polygon is exact for a single result
 * piece and a hundred times cheaper; it only goes wrong when the result falls apart into several
 * pieces, which cannot happen while the subject's boundary crosses each clip line at most twice.
 * So use it when that holds and hand anything else (or a subject with holes) to polyclip.
 */
export function clipToConvex(subject: Polygon, convex: Polygon): Polygon[] {
  const fast =
    subject.coordinates.length === 1 ? sutherlandHodgman(open(subject.coordinates[0]), convex) : null;
  if (fast === null) return intersection(subject, convex);
  return fast.length >= 3 ? [{ type: 'Polygon', coordinates: [[...fast, fast[0]]] }] : [];
}

/** The clipped ring (possibly empty), or null when a clip line is crossed more than twice. */
function sutherlandHodgman(ring: Position[], convex: Polygon): Position[] | null {
  const clip = open(convex.coordinates[0]);
  const orientation = Math.sign(signedArea(clip));
  let current = ring;
  for (let i = 0; i < clip.length && current.length > 0; i++) {
    const p = clip[i];
    const q = clip[(i + 1) % clip.length];
    // The same edge is walked in opposite directions by the two cells that share it; measuring
    // from a canonical end keeps the crossing points bit-identical on both sides.
    const [a, b] = p[0] < q[0] || (p[0] === q[0] && p[1] < q[1]) ? [p, q] : [q, p];
    const sense = a === p ? orientation : -orientation;
    const side = (x: Position) => sense * ((b[0] - a[0]) * (x[1] - a[1]) - (b[1] - a[1]) * (x[0] - a[0]));
    const next: Position[] = [];
    let changes = 0;
    let prev = current[current.length - 1];
    let prevSide = side(prev);
    for (const cur of current) {
      const curSide = side(cur);
      const curIn = curSide >= 0;
      if (curIn !== prevSide >= 0) {
        changes++;
        const t = prevSide / (prevSide - curSide);
        next.push([prev[0] + t * (cur[0] - prev[0]), prev[1] + t * (cur[1] - prev[1])]);
      }
      if (curIn) next.push(cur);
      prev = cur;
      prevSide = curSide;
    }
    if (changes > 2) return null;
    current = dedupe(next);
  }
  return current;
}

/** The ring without its closing vertex (and without repeats). */
function open(ring: Position[] | undefined): Position[] {
  return dedupe(ring ?? []);
}

/** Drops consecutive repeats, including a last vertex equal to the first. */
function dedupe(ring: Position[]): Position[] {
  const out = ring.filter((p, i) => i === 0 || !same(ring[i - 1], p));
  while (out.length > 1 && same(out[0], out[out.length - 1])) out.pop();
  return out;
}

function same(a: Position, b: Position): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

function signedArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length; i++) {
    const p = ring[i];
    const q = ring[(i + 1) % ring.length];
    sum += p[0] * q[1] - q[0] * p[1];
  }
  return sum / 2;
}
