import request from 'supertest';
import {
  INCIDENT_POINT_FIELDS,
  OPEN_INCIDENT_STATUSES,
  type IncidentPointsView,
  type IncidentView,
  type Page,
} from '@whistle/shared';
import { login, type Api } from './support/clients';
import { blowWhistle, registeredIncident } from './support/flows';
import { TestEnv, type RunningTestApp } from './support/test-app';
import { createWorld, type World } from './support/world';

/** The wall map's compact initial set: open incidents only, in the caller's scope, one request. */
describe('GET /api/incidents/points', () => {
  let env: TestEnv;
  let app: RunningTestApp;
  let world: World;
  let operatorA: Api;
  let operatorB: Api;
  let officerX: Api;
  let officerY: Api;
  let gridWorkerA: Api;
  let district: Api;
  /** Street A: registered; dispatched to dept X; rejected (not open); reported in grid 1. */
  let a: IncidentView[];
  /** Street B: dispatched to dept Y. */
  let b: IncidentView;

  beforeAll(async () => {
    env = await TestEnv.create();
    world = await createWorld(env);
    app = await env.start();
    const { users } = world;
    [operatorA, operatorB, officerX, officerY, gridWorkerA, district] = await Promise.all(
      [
        users.operatorA,
        users.operatorB,
        users.officerX,
        users.officerY,
        users.gridWorkerA,
        users.districtOperator,
      ].map((u) => login(app.url, u)),
    );
    const registered = await registeredIncident(operatorA, world.streetA, { priority: 'urgent' });
    const dispatched = await registeredIncident(operatorA, world.streetA, { category: 'noise' });
    await blowWhistle(operatorA, dispatched.id, [world.deptX.id]);
    const rejected = (
      await operatorA.post('/api/incidents', {
        title: '重复上报',
        category: 'street_vending',
        priority: 'normal',
        location: world.streetA.points[0],
        source: 'operator',
      })
    ).body as IncidentView;
    expect((await operatorA.post(`/api/incidents/${rejected.id}/reject`, { reason: '不属实' })).status).toBe(
      200,
    );
    const reported = (
      await operatorA.post('/api/incidents', {
        title: '井盖缺失',
        category: 'street_vending',
        priority: 'normal',
        location: world.streetA.points[1],
        source: 'operator',
      })
    ).body as IncidentView;
    a = [registered, dispatched, rejected, reported];
    b = await registeredIncident(operatorB, world.streetB);
    await blowWhistle(operatorB, b.id, [world.deptY.id]);
  }, 120_000);

  afterAll(() => env.destroy());

  const points = async (api: Api): Promise<IncidentPointsView> => {
    const res = await api.get('/api/incidents/points');
    expect(res.status).toBe(200);
    return res.body as IncidentPointsView;
  };
  const ids = (view: IncidentPointsView) => view.rows.map((row) => row[0]).sort();
  const sorted = (...list: IncidentView[]) => list.map((i) => i.id).sort();

  it('sends every open incident of the district as compact rows, not the rejected one', async () => {
    const view = await points(district);
    expect(view.fields).toEqual([...INCIDENT_POINT_FIELDS]);
    expect(view.truncated).toBe(false);
    expect(ids(view)).toEqual(sorted(a[0], a[1], a[3], b));
    const dispatched = a[1];
    const location = world.streetA.points[0];
    expect(view.rows.find((row) => row[0] === dispatched.id)).toEqual([
      dispatched.id,
      expect.closeTo(location.lng, 6),
      expect.closeTo(location.lat, 6),
      'noise',
      'dispatched',
      'normal',
      false,
      world.streetA.grids[0]?.id,
    ]);
    expect(view.rows.find((row) => row[0] === a[0].id)?.[5]).toBe('urgent');
    expect(view.rows.find((row) => row[0] === a[3].id)?.slice(4)).toEqual([
      'reported',
      'normal',
      false,
      world.streetA.grids[1]?.id,
    ]);
  });

  it('keeps a street operator to their street and a department to incidents it is summoned to', async () => {
    expect(ids(await points(operatorA))).toEqual(sorted(a[0], a[1], a[3]));
    expect(ids(await points(operatorB))).toEqual(sorted(b));
    expect(ids(await points(officerX))).toEqual(sorted(a[1]));
    expect(ids(await points(officerY))).toEqual(sorted(b));
  });

  it('shows every role exactly what the open-incident list shows it', async () => {
    const status = OPEN_INCIDENT_STATUSES.join(',');
    for (const api of [operatorA, operatorB, officerX, officerY, gridWorkerA, district]) {
      const res = await api.get(`/api/incidents?status=${status}&limit=500`);
      expect(res.status).toBe(200);
      const listed = (res.body as Page<IncidentView>).items.map((i) => i.id).sort();
      expect(ids(await points(api))).toEqual(listed);
    }
  });

  it('answers 401 without a token', async () => {
    const res = await request(app.url).get('/api/incidents/points');
    expect(res.status).toBe(401);
  });
});
