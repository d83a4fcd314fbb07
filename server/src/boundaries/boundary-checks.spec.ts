import type { Polygon } from 'geojson';
import type { Grid } from '../grids/grid.entity';
import type { Street } from '../streets/street.entity';
import { spatialProblems } from './boundary-checks';
import { geometryProblems } from './boundary-geometry';
import { planImport, type StoredBoundaries } from './boundary-plan';

const box = (minLng: number, minLat: number, maxLng: number, maxLat: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [minLng, minLat],
      [maxLng, minLat],
      [maxLng, maxLat],
      [minLng, maxLat],
      [minLng, minLat],
    ],
  ],
});

/** One street = one community of 0.02°, split into a west and an east grid. */
function stored(): StoredBoundaries {
  const street = {
    id: 's1',
    code: 'S',
    nameZh: '街',
    nameEn: 'S',
    districtId: 'd',
    boundary: box(0, 0, 0.02, 0.02),
  };
  const community = {
    id: 'c1',
    code: 'C',
    nameZh: '社',
    nameEn: 'C',
    streetId: 's1',
    boundary: box(0, 0, 0.02, 0.02),
  };
  const grid = (id: string, polygon: Polygon) => ({
    id,
    code: id,
    name: id,
    kind: 'comprehensive',
    streetId: 's1',
    communityId: 'c1',
    polygon,
  });
  return {
    streets: [street as Street],
    communities: [community],
    grids: [grid('W', box(0, 0, 0.01, 0.02)) as Grid, grid('E', box(0.01, 0, 0.02, 0.02)) as Grid],
  };
}

const gridsFile = (polygons: Record<string, Polygon>) => ({
  grids: {
    type: 'FeatureCollection',
    features: Object.entries(polygons).map(([code, geometry]) => ({
      type: 'Feature',
      properties: { code },
      geometry,
    })),
  },
});

const check = (file: object) => {
  const plan = planImport(file, stored());
  return [...plan.problems, ...spatialProblems(plan)];
};

describe('boundary checks', () => {
  it('accepts grids that tile their community exactly, shared edges and all', () => {
    expect(check(gridsFile({ W: box(0, 0, 0.01, 0.02), E: box(0.01, 0, 0.02, 0.02) }))).toEqual([]);
    // Moving the shared edge in both grids keeps the tiling.
    expect(check(gridsFile({ W: box(0, 0, 0.012, 0.02), E: box(0.012, 0, 0.02, 0.02) }))).toEqual([]);
  });

  it('finds an overlap with a point inside it', () => {
    const problems = check(gridsFile({ W: box(0, 0, 0.012, 0.02) }));
    expect(problems.map((p) => p.kind)).toEqual(['overlap']);
    // A code and params for any language, and the same in English for API clients.
    expect(problems[0]).toMatchObject({
      code: 'overlap',
      params: { feature: 'W', other: 'E', areaM2: problems[0]?.areaM2 },
      message: expect.stringMatching(/^W and E overlap: [\d.]+ m² around \(0\.01\d+, 0\.01\d*\)$/),
    });
    expect(problems[0]?.location?.lng).toBeGreaterThan(0.01);
    expect(problems[0]?.location?.lng).toBeLessThan(0.012);
    // The overlapping strip itself, for the admin console's map.
    const ring = problems[0]?.geometry?.coordinates[0] ?? [];
    expect(Math.min(...ring.map(([lng = NaN]) => lng))).toBeCloseTo(0.01, 7);
    expect(Math.max(...ring.map(([lng = NaN]) => lng))).toBeCloseTo(0.012, 7);
    expect(Math.max(...ring.map(([, lat = NaN]) => lat))).toBeCloseTo(0.02, 7);
  });

  it('finds a gap, and a grid that spills out of its community', () => {
    expect(check(gridsFile({ W: box(0, 0, 0.008, 0.02) })).map((p) => p.kind)).toEqual(['gap']);
    const spill = check(gridsFile({ W: box(-0.001, 0, 0.01, 0.02) }));
    expect(spill.map((p) => p.kind)).toEqual(['outside_parent']);
    expect(spill[0]?.location?.lng).toBeLessThan(0);
  });

  it('ignores slivers below a square metre', () => {
    // 1e-9° ≈ 0.1 mm of overlap along a 2 km edge.
    expect(check(gridsFile({ W: box(0, 0, 0.010000001, 0.02) }))).toEqual([]);
  });

  it('refuses open, short and out-of-range rings and unknown parents', () => {
    expect(
      geometryProblems(
        {
          type: 'Polygon',
          coordinates: [
            [
              [0, 0],
              [1, 0],
              [1, 1],
              [0, 1],
            ],
          ],
        },
        false,
        'G',
      ),
    ).toEqual([{ code: 'ring_not_closed', params: { feature: 'G', ring: 0 } }]);
    expect(
      geometryProblems(
        {
          type: 'Polygon',
          coordinates: [
            [
              [0, 0],
              [1, 0],
              [0, 0],
            ],
          ],
        },
        false,
        'G',
      )[0],
    ).toEqual({ code: 'ring_too_short', params: { feature: 'G', ring: 0, positions: 3 } });
    expect(
      geometryProblems(
        {
          type: 'Polygon',
          coordinates: [
            [
              [0, 0],
              [200, 0],
              [1, 1],
              [0, 0],
            ],
          ],
        },
        false,
        'G',
      )[0],
    ).toEqual({
      code: 'position_out_of_range',
      params: { feature: 'G', ring: 0, position: 1, lng: 200, lat: 0 },
    });
    expect(geometryProblems({ type: 'MultiPolygon', coordinates: [] }, false, 'G')[0]).toEqual({
      code: 'geometry_type',
      params: { feature: 'G', allowed: 'Polygon', actual: 'MultiPolygon' },
    });
    const orphan = check({
      grids: {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { code: 'N', communityCode: 'nowhere', name: 'n', kind: 'comprehensive' },
            geometry: box(0, 0, 0.01, 0.01),
          },
        ],
      },
    });
    expect(orphan).toContainEqual(
      expect.objectContaining({
        kind: 'unknown_parent',
        code: 'community_unknown',
        params: { feature: 'N', parent: 'nowhere' },
        message: 'N: its community (nowhere) is neither stored nor in the file',
      }),
    );
  });
});
