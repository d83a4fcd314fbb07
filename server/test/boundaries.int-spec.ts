import type {
  BoundaryImportReport,
  BoundaryProblem,
  GridBoundaryProperties,
  GridFeatureProperties,
  IncidentView,
} from '@whistle/shared';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { join } from 'node:path';
import request from 'supertest';
import { Grid } from '../src/grids/grid.entity';
import { Community } from '../src/streets/community.entity';
import { Street } from '../src/streets/street.entity';
import { login, type Api } from './support/clients';
import { TestEnv, type RunningTestApp } from './support/test-app';
import { waitUntil } from './support/wait';
import { createWorld, type World } from './support/world';

type GridCollection = FeatureCollection<Polygon, GridBoundaryProperties>;

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

/** The admin console's sample files (test/fixtures/boundaries): a new street east of the district. */
const FIXTURES = join(__dirname, '..', '..', 'test', 'fixtures', 'boundaries');

/** [minLng, minLat, maxLng, maxLat] of a problem's drawn area. */
const boxOfArea = (geometry: BoundaryProblem['geometry']): number[] => {
  const ring = geometry?.coordinates[0] ?? [];
  const lngs = ring.map((p) => p[0] ?? NaN);
  const lats = ring.map((p) => p[1] ?? NaN);
  return [Math.min(...lngs), Math.min(...lats), Math.max(...lngs), Math.max(...lats)];
};

