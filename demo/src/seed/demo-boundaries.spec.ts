import type { Grid } from '@whistle/server/dist/grids/grid.entity';
import { demoLayout } from './geography/layout';
import type { Street } from '@whistle/server/dist/streets/street.entity';
import { spatialProblems } from '@whistle/server/dist/boundaries/boundary-checks';
import { planImport, type BoundaryFile } from '@whistle/server/dist/boundaries/boundary-plan';

const collection = (features: { code: string; geometry: unknown }[]) => ({
  type: 'FeatureCollection',
  features: features.map(({ code, geometry }) => ({ type: 'Feature', properties: { code }, geometry })),
});

/**
 * The demo district's 12 streets, 113 communities and 1,334 grids, checked as a full re-import:
 * its rounding slivers (up to ~6 m² along shared edges) must not count as gaps or overlaps.
 */
describe('the demo district as a boundary file', () => {
  it('passes every check unchanged', () => {
    const layout = demoLayout();
    const stored = {
      streets: layout.streets.map((s) => ({ ...s, id: s.code, districtId: 'd' }) as unknown as Street),
      communities: layout.communities.map((c) => ({ ...c, id: c.code, streetId: c.streetCode })),
      grids: layout.grids.map(
        (g) =>
          ({ ...g, id: g.code, communityId: g.communityCode, streetId: g.streetCode }) as unknown as Grid,
      ),
    };
    const file: BoundaryFile = {
      streets: collection(layout.streets.map((s) => ({ code: s.code, geometry: s.boundary }))),
      communities: collection(layout.communities.map((c) => ({ code: c.code, geometry: c.boundary }))),
      grids: collection(layout.grids.map((g) => ({ code: g.code, geometry: g.polygon }))),
    };
    const plan = planImport(file, stored);
    expect(plan.grids.size).toBe(1334);
    expect([...plan.problems, ...spatialProblems(plan)]).toEqual([]);
  });
});
