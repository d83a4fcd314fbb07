import type { GridLoad, MetricsRankings, MetricsTrends, WhistleView } from '@whistle/shared';
import { login, type Api } from './support/clients';
import { blowWhistle, only, registeredIncident } from './support/flows';
import { TestEnv, type RunningTestApp } from './support/test-app';
import { createWorld, type World } from './support/world';

/**
 * The leaders' period endpoints against the real app. beforeAll drives a small history through the
 * API, then pins every timestamp in SQL into the first days of March 2026 (Beijing time), so each
 * figure below is worked out by hand. The period asked for is 1–3 March (to 4 March 00:00, exclusive):
 *
 *   I1 street A grid 0, reported 1 Mar 09:00, W1 09:02 → X: accepted 09:10 (by 09:35), arrived 10:00
 *      (by 11:05), resolved 2 Mar 08:00 (by 09:05), verified, rated 5 on 2 Mar 10:00  ⇒ verified
 *   I2 street A grid 1, reported 2 Mar 14:00, W2 14:03 → X: accepted 15:00 (late, by 14:35), never
 *      arrived (by 16:05) nor resolved (by 3 Mar 14:05), accept stage marked overdue
 *                                                  → Y: rejected 14:10, before any deadline ⇒ in progress
 *   I3 street B grid 0, reported 3 Mar 20:00, no whistle, citizen answered "satisfied" ⇒ registered
 *   I4 street A grid 0, reported 20 Feb: outside the period, still open
 */
