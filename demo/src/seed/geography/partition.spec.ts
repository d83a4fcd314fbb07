import { area } from '@turf/area';
import type { Polygon } from 'geojson';
import { contains } from './geometry';
import { partition } from './partition';
import { seededRandom } from '../../world';

/** A comb: deep notches make Voronoi cells fall apart when clipped, exercising the sliver merge. */
const comb: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [0, 0],
      [0.05, 0],
      [0.05, 0.04],
      [0.04, 0.04],
      [0.04, 0.01],
      [0.03, 0.01],
      [0.03, 0.04],
      [0.02, 0.04],
      [0.02, 0.01],
      [0.01, 0.01],
      [0.01, 0.04],
      [0, 0.04],
      [0, 0],
    ],
  ],
};

describe('partition', () => {
  const seeds = [
    [0.005, 0.005],
    [0.025, 0.005],
    [0.045, 0.005],
    [0.015, 0.03],
    [0.035, 0.03],
  ];

  it('returns one single Polygon per seed', () => {
    const cells = partition(comb, seeds);
    expect(cells).toHaveLength(seeds.length);
    for (const c of cells) expect(c.type).toBe('Polygon');
  });

  it('tiles the region: areas add up and every sample point is in exactly one cell', () => {
    const cells = partition(comb, seeds);
    const total = cells.reduce((a, c) => a + area(c), 0);
    expect(total / area(comb)).toBeCloseTo(1, 6);
    const random = seededRandom('partition-spec');
    for (let i = 0; i < 2000; i++) {
      const p = [random() * 0.05, random() * 0.04];
      const hits = cells.filter((c) => contains(c, p)).length;
      expect(hits).toBe(contains(comb, p) ? 1 : 0);
    }
  });
});
