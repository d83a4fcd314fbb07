import type { DispatchView, IncidentDetail, IncidentView, WhistleView } from '@whistle/shared';
import { connect, login, type Api, type Recorder } from './support/clients';
import { TestEnv, type RunningTestApp } from './support/test-app';
import { createWorld, type World } from './support/world';

/**
 * The heart of Whistle, as three people live it: the street raises and registers an incident and
 * blows a whistle; each summoned department's officer sees the dispatch arrive on their socket,
 * accepts, reports arrival and resolves; the street verifies and rates.
 */
describe('whistle round trip', () => {
  let env: TestEnv;
  let app: RunningTestApp;
  let world: World;
  let street: Api;
  let officerX: Api;
  let officerY: Api;
  const sockets: Recorder[] = [];

  beforeAll(async () => {
    env = await TestEnv.create();
    world = await createWorld(env);
    app = await env.start();
    street = await login(app.url, world.users.operatorA);
    officerX = await login(app.url, world.users.officerX);
    officerY = await login(app.url, world.users.officerY);
  });

  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await env.destroy();
  });

  it('takes an incident from report to verified, live on every party’s socket', async () => {
    const streetSocket = await connect(app.url, street.token);
    const xSocket = await connect(app.url, officerX.token);
    const ySocket = await connect(app.url, officerY.token);
    const outsiderSocket = await connect(app.url, (await login(app.url, world.users.operatorB)).token);
    sockets.push(streetSocket, xSocket, ySocket, outsiderSocket);

    const point = world.streetA.points[1];
    const created = await street.post('/api/incidents', {
      title: '夫子庙步行街占道经营',
      category: 'street_vending',
      priority: 'high',
      location: point,
      source: 'operator',
    });
    expect(created.status).toBe(201);
    const incident = created.body as IncidentView;
    expect(incident).toMatchObject({
      status: 'reported',
      gridId: world.streetA.grids[1]?.id,
      streetId: world.streetA.street.id,
    });
    await streetSocket.waitFor('incident.created', (e) => e.payload.id === incident.id);

    expect((await street.post(`/api/incidents/${incident.id}/register`)).body).toMatchObject({
      status: 'registered',
    });

    const blown = await street.post(`/api/incidents/${incident.id}/whistles`, {
      type: 'enforcement',
      departmentIds: [world.deptX.id, world.deptY.id],
      note: '请城管、市场监管联合执法',
    });
    expect(blown.status).toBe(201);
    const whistle = blown.body as WhistleView;
    expect(whistle.type).toBe('enforcement');
    expect(whistle.dispatches.map((d) => d.departmentId).sort()).toEqual(
      [world.deptX.id, world.deptY.id].sort(),
    );
    const dx = whistle.dispatches.find((d) => d.departmentId === world.deptX.id) as DispatchView;
    // Enforcement defaults (DESIGN.md §3): accept 30 min, arrive 2 h, resolve 3 days.
    const blownAt = Date.parse(dx.createdAt);
    expect(Date.parse(dx.acceptBy) - blownAt).toBe(30 * 60_000);
    expect(Date.parse(dx.arriveBy) - blownAt).toBe(2 * 3_600_000);
    expect(Date.parse(dx.resolveBy) - blownAt).toBe(3 * 86_400_000);

    const arrivedAtX = await xSocket.waitFor('dispatch.created', (e) => e.payload.id === dx.id);
    expect(arrivedAtX.payload).toMatchObject({
      status: 'pending',
      departmentId: world.deptX.id,
      incidentId: incident.id,
    });
    // Each department hears only of its own dispatch.
    await ySocket.waitFor('dispatch.created', (e) => e.payload.departmentId === world.deptY.id);
    expect(ySocket.of('dispatch.created').some((e) => e.payload.id === dx.id)).toBe(false);
    await streetSocket.waitFor('whistle.created', (e) => e.payload.id === whistle.id);
    await streetSocket.waitFor(
      'incident.updated',
      (e) => e.payload.id === incident.id && e.payload.change === 'dispatched',
    );
    // A summoned officer hears of the whistle once, through the dispatch: no whistle or incident copy.
    expect(xSocket.of('whistle.created')).toEqual([]);
    expect(xSocket.of('incident.updated').filter((e) => e.payload.change === 'dispatched')).toEqual([]);

    // The officer's inbox lists it with the actions the state machine allows them.
    const inbox = (await officerX.get('/api/dispatches?status=pending')).body as DispatchView[];
    expect(inbox.find((d) => d.id === dx.id)?.actions).toEqual(['accept', 'reject']);

    expect((await officerX.post(`/api/dispatches/${dx.id}/accept`)).body).toMatchObject({
      status: 'accepted',
    });
    await streetSocket.waitFor(
      'dispatch.updated',
      (e) => e.payload.id === dx.id && e.payload.status === 'accepted',
    );
    expect((await officerX.post(`/api/dispatches/${dx.id}/arrive`, { location: point })).body).toMatchObject({
      status: 'arrived',
      arrivalLocation: point,
    });
    expect(
      (await officerX.post(`/api/dispatches/${dx.id}/resolve`, { note: '摊位已清理' })).body,
    ).toMatchObject({ status: 'resolved', resolutionNote: '摊位已清理' });

    // Department Y rejects: back to the street, which is left with X's resolved dispatch.
    const dy = whistle.dispatches.find((d) => d.departmentId === world.deptY.id) as DispatchView;
    expect(
      (await officerY.post(`/api/dispatches/${dy.id}/reject`, { reason: '不属于本部门职责' })).body,
    ).toMatchObject({
      status: 'rejected',
      rejectReason: '不属于本部门职责',
    });
    await streetSocket.waitFor(
      'incident.updated',
      (e) => e.payload.id === incident.id && e.payload.status === 'resolved',
    );

    const verified = await street.post(`/api/dispatches/${dx.id}/verify`, {
      passed: true,
      rating: 5,
      comment: '处置及时',
    });
    expect(verified.body).toMatchObject({ status: 'verified' });
    await streetSocket.waitFor(
      'incident.updated',
      (e) => e.payload.id === incident.id && e.payload.status === 'verified',
    );
    expect((await street.post(`/api/incidents/${incident.id}/close`)).body).toMatchObject({
      status: 'closed',
    });

    const detail = (await street.get(`/api/incidents/${incident.id}`)).body as IncidentDetail;
    expect(detail.timeline.map((t) => t.summary.change)).toEqual(
      expect.arrayContaining([
        'created',
        'register',
        'accept',
        'arrive',
        'resolve',
        'reject',
        'verify',
        'close',
      ]),
    );
    // The other street heard nothing of it.
    expect(outsiderSocket.events.filter((e) => JSON.stringify(e.payload).includes(incident.id))).toEqual([]);
    // Event ids only ever increase.
    const ids = xSocket.events.map((e) => BigInt(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });
});
