import { area } from '@turf/area';
import { polygon as turfPolygon } from '@turf/helpers';
import { kinks } from '@turf/kinks';
import type { Polygon, Position } from 'geojson';
import { boxOf, contains, distanceToBoundary, ringArea } from './geometry';
import { generateLayout, TARGETS, type DemoLayout, type LayoutGrid } from './layout';
import { seededRandom } from '../../world';

/** ~1 m: far above the 1 cm rounding of stored vertices, far below any grid's size. */
const EDGE = 1e-5;

describe('demo layout of Qinhuai', () => {
  let layout: DemoLayout;

  // Generation takes about a second; the generous limit keeps a busy machine from failing it.
  beforeAll(() => {
    layout = generateLayout();
  }, 120_000);

  const gridsOf = (street: string) => layout.grids.filter((g) => g.streetCode === street);
  const count = (grids: LayoutGrid[], kind: LayoutGrid['kind']) =>
    grids.filter((g) => g.kind === kind).length;

  it('has the twelve streets, with the codes the demo accounts use', () => {
    expect(layout.streets.map((s) => s.code).sort()).toEqual(
      [
        'chaotiangong',
        'daguanglu',
        'fuzimiao',
        'guanghualu',
        'honghua',
        'hongwulu',
        'qinhong',
        'ruijinlu',
        'shuangtang',
        'wulaocun',
        'yueyahu',
        'zhonghuamen',
      ].sort(),
    );
  });

  it('hits the published district totals: 1,026 comprehensive + 308 dedicated grids', () => {
    expect(count(layout.grids, 'comprehensive')).toBe(TARGETS.comprehensive);
    expect(count(layout.grids, 'dedicated')).toBe(TARGETS.dedicated);
  });

  it('gives Shuangtang exactly 10 communities, 84 comprehensive and 16 dedicated grids', () => {
    expect(layout.communities.filter((c) => c.streetCode === 'shuangtang')).toHaveLength(10);
    expect(count(gridsOf('shuangtang'), 'comprehensive')).toBe(84);
    expect(count(gridsOf('shuangtang'), 'dedicated')).toBe(16);
  });

  it('gives every street 6–12 communities and every community comprehensive grids', () => {
    for (const street of layout.streets) {
      const communities = layout.communities.filter((c) => c.streetCode === street.code);
      expect(communities.length).toBeGreaterThanOrEqual(6);
      expect(communities.length).toBeLessThanOrEqual(12);
      for (const c of communities) {
        expect(layout.grids.some((g) => g.communityCode === c.code && g.kind === 'comprehensive')).toBe(true);
      }
    }
  });

  it('names and codes grids uniquely', () => {
    const codes = new Set(layout.grids.map((g) => g.code));
    expect(codes.size).toBe(layout.grids.length);
    expect(new Set(layout.communities.map((c) => c.code)).size).toBe(layout.communities.length);
    expect(new Set(layout.communities.map((c) => c.nameZh)).size).toBe(layout.communities.length);
    for (const g of layout.grids) {
      expect(g.code).toMatch(/^QH-[A-Z]{2,3}-C\d{2}-[GD]\d{3}$/);
      expect(g.code.startsWith(`${g.communityCode}-`)).toBe(true);
      expect(g.name).toMatch(/^\p{Script=Han}+街道第\d+(网格|专属网格（\p{Script=Han}+）)$/u);
    }
    expect(layout.grids.find((g) => g.code === 'QH-FZM-C01-G001')?.name).toBe('夫子庙街道第1网格');
  });

  it('stores every grid as a valid GeoJSON Polygon with a matching bbox', () => {
    for (const g of layout.grids) {
      expectValidPolygon(g.polygon);
      const [minLng, minLat, maxLng, maxLat] = boxOf(g.polygon);
      expect(g.bbox).toEqual({ minLng, minLat, maxLng, maxLat });
    }
    for (const shape of [layout.district.boundary, ...layout.streets.map((s) => s.boundary)])
      expectValidPolygon(shape);
    for (const c of layout.communities) expectValidPolygon(c.boundary);
  });

  it('covers the district with grids without gaps or overlaps', () => {
    const random = seededRandom('coverage-sample');
    const [minX, minY, maxX, maxY] = boxOf(layout.district.boundary);
    let tested = 0;
    while (tested < 4000) {
      const p = [minX + random() * (maxX - minX), minY + random() * (maxY - minY)];
      if (!contains(layout.district.boundary, p)) continue;
      tested++;
      const hits = layout.grids.filter((g) => inBox(g, p) && contains(g.polygon, p));
      if (hits.length !== 1) expect(nearestEdge(layout.grids, p)).toBeLessThan(EDGE);
    }
    const gridArea = layout.grids.reduce((sum, g) => sum + area(g.polygon), 0);
    expect(Math.abs(gridArea / area(layout.district.boundary) - 1)).toBeLessThan(1e-4);
  });

  it('keeps every grid inside its community and every community inside its street', () => {
    const streets = new Map(layout.streets.map((s) => [s.code, s.boundary]));
    const communities = new Map(layout.communities.map((c) => [c.code, c]));
    for (const g of layout.grids) {
      const community = communities.get(g.communityCode);
      expect(community?.streetCode).toBe(g.streetCode);
      expectInside(g.polygon, community?.boundary);
      expectInside(g.polygon, streets.get(g.streetCode));
    }
    for (const c of layout.communities) expectInside(c.boundary, streets.get(c.streetCode));
  });

  it('centres each street on its published point, inside the street', () => {
    for (const s of layout.streets) expect(contains(s.boundary, s.center)).toBe(true);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(generateLayout())).toBe(JSON.stringify(layout));
  });
});

function expectValidPolygon(shape: Polygon): void {
  expect(shape.type).toBe('Polygon');
  expect(shape.coordinates.length).toBeGreaterThan(0);
  shape.coordinates.forEach((ring, i) => {
    expect(ring.length).toBeGreaterThanOrEqual(4);
    expect(ring[ring.length - 1]).toEqual(ring[0]);
    for (const p of ring) expect(p.every(Number.isFinite)).toBe(true);
    // RFC 7946: exterior counter-clockwise, holes clockwise.
    expect(ringArea(ring) > 0).toBe(i === 0);
  });
  expect(kinks(turfPolygon(shape.coordinates)).features).toHaveLength(0);
  expect(area(shape)).toBeGreaterThan(0);
}

function expectInside(inner: Polygon, outer: Polygon | undefined): void {
  expect(outer).toBeDefined();
  if (!outer) return;
  for (const p of inner.coordinates[0] ?? []) {
    if (!contains(outer, p)) expect(distanceToBoundary(p, outer)).toBeLessThan(EDGE);
  }
}

function inBox(g: LayoutGrid, [x, y]: Position): boolean {
  return x >= g.bbox.minLng && x <= g.bbox.maxLng && y >= g.bbox.minLat && y <= g.bbox.maxLat;
}

function nearestEdge(grids: LayoutGrid[], p: Position): number {
  return Math.min(...grids.filter((g) => inBox(g, p)).map((g) => distanceToBoundary(p, g.polygon)), Infinity);
}
