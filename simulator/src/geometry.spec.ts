import { seededRandom } from '@whistle/demo';
import { pointInPolygon, randomPointIn, type Rings } from './geometry';

const SQUARE_WITH_HOLE: Rings = [
  [
    [0, 0],
    [10, 0],
    [10, 10],
    [0, 10],
    [0, 0],
  ],
  [
    [4, 4],
    [6, 4],
    [6, 6],
    [4, 6],
    [4, 4],
  ],
];

describe('point in polygon', () => {
  it('counts the outer ring in and the hole out', () => {
    expect(pointInPolygon({ lng: 1, lat: 1 }, SQUARE_WITH_HOLE)).toBe(true);
    expect(pointInPolygon({ lng: 5, lat: 5 }, SQUARE_WITH_HOLE)).toBe(false);
    expect(pointInPolygon({ lng: 11, lat: 5 }, SQUARE_WITH_HOLE)).toBe(false);
  });

  it('samples points inside a concave grid, never in its notch', () => {
    // An L shape: its bounding box holds the empty upper-right quarter.
    const l: Rings = [
      [
        [118.78, 32.02],
        [118.782, 32.02],
        [118.782, 32.021],
        [118.781, 32.021],
        [118.781, 32.022],
        [118.78, 32.022],
        [118.78, 32.02],
      ],
    ];
    const rng = seededRandom('grid');
    for (let i = 0; i < 500; i++) {
      const p = randomPointIn(l, rng);
      expect(pointInPolygon(p, l)).toBe(true);
      expect(p.lng > 118.781 && p.lat > 32.021).toBe(false);
    }
  });
});