describe('leaders’ period metrics: trends, rankings, grid load', () => {
  let env: TestEnv;
  let app: RunningTestApp;
  let world: World;
  let leader: Api;
  const period = { from: '2026-03-01T00:00:00+08:00', to: '2026-03-04T00:00:00+08:00' };
  const query = (params: Record<string, string>) => `?${new URLSearchParams(params).toString()}`;

  beforeAll(async () => {
    env = await TestEnv.create();
    world = await createWorld(env);
    app = await env.start('both');
    const streetA = await login(app.url, world.users.operatorA);
    const streetB = await login(app.url, world.users.operatorB);
    const officerX = await login(app.url, world.users.officerX);
    const officerY = await login(app.url, world.users.officerY);
    leader = await login(app.url, world.users.leaderA);
    const X = world.deptX.id;
    const Y = world.deptY.id;

    const i1 = await registeredIncident(streetA, world.streetA, { gridIndex: 0 });
    const i2 = await registeredIncident(streetA, world.streetA, { gridIndex: 1, category: 'noise' });
    const i3 = await registeredIncident(streetB, world.streetB, { gridIndex: 0 });
    const i4 = await registeredIncident(streetA, world.streetA, { gridIndex: 0 });
    const w1 = await blowWhistle(streetA, i1.id, [X]);
    const w2 = await blowWhistle(streetA, i2.id, [X, Y]);
    const xOnI1 = only(w1.dispatches).id;
    const xOnI2 = dispatchOf(w2, X);
    const yOnI2 = dispatchOf(w2, Y);

    await act(officerX, `/api/dispatches/${xOnI1}/accept`);
    await act(officerX, `/api/dispatches/${xOnI1}/arrive`, { location: world.streetA.points[0] });
    await act(officerX, `/api/dispatches/${xOnI1}/resolve`, { note: '已清理' });
    await act(streetA, `/api/dispatches/${xOnI1}/verify`, { passed: true, rating: 5 });
    await act(officerX, `/api/dispatches/${xOnI2}/accept`);
    await act(officerY, `/api/dispatches/${yOnI2}/reject`, { reason: '不属于本部门职责' });

    const at = (local: string) => `2026-${local}:00+08:00`;
    const pin = (sql: string, params: unknown[]) => env.db.query(sql, params);
    await pin(`UPDATE incidents SET created_at = $2 WHERE id = $1`, [i1.id, at('03-01T09:00')]);
    await pin(`UPDATE incidents SET created_at = $2 WHERE id = $1`, [i2.id, at('03-02T14:00')]);
    await pin(`UPDATE incidents SET created_at = $2, citizen_satisfaction = 'satisfied' WHERE id = $1`, [
      i3.id,
      at('03-03T20:00'),
    ]);
    await pin(`UPDATE incidents SET created_at = $2 WHERE id = $1`, [i4.id, at('02-20T10:00')]);
    await pin(`UPDATE whistles SET created_at = $2 WHERE id = $1`, [w1.id, at('03-01T09:02')]);
    await pin(`UPDATE whistles SET created_at = $2 WHERE id = $1`, [w2.id, at('03-02T14:03')]);
    await pin(
      `UPDATE dispatches SET created_at = $2, accept_by = $3, accepted_at = $4, arrive_by = $5,
         arrived_at = $6, resolve_by = $7, resolved_at = $8, overdue_stages = '{}' WHERE id = $1`,
      [
        xOnI1,
        at('03-01T09:05'),
        at('03-01T09:35'),
        at('03-01T09:10'),
        at('03-01T11:05'),
        at('03-01T10:00'),
        at('03-02T09:05'),
        at('03-02T08:00'),
      ],
    );
    await pin(`UPDATE ratings SET created_at = $2 WHERE dispatch_id = $1`, [xOnI1, at('03-02T10:00')]);
    await pin(
      `UPDATE dispatches SET created_at = $2, accept_by = $3, accepted_at = $4, arrive_by = $5,
         resolve_by = $6, overdue_stages = '{accept}' WHERE id = $1`,
      [xOnI2, at('03-02T14:05'), at('03-02T14:35'), at('03-02T15:00'), at('03-02T16:05'), at('03-03T14:05')],
    );
    await pin(
      `UPDATE dispatches SET created_at = $2, accept_by = $3, arrive_by = $4, resolve_by = $5,
         closed_at = $6, updated_at = $6 WHERE id = $1`,
      [yOnI2, at('03-02T14:05'), at('03-02T14:35'), at('03-02T16:05'), at('03-03T14:05'), at('03-02T14:10')],
    );
  });

  afterAll(async () => {
    await env.destroy();
  });

  function dispatchOf(whistle: WhistleView, departmentId: string): string {
    const dispatch = whistle.dispatches.find((d) => d.departmentId === departmentId);
    if (!dispatch) throw new Error(`no dispatch for ${departmentId}`);
    return dispatch.id;
  }

  async function act(api: Api, path: string, body: object = {}): Promise<void> {
    const res = await api.post(path, body);
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
  }

  it('counts incidents, whistles, arrivals and resolutions per Beijing day, zero-filled', async () => {
    const res = await leader.get(`/api/metrics/trends${query({ ...period, bucket: 'day' })}`);
    expect(res.status).toBe(200);
    const trends = res.body as MetricsTrends;
    expect(trends.bucket).toBe('day');
    expect(trends.from).toBe('2026-02-28T16:00:00.000Z');
    expect(trends.points).toEqual([
      { start: '2026-02-28T16:00:00.000Z', incidents: 1, whistles: 1, arrivals: 1, resolutions: 0 },
      { start: '2026-03-01T16:00:00.000Z', incidents: 1, whistles: 1, arrivals: 0, resolutions: 1 },
      { start: '2026-03-02T16:00:00.000Z', incidents: 1, whistles: 0, arrivals: 0, resolutions: 0 },
    ]);
  });

  it('cuts a day into hours when asked', async () => {
    const res = await leader.get(
      `/api/metrics/trends${query({ from: period.from, to: '2026-03-02T00:00:00+08:00', bucket: 'hour' })}`,
    );
    expect(res.status).toBe(200);
    const points = (res.body as MetricsTrends).points;
    expect(points).toHaveLength(24);
    const nonZero = points
      .map((p, hour) => ({ hour, incidents: p.incidents, whistles: p.whistles, arrivals: p.arrivals }))
      .filter((p) => p.incidents + p.whistles + p.arrivals > 0);
    expect(nonZero).toEqual([
      { hour: 9, incidents: 1, whistles: 1, arrivals: 0 },
      { hour: 10, incidents: 0, whistles: 0, arrivals: 1 },
    ]);
  });

  it('ranks departments over the period with the shared score', async () => {
    const res = await leader.get(`/api/metrics/rankings${query(period)}`);
    expect(res.status).toBe(200);
    const rankings = res.body as MetricsRankings;
    expect(rankings.departments).toEqual([
      {
        id: world.deptX.id,
        nameZh: world.deptX.nameZh,
        nameEn: world.deptX.nameEn,
        dispatches: 2,
        // I1 on time, I2 late (and never arrived nor resolved though due).
        onTimeAcceptRate: 0.5,
        onTimeArriveRate: 0.5,
        onTimeResolveRate: 0.5,
        averageRating: 5,
        ratings: 1,
        overdue: 1,
        // 0.15·0.5 + 0.15·0.5 + 0.2·0.5 (verified 1 of 2) + 0.1·1 (none re-opened) + 0.4·1 = 0.75
        score: 75,
        rank: 1,
      },
      {
        id: world.deptY.id,
        nameZh: world.deptY.nameZh,
        nameEn: world.deptY.nameEn,
        dispatches: 1,
        // Rejected before every deadline: nothing was due, nothing to score.
        onTimeAcceptRate: null,
        onTimeArriveRate: null,
        onTimeResolveRate: null,
        averageRating: null,
        ratings: 0,
        overdue: 0,
        score: 0,
        rank: 2,
      },
    ]);
  });

  it('gives the times to accept, arrive and resolve at p50 and p90 over the period’s dispatches', async () => {
    const res = await leader.get(`/api/metrics/rankings${query(period)}`);
    expect((res.body as MetricsRankings).timeTo).toEqual({
      // X on I1 accepted after 5 min, X on I2 after 55 min; Y rejected (no accept).
      accept: { count: 2, p50Seconds: 1800, p90Seconds: 3000 },
      arrive: { count: 1, p50Seconds: 3300, p90Seconds: 3300 },
      resolve: { count: 1, p50Seconds: 82_500, p90Seconds: 82_500 },
    });
  });

  it('counts a rating with the dispatch it rates, not with the day it was given', async () => {
    // 2 March only: X's I1 dispatch (1 March) is outside, though its rating was given on 2 March.
    const res = await leader.get(
      `/api/metrics/rankings${query({ from: '2026-03-02T00:00:00+08:00', to: '2026-03-03T00:00:00+08:00' })}`,
    );
    expect(res.status).toBe(200);
    const x = (res.body as MetricsRankings).departments.find((d) => d.id === world.deptX.id);
    expect(x).toMatchObject({ dispatches: 1, averageRating: null, ratings: 0, overdue: 1 });
  });

  it('gives each street its incidents, whistles, resolution, verification and satisfaction', async () => {
    const res = await leader.get(`/api/metrics/rankings${query(period)}`);
    const streets = (res.body as MetricsRankings).streets;
    const byId = new Map(streets.map((s) => [s.id, s]));
    expect(streets).toHaveLength(2);
    expect(byId.get(world.streetA.street.id)).toEqual({
      id: world.streetA.street.id,
      nameZh: world.streetA.street.nameZh,
      nameEn: world.streetA.street.nameEn,
      // I4 was reported before the period.
      incidents: 2,
      whistles: 2,
      resolutionRate: 0.5,
      verifiedRate: 1,
      satisfactionRate: null,
      satisfactionAnswers: 0,
      // Two whistles on two incidents.
      whistleRate: 1,
      // Of the dispatches it sent: 1 of 2 resolved (Y's rejection is not counted), none re-opened,
      // one whistle per incident: 0.5·0.5 + 0.2·1 + 0.3·(1 − 1) = 0.45.
      score: 45,
      rank: 2,
    });
    expect(byId.get(world.streetB.street.id)).toEqual({
      id: world.streetB.street.id,
      nameZh: world.streetB.street.nameZh,
      nameEn: world.streetB.street.nameEn,
      incidents: 1,
      whistles: 0,
      resolutionRate: 0,
      verifiedRate: null,
      satisfactionRate: 1,
      satisfactionAnswers: 1,
      whistleRate: 0,
      // No dispatch sent: only the whistle rate is known, and no whistle is the best there is.
      score: 100,
      rank: 1,
    });
    // Best score first.
    expect(streets.map((s) => s.rank)).toEqual([1, 2]);
  });

  it('gives a department its own score and rank, weighing only the ratings published to departments', async () => {
    const officerX = await login(app.url, world.users.officerX);
    const res = await officerX.get(`/api/metrics/department-standing${query(period)}`);
    expect(res.status).toBe(200);
    // The leaders see 75 with X's one live rating; X itself may not see a lone mark (fewer than
    // five ratings published), so its rating weighs nothing yet:
    // (0.15·0.5 + 0.15·0.5 + 0.2·0.5 + 0.1·1) / 0.6 = 0.5833…
    expect(res.body).toEqual({
      from: '2026-02-28T16:00:00.000Z',
      to: '2026-03-03T16:00:00.000Z',
      departmentId: world.deptX.id,
      dispatches: 2,
      score: 58.3,
      rank: 1,
      ranked: 2,
    });
    const officerY = await login(app.url, world.users.officerY);
    const y = await officerY.get(`/api/metrics/department-standing${query(period)}`);
    expect(y.body).toMatchObject({
      departmentId: world.deptY.id,
      dispatches: 1,
      score: 0,
      rank: 2,
      ranked: 2,
    });

    const reversed = await officerX.get(
      `/api/metrics/department-standing${query({ from: period.to, to: period.from })}`,
    );
    expect(reversed.status).toBe(400);
    expect(reversed.body).toMatchObject({ fields: { to: ['to must be later than from'] } });
  });

  it('gives the grid load: reported in the period and open now', async () => {
    const res = await leader.get(`/api/metrics/grid-load${query(period)}`);
    expect(res.status).toBe(200);
    const grids = new Map((res.body as GridLoad).grids.map((g) => [g.gridId, g]));
    expect(grids.size).toBe(3);
    // I1 (verified, in the period) and I4 (open, before it).
    expect(grids.get(world.streetA.grids[0]?.id ?? '')).toMatchObject({ reported: 1, open: 1 });
    expect(grids.get(world.streetA.grids[1]?.id ?? '')).toMatchObject({ reported: 1, open: 1 });
    expect(grids.get(world.streetB.grids[0]?.id ?? '')).toMatchObject({ reported: 1, open: 1 });
  });

  it('answers bad periods with 400 and the field at fault', async () => {
    const reversed = await leader.get(`/api/metrics/rankings${query({ from: period.to, to: period.from })}`);
    expect(reversed.status).toBe(400);
    expect(reversed.body).toMatchObject({ fields: { to: ['to must be later than from'] } });

    const garbled = await leader.get(`/api/metrics/grid-load${query({ from: 'yesterday', to: period.to })}`);
    expect(garbled.status).toBe(400);
    expect(Object.keys((garbled.body as { fields: object }).fields)).toEqual(['from']);

    const missing = await leader.get(`/api/metrics/trends`);
    expect(missing.status).toBe(400);
    expect(Object.keys((missing.body as { fields: object }).fields).sort()).toEqual(['from', 'to']);

    const tooManyHours = await leader.get(
      `/api/metrics/trends${query({ from: period.from, to: '2026-03-20T00:00:00+08:00', bucket: 'hour' })}`,
    );
    expect(tooManyHours.status).toBe(400);
    expect(tooManyHours.body).toMatchObject({ fields: { to: [expect.stringContaining('7 days')] } });

    const badBucket = await leader.get(`/api/metrics/trends${query({ ...period, bucket: 'week' })}`);
    expect(badBucket.status).toBe(400);
    expect(Object.keys((badBucket.body as { fields: object }).fields)).toEqual(['bucket']);
  });

  it('serves the district operator and admin, and refuses streets, departments and grid workers', async () => {
    for (const user of [world.users.districtOperator, world.users.admin]) {
      const res = await (await login(app.url, user)).get(`/api/metrics/rankings${query(period)}`);
      expect(res.status).toBe(200);
      expect((res.body as MetricsRankings).departments).toHaveLength(2);
    }
    for (const user of [world.users.operatorA, world.users.officerX, world.users.gridWorkerA]) {
      const api = await login(app.url, user);
      for (const path of ['trends', 'rankings', 'grid-load']) {
        expect((await api.get(`/api/metrics/${path}${query(period)}`)).status).toBe(403);
      }
    }
  });
});
