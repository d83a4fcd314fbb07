import type { GridKind } from '@whistle/shared';
import type { Polygon, Position } from 'geojson';
import { allocate, clamp } from './allocate';
import { COMMUNITY_NAMES, DEDICATED_KINDS } from './community-names';
import { areaOf, boxOf, byAreaDescending, tidy } from './geometry';
import { spreadSeeds } from './kmeans';
import { partition } from './partition';
import { seededRandom, type Random } from '../../world';
import { sliceOff } from './split';
import { DISTRICT, districtOutline, STREETS, type StreetDefinition } from './streets';

interface StreetPlan {
  communities: number;
  comprehensive: number;
  dedicated: number;
}

/** The sources' figures (DESIGN.md §1): the district's grid totals and Shuangtang's exact layout. */
export const TARGETS: {
  comprehensive: number;
  dedicated: number;
  fixed: Readonly<Record<string, StreetPlan>>;
} = {
  comprehensive: 1026,
  dedicated: 308,
  fixed: { shuangtang: { communities: 10, comprehensive: 84, dedicated: 16 } },
};

/** Share of a comprehensive cell carved off as a dedicated grid. */
const DEDICATED_FRACTION = 0.35;

export interface LayoutStreet extends StreetDefinition {
  boundary: Polygon;
}

export interface LayoutCommunity {
  code: string;
  streetCode: string;
  nameZh: string;
  nameEn: string;
  boundary: Polygon;
}

export interface LayoutGrid {
  code: string;
  name: string;
  kind: GridKind;
  streetCode: string;
  communityCode: string;
  polygon: Polygon;
  bbox: { minLng: number; minLat: number; maxLng: number; maxLat: number };
}

export interface DemoLayout {
  district: { code: string; nameZh: string; nameEn: string; boundary: Polygon };
  streets: LayoutStreet[];
  communities: LayoutCommunity[];
  grids: LayoutGrid[];
}

let cached: DemoLayout | undefined;

/** The demo layout, generated once per process (it is deterministic, so there is nothing to refresh). */
export function demoLayout(): DemoLayout {
  cached ??= generateLayout();
  return cached;
}

/**
 * District → 12 streets → communities → grids, every level a Voronoi tiling of the level above
 * clipped to it, so grids cover each street with no gap or overlap (see partition.ts).
 */
export function generateLayout(): DemoLayout {
  const outline = districtOutline();
  const streetShapes = partition(
    outline,
    STREETS.map((s) => s.center),
  );
  const plans = planStreets(streetShapes.map(areaOf));
  const layout: DemoLayout = {
    district: { ...DISTRICT, boundary: tidy(outline) },
    streets: [],
    communities: [],
    grids: [],
  };
  STREETS.forEach((street, i) => {
    const shape = streetShapes[i];
    const plan = plans[i];
    if (!shape || !plan) throw new Error(`no area for street ${street.code}`);
    layout.streets.push({ ...street, boundary: tidy(shape) });
    layoutStreet(street, shape, plan, layout);
  });
  return layout;
}

/**
 * How many communities and grids each street gets. Fixed streets take their published figures;
 * the rest of the district totals is shared by the square root of area, because the small
 * old-town streets are far denser than the large eastern ones (a grid is ~300 households).
 */
function planStreets(areas: number[]): StreetPlan[] {
  const free = STREETS.map((s) => !TARGETS.fixed[s.code]);
  const fixed = STREETS.map((s) => TARGETS.fixed[s.code]);
  const sumFixed = (key: keyof StreetPlan) => fixed.reduce((a, f) => a + (f?.[key] ?? 0), 0);
  const weights = areas.map((a, i) => (free[i] ? Math.sqrt(a) : 0));
  const comprehensive = allocate(TARGETS.comprehensive - sumFixed('comprehensive'), weights);
  const dedicated = allocate(TARGETS.dedicated - sumFixed('dedicated'), weights);
  return STREETS.map((_, i) => {
    const f = fixed[i];
    if (f) return f;
    // Larger streets get more communities: 6 for the smallest old-town streets, 12 for the largest.
    const km2 = areas[i] / 1e6;
    return {
      communities: clamp(Math.round(5 + 1.2 * km2), 6, 12),
      comprehensive: comprehensive[i],
      dedicated: dedicated[i],
    };
  });
}

