import type { FeatureCollection } from 'geojson';
import type { BoundaryImportReport, BoundaryProblem } from '@whistle/shared';
import { parseLayerText } from './boundary-files';
import { problemAreas, problemPoints, problemRows, totalCounts } from './boundary-report';

const strip = (minLng: number, maxLng: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [minLng, 32.0],
      [maxLng, 32.0],
      [maxLng, 32.01],
      [minLng, 32.01],
      [minLng, 32.0],
    ],
  ],
});

const counts = { inserted: 0, updated: 0, unchanged: 0 };
const report = (problems: BoundaryProblem[]): BoundaryImportReport => ({
  ok: problems.length === 0,
  applied: false,
  problems,
  counts: {
    streets: counts,
    communities: { ...counts, updated: 2 },
    grids: { inserted: 4, updated: 1, unchanged: 3 },
  },
});

const GRIDS: FeatureCollection = {
  type: 'FeatureCollection',
  features: [{ type: 'Feature', properties: { code: 'G9' }, geometry: strip(118.8, 118.81) }],
};

describe('the boundary report as a list and on the map', () => {
  const problems: BoundaryProblem[] = [
    {
      kind: 'malformed',
      layer: 'grids',
      codes: [],
      code: 'feature_without_code',
      params: { layer: 'grids', index: 3 },
      message: 'grids feature 3 has no properties.code',
    },
    {
      kind: 'unknown_parent',
      layer: 'grids',
      codes: ['G9'],
      code: 'community_unknown',
      params: { feature: 'G9', parent: 'C9' },
      message: 'G9: its community (C9) is neither stored nor in the file',
    },
    {
      kind: 'gap',
      layer: 'grids',
      codes: ['C1'],
      code: 'gap',
      params: { feature: 'C1', areaM2: 500, lng: 118.7, lat: 32 },
      message: 'gap',
      areaM2: 500,
      location: { lng: 118.7, lat: 32 },
      geometry: strip(118.7, 118.702),
    },
    {
      kind: 'self_intersection',
      layer: 'grids',
      codes: ['G2'],
      code: 'self_intersection',
      params: { feature: 'G2' },
      message: 'crosses itself',
      location: { lng: 118.75, lat: 32.005 },
    },
    {
      kind: 'overlap',
      layer: 'grids',
      codes: ['G1', 'G2'],
      code: 'overlap',
      params: { feature: 'G1', other: 'G2', areaM2: 900, lng: 118.71, lat: 32 },
      message: 'overlap',
      areaM2: 900,
      location: { lng: 118.71, lat: 32 },
      geometry: strip(118.71, 118.712),
    },
  ];

  it('puts what the map can show first — overlaps, gaps, then points — and frames each', () => {
    const rows = problemRows(report(problems), { grids: GRIDS });
    expect(rows.map((r) => r.problem.kind)).toEqual([
      'overlap',
      'gap',
      'self_intersection',
      'unknown_parent',
      'malformed',
    ]);
    // The drawn area, the point, the uploaded feature by its code, and nothing for a nameless one.
    expect(rows.map((r) => r.target)).toEqual([
      [118.71, 32.0, 118.712, 32.01],
      [118.7, 32.0, 118.702, 32.01],
      [118.75, 32.005, 118.75, 32.005],
      [118.8, 32.0, 118.81, 32.01],
      null,
    ]);
    // Ids stay the server's order, so a selection survives a re-sort.
    expect(rows.map((r) => r.id)).toEqual([4, 2, 3, 1, 0]);
  });

  it('draws areas for overlaps and gaps and a point where only a place is known', () => {
    const rows = problemRows(report(problems), {});
    const areas = problemAreas(rows);
    expect(areas.features.map((f) => f.properties)).toEqual([
      { id: 4, kind: 'overlap' },
      { id: 2, kind: 'gap' },
    ]);
    expect(areas.features[0]?.geometry).toEqual(strip(118.71, 118.712));
    expect(problemPoints(rows).features.map((f) => [f.properties.kind, f.geometry.coordinates])).toEqual([
      ['self_intersection', [118.75, 32.005]],
    ]);
  });

  it('sums the counts of every layer for the confirmation', () => {
    expect(totalCounts(report([]).counts)).toEqual({ inserted: 4, updated: 3, unchanged: 3 });
  });

  it('reads a chosen file as a FeatureCollection, BOM and all, and names what else it is', () => {
    expect(parseLayerText(`\uFEFF${JSON.stringify(GRIDS)}`)).toEqual({ collection: GRIDS, problem: null });
    expect(parseLayerText('{"type":"Feature"}')).toEqual({ collection: null, problem: 'notCollection' });
    expect(parseLayerText('{not json')).toEqual({ collection: null, problem: 'notJson' });
  });
});
