import { area } from '@turf/area';
import type { Polygon } from 'geojson';
import { clipToConvex } from './clip';
import { intersection } from './geometry';
import { seededRandom } from '../../world';

const square = (x0: number, y0: number, size: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [x0, y0],
      [x0 + size, y0],
      [x0 + size, y0 + size],
      [x0, y0 + size],
      [x0, y0],
    ],
  ],
});

/** A "U" whose two arms a horizontal band cuts into two separate pieces. */
const U: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [0, 0],
      [3, 0],
      [3, 3],
      [2, 3],
      [2, 1],
      [1, 1],
      [1, 3],
      [0, 3],
      [0, 0],
    ],
  ],
};

describe('clipToConvex', () => {
  it('clips a simple overlap exactly', () => {
    const [piece, ...rest] = clipToConvex(square(0, 0, 2), square(1, 1, 2));
    expect(rest).toHaveLength(0);
    expect(piece && area(piece)).toBeCloseTo(area(square(1, 1, 1)), 0);
  });

  it('returns nothing for disjoint polygons', () => {
    expect(clipToConvex(square(0, 0, 1), square(5, 5, 1))).toEqual([]);
  });

  it('falls back to full clipping when the result falls apart', () => {
    const band: Polygon = square(-1, 2, 5);
    const parts = clipToConvex(U, band);
    expect(parts).toHaveLength(2);
  });

  it('agrees with general polygon clipping on random convex cells', () => {
    const random = seededRandom('clip-spec');
    for (let i = 0; i < 200; i++) {
      const cell = square(random() * 3 - 0.5, random() * 3 - 0.5, 0.2 + random() * 1.5);
      const fast = clipToConvex(U, cell);
      const exact = intersection(U, cell);
      expect(fast).toHaveLength(exact.length);
      const sum = (ps: Polygon[]) => ps.reduce((a, p) => a + area(p), 0);
      expect(Math.abs(sum(fast) - sum(exact))).toBeLessThanOrEqual(1e-6 * Math.max(1, sum(exact)));
    }
  });
});