function layoutStreet(street: StreetDefinition, shape: Polygon, plan: StreetPlan, layout: DemoLayout): void {
  const random = seededRandom(`street:${street.code}`);
  const names = COMMUNITY_NAMES[street.code] ?? [];
  if (names.length < plan.communities) throw new Error(`not enough community names for ${street.code}`);
  // Nearest the street office first, so community 01 carries the street's own name.
  const communities = partition(shape, spreadSeeds(shape, plan.communities, random)).sort(
    (a, b) => distance2(centre(a), street.center) - distance2(centre(b), street.center),
  );
  const areas = communities.map(areaOf);
  const comprehensive = allocate(plan.comprehensive, areas, 2);
  const dedicated = allocate(plan.dedicated, areas).map((d, i) => Math.min(d, comprehensive[i] - 1));
  // A dedicated share that a tiny community could not take goes to the largest one.
  const shortfall = plan.dedicated - dedicated.reduce((a, b) => a + b, 0);
  if (shortfall > 0) dedicated[areas.indexOf(Math.max(...areas))] += shortfall;

  const counters = { comprehensive: 0, dedicated: 0 };
  communities.forEach((community, c) => {
    const [nameZh, nameEn] = names[c] ?? ['', ''];
    const code = `${DISTRICT.abbr}-${street.abbr}-C${pad(c + 1, 2)}`;
    layout.communities.push({
      code,
      streetCode: street.code,
      nameZh: `${nameZh}社区`,
      nameEn: `${nameEn} Community`,
      boundary: tidy(community),
    });
    const cells = gridCells(community, comprehensive[c], dedicated[c], random);
    for (const cell of cells) {
      const kind = cell.kind;
      const n = ++counters[kind];
      const polygon = tidy(cell.shape);
      const [minLng, minLat, maxLng, maxLat] = boxOf(polygon);
      layout.grids.push({
        code: `${code}-${kind === 'comprehensive' ? 'G' : 'D'}${pad(n, 3)}`,
        name:
          kind === 'comprehensive'
            ? `${street.nameZh}第${n}网格`
            : `${street.nameZh}第${n}专属网格（${DEDICATED_KINDS[Math.floor(random() * DEDICATED_KINDS.length)]}）`,
        kind,
        streetCode: street.code,
        communityCode: code,
        polygon,
        bbox: { minLng, minLat, maxLng, maxLat },
      });
    }
  });
}

/**
 * `comprehensive` even cells over the community, then a slice of the `dedicated` largest ones
 * carved off as dedicated grids. Returned north to south so grid numbers read like a map.
 */
function gridCells(
  community: Polygon,
  comprehensive: number,
  dedicated: number,
  random: Random,
): { kind: GridKind; shape: Polygon }[] {
  const cells = byAreaDescending(partition(community, spreadSeeds(community, comprehensive, random)));
  const out: { kind: GridKind; shape: Polygon }[] = [];
  let carved = 0;
  for (const cell of cells) {
    const cut = carved < dedicated ? sliceOff(cell, DEDICATED_FRACTION, random) : null;
    if (cut) {
      carved++;
      out.push({ kind: 'comprehensive', shape: cut.rest }, { kind: 'dedicated', shape: cut.slice });
    } else out.push({ kind: 'comprehensive', shape: cell });
  }
  if (carved < dedicated) throw new Error(`could only carve ${carved} of ${dedicated} dedicated grids`);
  return out.sort(
    (a, b) => centre(b.shape)[1] - centre(a.shape)[1] || centre(a.shape)[0] - centre(b.shape)[0],
  );
}

/** Mean of the outer ring's vertices: only used to order shapes, so no need for a true centroid. */
function centre(shape: Polygon): Position {
  const ring = (shape.coordinates[0] ?? []).slice(0, -1);
  const n = Math.max(ring.length, 1);
  return [ring.reduce((a, p) => a + p[0], 0) / n, ring.reduce((a, p) => a + p[1], 0) / n];
}

function distance2(a: Position, b: Position): number {
  return (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
