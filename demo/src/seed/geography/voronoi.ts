import { featureCollection, point } from '@turf/helpers';
import { voronoi } from '@turf/voronoi';
import type { Polygon, Position } from 'geojson';
import type { Box } from './geometry';

/** A degree of longitude at Qinhuai's latitude (~32°N) is this fraction of a degree of latitude. */
export const LNG_SCALE = Math.cos((32.01 * Math.PI) / 180);

/**
 * Voronoi cells of `seeds` over `box`, one per seed in seed order. Computed with longitude scaled to
 * ground distance so the cells are not stretched north–south; d3-voronoi emits identical vertex
 * values for the two sides of a shared edge, and unscaling keeps them identical.
 */
export function voronoiCells(seeds: Position[], box: Box): Polygon[] {
  const scaled = featureCollection(seeds.map(([x, y], i) => point([x * LNG_SCALE, y], { i })));
  const [minX, minY, maxX, maxY] = box;
  const cells = voronoi(scaled, { bbox: [minX * LNG_SCALE, minY, maxX * LNG_SCALE, maxY] }).features;
  // d3-voronoi leaves a hole in the array for a duplicate seed; `some`/`map` would skip it silently.
  for (let i = 0; i < seeds.length; i++)
    if (!cells[i]) throw new Error('voronoi lost a cell (duplicate seeds?)');
  return cells.map((cell) => ({
    type: 'Polygon',
    coordinates: cell.geometry.coordinates.map((ring) => ring.map(([x, y]) => [x / LNG_SCALE, y])),
  }));
}
