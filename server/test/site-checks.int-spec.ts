import type { ApiErrorBody, IncidentDetail, IncidentView, SiteCheckView } from '@whistle/shared';
import { createUser } from './support/factories';
import { connect, login, type Api, type Recorder } from './support/clients';
import { blowWhistle, only, registeredIncident } from './support/flows';
import { TestEnv, type RunningTestApp } from './support/test-app';
import { createWorld, type World } from './support/world';

/**
 * 现场核查: the grid worker of the incident's grid checks a department's fix on site; the street,
 * which still verifies, sees the result live and in the incident's detail.
 */
describe('site checks', () => {
  let env: TestEnv;
  let app: RunningTestApp;
  let world: World;
  let street: Api;
  let officerX: Api;
  let workerA: Api;
  let workerOtherGrid: Api;
  const sockets: Recorder[] = [];

  beforeAll(async () => {
    env = await TestEnv.create();
    world = await createWorld(env);
    app = await env.start();
    street = await login(app.url, world.users.operatorA);
    officerX = await login(app.url, world.users.officerX);
    workerA = await login(app.url, world.users.gridWorkerA);
    const other = await createUser(env.db, {
      districtId: world.districtId,
      role: 'grid_worker',
      gridIds: [world.streetA.grids[1]?.id ?? ''],
    });
    workerOtherGrid = await login(app.url, other);
  });

  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await env.destroy();
  });

  /** Registered in gridWorkerA's grid (grid 0), summoned deptX, which accepts, arrives and resolves. */
  async function resolvedIncident(): Promise<IncidentView> {
    const incident = await registeredIncident(street, world.streetA, { gridIndex: 0 });
    const dispatch = only((await blowWhistle(street, incident.id, [world.deptX.id])).dispatches);
    for (const [step, body] of [
      ['accept', {}],
      ['arrive', {}],
      ['resolve', { note: '摊位已清理' }],
    ] as const) {
      const res = await officerX.post(`/api/dispatches/${dispatch.id}/${step}`, body);
      if (res.status !== 200) throw new Error(`${step}: ${res.status} ${JSON.stringify(res.body)}`);
    }
    const detail = (await street.get(`/api/incidents/${incident.id}`)).body as IncidentDetail;
    expect(detail.status).toBe('resolved');
    return detail;
  }

  const countSiteChecks = async (incidentId: string): Promise<number> => {
    const rows = await env.db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM events WHERE incident_id = $1 AND change = 'site_check'`,
      [incidentId],
    );
    return rows[0]?.n ?? -1;
  };

  it('records the check, tells the street live and shows it in the detail and timeline', async () => {
    const incident = await resolvedIncident();
    const streetSocket = await connect(app.url, street.token);
    sockets.push(streetSocket);

    const res = await workerA.post(`/api/incidents/${incident.id}/site-checks`, {
      fixed: false,
      note: '摊位仍在，晚间复摆',
    });
    expect({ status: res.status, body: res.body as unknown }).toMatchObject({
      status: 201,
      body: { fixed: false, note: '摊位仍在，晚间复摆', checkedById: world.users.gridWorkerA.id },
    });

    const live = await streetSocket.waitFor(
      'incident.updated',
      (e) => e.payload.id === incident.id && e.payload.change === 'site_check',
    );
    expect(live.payload).toMatchObject({
      status: 'resolved',
      siteCheck: { fixed: false, note: '摊位仍在，晚间复摆' },
    });

    const detail = (await street.get(`/api/incidents/${incident.id}`)).body as IncidentDetail;
    // A check changes no state: the street still verifies.
    expect(detail.status).toBe('resolved');
    expect(only(only(detail.whistles).dispatches).actions).toEqual(expect.arrayContaining(['verify']));
    expect(detail.lastSiteCheck).toEqual<SiteCheckView>({
      fixed: false,
      note: '摊位仍在，晚间复摆',
      checkedById: world.users.gridWorkerA.id,
      checkedAt: (res.body as SiteCheckView).checkedAt,
    });
    const entry = detail.timeline.find((t) => t.summary.change === 'site_check');
    expect(entry).toMatchObject({
      type: 'incident.updated',
      actor: { id: world.users.gridWorkerA.id, role: 'grid_worker' },
      summary: { change: 'site_check', siteCheck: { fixed: false, note: '摊位仍在，晚间复摆' } },
    });

    // A second visit finds it fixed (no note needed): the latest check is the one shown.
    const again = await workerA.post(`/api/incidents/${incident.id}/site-checks`, { fixed: true });
    expect(again.status).toBe(201);
    const after = (await street.get(`/api/incidents/${incident.id}`)).body as IncidentDetail;
    expect(after.lastSiteCheck).toMatchObject({ fixed: true, note: null });
    expect(after.timeline.filter((t) => t.summary.change === 'site_check')).toHaveLength(2);
  });

  it('answers 404 to a grid worker of another grid and 403 to a street operator', async () => {
    const incident = await resolvedIncident();
    const url = `/api/incidents/${incident.id}/site-checks`;
    const elsewhere = await workerOtherGrid.post(url, { fixed: true });
    expect(elsewhere.status).toBe(404);
    const byStreet = await street.post(url, { fixed: true });
    expect(byStreet.status).toBe(403);
    expect(await countSiteChecks(incident.id)).toBe(0);
  });

  it('answers 409 naming the allowed status when the incident is not resolved', async () => {
    const incident = await registeredIncident(street, world.streetA, { gridIndex: 0 });
    const res = await workerA.post(`/api/incidents/${incident.id}/site-checks`, { fixed: true });
    expect({ status: res.status, body: res.body as unknown }).toMatchObject({
      status: 409,
      body: { statusCode: 409, currentStatus: 'registered', allowedStatuses: ['resolved'] },
    });
    expect((res.body as { message: string }).message).toContain('resolved');
    expect(await countSiteChecks(incident.id)).toBe(0);
  });

  describe('bad bodies', () => {
    let incident: IncidentView;
    beforeAll(async () => {
      incident = await resolvedIncident();
    });

    it.each([
      ['no body', {}, ['fixed', 'note']],
      ['fixed not a boolean', { fixed: 'yes', note: 'ok' }, ['fixed']],
      ['not fixed without a note', { fixed: false }, ['note']],
      ['a blank note', { fixed: false, note: '   ' }, ['note']],
      ['a note over 500 characters', { fixed: true, note: '字'.repeat(501) }, ['note']],
    ])('answers 400 naming the field for %s', async (_label, body, fields) => {
      const res = await workerA.post(`/api/incidents/${incident.id}/site-checks`, body);
      expect(res.status).toBe(400);
      const error = res.body as ApiErrorBody;
      expect(Object.keys(error.fields ?? {}).sort()).toEqual(fields);
      for (const field of fields) expect(error.fields?.[field]?.length).toBeGreaterThan(0);
      expect(await countSiteChecks(incident.id)).toBe(0);
    });
  });
});
