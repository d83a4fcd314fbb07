import { GridIndex } from '@whistle/server/dist/grids/grid-index';
import { seededRandom } from '@whistle/demo';
import { demoLayout } from '@whistle/demo/dist/seed/geography/layout';
import { summarize } from '../lib/stats';

/** In-process: point → grid over the demo district's 1,334 grids, 100,000 random points (µs). */
export function gridLookupMicros(points = 100_000): ReturnType<typeof summarize> {
  const grids = demoLayout().grids.map((g, i) => ({
    id: String(i),
    streetId: '',
    communityId: '',
    districtId: '',
    polygon: g.polygon,
    minX: g.bbox.minLng,
    minY: g.bbox.minLat,
    maxX: g.bbox.maxLng,
    maxY: g.bbox.maxLat,
  }));
  const index = new GridIndex(grids);
  const [minX, minY, maxX, maxY] = [118.76, 31.98, 118.86, 32.045];
  const rand = seededRandom('grid-lookup');
  const samples: number[] = [];
  for (let i = 0; i < points; i++) {
    const p = { lng: minX + rand() * (maxX - minX), lat: minY + rand() * (maxY - minY) };
    const t = performance.now();
    index.lookup(p);
    samples.push((performance.now() - t) * 1000);
  }
  return summarize(samples);
}