/** Boundary export and import: a bad file changes nothing; a good one moves the grid index live. */
describe('boundaries', () => {
  let env: TestEnv;
  let app: RunningTestApp;
  let world: World;
  let admin: Api;
  let operatorA: Api;
  let exported: { streets: unknown; communities: unknown; grids: GridCollection };

  beforeAll(async () => {
    env = await TestEnv.create();
    world = await createWorld(env);
    app = await env.start();
    admin = await login(app.url, world.users.admin);
    operatorA = await login(app.url, world.users.operatorA);
  });

  afterAll(() => env.destroy());

  /** Everything the import could change, in a stable order: equal snapshots mean an untouched DB. */
  const snapshot = async (): Promise<string> => {
    const order = { code: 'ASC' } as const;
    const [streets, communities, grids] = await Promise.all([
      env.db.getRepository(Street).find({ order }),
      env.db.getRepository(Community).find({ order }),
      env.db.getRepository(Grid).find({ order }),
    ]);
    return JSON.stringify({ streets, communities, grids });
  };

  /** The street A grid at column gx, row gy (the factory lays them out 0.01° square from 118.7, 32.0). */
  const gridA = (gx: number, gy: number): Grid => world.streetA.grids[gx * 2 + gy];
  const withGrid = (code: string, polygon: Polygon): GridCollection => ({
    ...exported.grids,
    features: exported.grids.features.map((f) =>
      f.properties.code === code ? { ...f, geometry: polygon } : f,
    ),
  });
  const importGrids = (grids: GridCollection) => admin.post('/api/boundaries/import', { grids });
  const problemsOf = (body: unknown): BoundaryProblem[] =>
    (body as { report: BoundaryImportReport }).report.problems;

  it('exports streets, communities and grids as GeoJSON and re-imports them unchanged', async () => {
    const [streets, communities, grids] = await Promise.all(
      ['streets', 'communities', 'grids'].map((layer) => operatorA.get(`/api/boundaries/${layer}`)),
    );
    expect([streets.status, communities.status, grids.status]).toEqual([200, 200, 200]);
    exported = {
      streets: streets.body,
      communities: communities.body,
      grids: grids.body as GridCollection,
    };
    expect(exported.grids.type).toBe('FeatureCollection');
    expect(exported.grids.features).toHaveLength(8);
    const g = exported.grids.features.find((f) => f.properties.id === gridA(0, 0).id)!;
    expect(g.properties).toMatchObject({
      code: gridA(0, 0).code,
      kind: 'comprehensive',
      streetId: world.streetA.street.id,
      communityId: gridA(0, 0).communityId,
    });
    expect(g.geometry).toEqual(gridA(0, 0).polygon);
    expect((communities.body as FeatureCollection).features[0].properties).toHaveProperty('streetCode');
    expect((await request(app.url).get('/api/boundaries/grids')).status).toBe(401);

    const before = await snapshot();
    expect((await operatorA.post('/api/boundaries/import', exported)).status).toBe(403);
    const res = await admin.post('/api/boundaries/import', exported);
    expect(res.status).toBe(200);
    const report = res.body as BoundaryImportReport;
    expect(report).toMatchObject({ ok: true, applied: true, problems: [] });
    expect(report.counts).toEqual({
      streets: { inserted: 0, updated: 0, unchanged: 2 },
      communities: { inserted: 0, updated: 0, unchanged: 2 },
      grids: { inserted: 0, updated: 0, unchanged: 8 },
    });
    expect(await snapshot()).toBe(before);
  });

  it('rejects a file where two grids overlap, whole, naming where — and changes nothing', async () => {
    const before = await snapshot();
    // Grid (0,0) pushed 0.002° east into its neighbour (1,0).
    const file = withGrid(gridA(0, 0).code, box(118.7, 32.0, 118.712, 32.01));
    // A valid change elsewhere in the same file must not be applied either.
    file.features = file.features.map((f) =>
      f.properties.code === gridA(1, 1).code ? { ...f, properties: { ...f.properties, name: '改名' } } : f,
    );
    const res = await importGrids(file);
    expect(res.status).toBe(422);
    const overlaps = problemsOf(res.body).filter((p) => p.kind === 'overlap');
    expect(overlaps).toHaveLength(1);
    const [overlap] = overlaps;
    expect(overlap.codes.sort()).toEqual([gridA(0, 0).code, gridA(1, 0).code].sort());
    expect(overlap.location!.lng).toBeGreaterThan(118.71);
    expect(overlap.location!.lng).toBeLessThan(118.712);
    expect(overlap.location!.lat).toBeGreaterThan(32.0);
    expect(overlap.location!.lat).toBeLessThan(32.01);
    // 0.002° × 0.01° at 32° N ≈ 189 m × 1,110 m.
    expect(overlap.areaM2).toBeGreaterThan(180_000);
    expect(overlap.areaM2).toBeLessThan(240_000);
    expect(await snapshot()).toBe(before);

    // The dry run gives the same verdict with 200.
    const dry = await admin.post('/api/boundaries/validate', { grids: file });
    expect(dry.status).toBe(200);
    expect((dry.body as BoundaryImportReport).ok).toBe(false);
    expect((dry.body as BoundaryImportReport).problems.map((p) => p.kind)).toContain('overlap');
  });

  it('reports the gap a shrunken grid leaves, with its location', async () => {
    const before = await snapshot();
    const res = await importGrids(withGrid(gridA(0, 0).code, box(118.7, 32.0, 118.708, 32.01)));
    expect(res.status).toBe(422);
    const [gap] = problemsOf(res.body).filter((p) => p.kind === 'gap');
    const community = await env.db.getRepository(Community).findOneByOrFail({ id: gridA(0, 0).communityId });
    expect(gap.codes).toEqual([community.code]);
    // Coded for any language, with the place and size as params; English for API clients.
    expect(gap).toMatchObject({
      code: 'gap',
      params: {
        feature: community.code,
        areaM2: gap.areaM2,
        lng: expect.any(Number),
        lat: expect.any(Number),
      },
      message: expect.stringMatching(new RegExp(`^${community.code} has a part no grid covers: `)),
    });
    // 0.002° × 0.01° again.
    expect(gap.areaM2).toBeGreaterThan(180_000);
    expect(gap.location!.lng).toBeGreaterThan(118.708);
    expect(gap.location!.lng).toBeLessThan(118.71);
    expect(await snapshot()).toBe(before);
  });

  it('rejects a self-intersecting polygon and an open ring', async () => {
    const before = await snapshot();
    const bowTie: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [118.7, 32.0],
          [118.71, 32.01],
          [118.71, 32.0],
          [118.7, 32.01],
          [118.7, 32.0],
        ],
      ],
    };
    const open: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [118.71, 32.0],
          [118.72, 32.0],
          [118.72, 32.01],
          [118.71, 32.01],
        ],
      ],
    };
    const file = withGrid(gridA(0, 0).code, bowTie);
    file.features = file.features.map((f) =>
      f.properties.code === gridA(1, 0).code ? { ...f, geometry: open } : f,
    );
    const res = await importGrids(file);
    expect(res.status).toBe(422);
    const problems = problemsOf(res.body);
    expect(problems).toContainEqual(
      expect.objectContaining({
        kind: 'self_intersection',
        code: 'self_intersection',
        params: { feature: gridA(0, 0).code },
        codes: [gridA(0, 0).code],
        location: { lng: expect.closeTo(118.705, 9), lat: expect.closeTo(32.005, 9) },
      }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        kind: 'invalid_geometry',
        codes: [gridA(1, 0).code],
        code: 'ring_not_closed',
        params: { feature: gridA(1, 0).code, ring: 0 },
        message: `${gridA(1, 0).code}: ring 0 is not closed (first ≠ last position)`,
      }),
    );
    expect(await snapshot()).toBe(before);
  });

  it('rejects a grid reaching outside its community', async () => {
    const before = await snapshot();
    const res = await importGrids(withGrid(gridA(0, 0).code, box(118.697, 32.0, 118.71, 32.01)));
    expect(res.status).toBe(422);
    const [outside] = problemsOf(res.body).filter((p) => p.kind === 'outside_parent');
    expect(outside.codes[0]).toBe(gridA(0, 0).code);
    expect(outside).toMatchObject({
      code: 'outside_parent',
      params: { feature: gridA(0, 0).code, parent: outside.codes[1] },
    });
    expect(outside.location!.lng).toBeLessThan(118.7);
    expect(await snapshot()).toBe(before);
  });

  it('inserts new streets, communities and grids from multipart files, naming parents by code', async () => {
    const layer = <P>(features: Feature<Polygon, P>[]): Buffer =>
      Buffer.from(JSON.stringify({ type: 'FeatureCollection', features }));
    const area = box(118.74, 32.0, 118.76, 32.02);
    const res = await request(app.url)
      .post('/api/boundaries/import')
      .set('Authorization', `Bearer ${admin.token}`)
      .attach(
        'streets',
        layer([
          {
            type: 'Feature',
            geometry: area,
            properties: { code: 'new-street', nameZh: '新街道', nameEn: 'New Street' },
          },
        ]),
        'streets.geojson',
      )
      .attach(
        'communities',
        layer([
          {
            type: 'Feature',
            geometry: area,
            properties: {
              code: 'new-community',
              streetCode: 'new-street',
              nameZh: '新社区',
              nameEn: 'New Community',
            },
          },
        ]),
        'communities.geojson',
      )
      .attach(
        'grids',
        layer([
          {
            type: 'Feature',
            geometry: area,
            properties: {
              code: 'new-grid',
              communityCode: 'new-community',
              name: '新网格',
              kind: 'comprehensive',
            },
          },
        ]),
        'grids.geojson',
      );
    expect(res.status).toBe(200);
    expect((res.body as BoundaryImportReport).counts).toEqual({
      streets: { inserted: 1, updated: 0, unchanged: 0 },
      communities: { inserted: 1, updated: 0, unchanged: 0 },
      grids: { inserted: 1, updated: 0, unchanged: 0 },
    });
    const grid = await env.db.getRepository(Grid).findOneByOrFail({ code: 'new-grid' });
    const street = await env.db.getRepository(Street).findOneByOrFail({ code: 'new-street' });
    expect(grid.streetId).toBe(street.id);
    expect(street.districtId).toBe(world.districtId);
    const district = await login(app.url, world.users.districtOperator);
    const incident = await district.post('/api/incidents', {
      title: '新区域事件',
      category: 'street_vending',
      priority: 'normal',
      location: { lng: 118.75, lat: 32.01 },
      source: 'district',
    });
    expect(incident.status).toBe(201);
    expect((incident.body as IncidentView).gridId).toBe(grid.id);
  });

  it('applies a valid change in one go and relocates new incidents at once, in every API process', async () => {
    const other = await env.start('api');
    try {
      // The edge between (0,0) and (1,0) moves 0.003° east: (1,0) cedes a strip to (0,0).
      const file = withGrid(gridA(0, 0).code, box(118.7, 32.0, 118.713, 32.01));
      file.features = file.features.map((f) =>
        f.properties.code === gridA(1, 0).code ? { ...f, geometry: box(118.713, 32.0, 118.72, 32.01) } : f,
      );
      const strip = { lng: 118.7115, lat: 32.005 };
      const located = async (api: Api): Promise<string> => {
        const res = await api.post('/api/incidents', {
          title: '边界测试',
          category: 'street_vending',
          priority: 'normal',
          location: strip,
          source: 'operator',
        });
        expect(res.status).toBe(201);
        return (res.body as IncidentView).gridId;
      };
      expect(await located(operatorA)).toBe(gridA(1, 0).id);

      const res = await importGrids(file);
      expect(res.status).toBe(200);
      expect((res.body as BoundaryImportReport).counts.grids).toEqual({
        inserted: 0,
        updated: 2,
        unchanged: 6,
      });

      expect(await located(operatorA)).toBe(gridA(0, 0).id);
      const row = await env.db.getRepository(Grid).findOneByOrFail({ id: gridA(0, 0).id });
      expect([row.minLng, row.maxLng]).toEqual([118.7, 118.713]);
      const live = await operatorA.get('/api/grids');
      const feature = (live.body as FeatureCollection<Polygon, GridFeatureProperties>).features.find(
        (f: Feature<Polygon, GridFeatureProperties>) => f.properties.id === gridA(0, 0).id,
      );
      expect(feature!.geometry).toEqual(box(118.7, 32.0, 118.713, 32.01));

      // The other API process hears of the import over Redis and reloads its index too.
      const viaOther = await login(other.url, world.users.operatorA);
      await waitUntil(async () => {
        const grids = await viaOther.get('/api/grids');
        const f = (grids.body as FeatureCollection<Polygon, GridFeatureProperties>).features.find(
          (x) => x.properties.id === gridA(0, 0).id,
        );
        return JSON.stringify(f?.geometry) === JSON.stringify(box(118.7, 32.0, 118.713, 32.01));
      });
      expect(await located(viaOther)).toBe(gridA(0, 0).id);
    } finally {
      await other.close();
    }
  });
  it("takes the console's multipart files: an overlap and a gap come back drawn, then a good file is imported and audited", async () => {
    const upload = (path: string, grids: string) =>
      request(app.url)
        .post(path)
        .set('Authorization', `Bearer ${admin.token}`)
        .attach('streets', join(FIXTURES, 'streets.geojson'))
        .attach('communities', join(FIXTURES, 'communities.geojson'))
        .attach('grids', join(FIXTURES, grids));
    const audits = async (): Promise<{ actor_username: string; details: { counts: unknown } }[]> =>
      env.db.query(
        `SELECT actor_username, details FROM audit_log WHERE action = 'boundaries.imported' ORDER BY id`,
      );
    const before = await snapshot();
    const auditsBefore = (await audits()).length;

    const refused = await upload('/api/boundaries/import', 'grids-overlap.geojson');
    expect(refused.status).toBe(422);
    const problems = problemsOf(refused.body);
    expect(problems.map((p) => p.kind).sort()).toEqual(['gap', 'overlap']);
    const overlap = problems.find((p) => p.kind === 'overlap')!;
    expect(overlap.codes.sort()).toEqual(['FX-TEST-C01-G001', 'FX-TEST-C01-G002']);
    // The overlap is the 0.002° strip the west grid reaches into the east one, as a polygon.
    expect(overlap.geometry?.type).toBe('Polygon');
    const [minLng, minLat, maxLng, maxLat] = boxOfArea(overlap.geometry);
    expect(minLng).toBeCloseTo(118.895, 6);
    expect(maxLng).toBeCloseTo(118.897, 6);
    expect(minLat).toBeCloseTo(32.005, 6);
    expect(maxLat).toBeCloseTo(32.0125, 6);
    const gap = problems.find((p) => p.kind === 'gap')!;
    expect(gap.codes).toEqual(['FX-TEST-C01']);
    const gapBox = boxOfArea(gap.geometry);
    expect(gapBox[0]).toBeCloseTo(118.893, 6);
    expect(gapBox[2]).toBeCloseTo(118.895, 6);
    expect(gapBox[1]).toBeCloseTo(32.0125, 6);
    expect(gapBox[3]).toBeCloseTo(32.02, 6);
    // Refused whole: no row, no audit entry.
    expect(await snapshot()).toBe(before);
    expect(await audits()).toHaveLength(auditsBefore);

    // The dry run the console makes first draws the same areas, with 200.
    const dry = await upload('/api/boundaries/validate', 'grids-overlap.geojson');
    expect(dry.status).toBe(200);
    const dryProblems = (dry.body as BoundaryImportReport).problems;
    expect(dryProblems.find((p) => p.kind === 'overlap')?.geometry).toEqual(overlap.geometry);

    const checked = await upload('/api/boundaries/validate', 'grids-good.geojson');
    expect(checked.body).toMatchObject({ ok: true, applied: false, problems: [] });
    expect(await snapshot()).toBe(before);

    const imported = await upload('/api/boundaries/import', 'grids-good.geojson');
    expect(imported.status).toBe(200);
    const counts = {
      streets: { inserted: 1, updated: 0, unchanged: 0 },
      communities: { inserted: 1, updated: 0, unchanged: 0 },
      grids: { inserted: 4, updated: 0, unchanged: 0 },
    };
    expect(imported.body).toMatchObject({ ok: true, applied: true, counts });
    const grids = (await admin.get('/api/boundaries/grids')).body as GridCollection;
    const added = grids.features.filter((f) => f.properties.communityCode === 'FX-TEST-C01');
    expect(added.map((f) => f.properties.code).sort()).toEqual([
      'FX-TEST-C01-G001',
      'FX-TEST-C01-G002',
      'FX-TEST-C01-G003',
      'FX-TEST-C01-G004',
    ]);
    const entries = await audits();
    expect(entries).toHaveLength(auditsBefore + 1);
    expect(entries.at(-1)).toEqual({ actor_username: world.users.admin.username, details: { counts } });
  });
});
