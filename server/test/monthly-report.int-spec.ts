import type { MetricsSummary, MonthlyReport } from '@whistle/shared';
import { login, type Api } from './support/clients';
import { blowWhistle, only, registeredIncident } from './support/flows';
import { TestEnv, type RunningTestApp } from './support/test-app';
import { createWorld, type World } from './support/world';

/**
 * GET /api/reports/monthly (月度考核) against the real app. A small history is driven through the
 * API, then its timestamps are pinned in SQL around the November/December boundary in Beijing time,
 * so every figure below is worked out by hand:
 *
 *   I1 street A, 30 Nov 23:30 (+08:00, 15:30 UTC: still November in Beijing), W1 → X: accepted
 *      23:35 (by 2 Dec), arrived 1 Dec 00:20 (by 1 Dec 01:30), resolved, verified, rated 4;
 *                                                   → Y: pending, nothing due yet (so I1 stays open);
 *      the citizen answered "basically satisfied"
 *   I2 street A, 1 Dec 00:10, W2 → X: pending (December)
 *   I3 street B, 1 Nov 00:00 exactly (the month's first instant), no whistle, citizen "dissatisfied"
 *   I4 street B, 31 Oct 23:59 (October)
 */
describe('the monthly assessment report', () => {
  let env: TestEnv;
  let app: RunningTestApp;
  let world: World;
  let leader: Api;
  let streetA: Api;
  let officerX: Api;

  beforeAll(async () => {
    env = await TestEnv.create();
    world = await createWorld(env);
    app = await env.start('both');
    streetA = await login(app.url, world.users.operatorA);
    const streetB = await login(app.url, world.users.operatorB);
    officerX = await login(app.url, world.users.officerX);
    leader = await login(app.url, world.users.leaderA);
    const X = world.deptX.id;

    const i1 = await registeredIncident(streetA, world.streetA, { gridIndex: 0 });
    const i2 = await registeredIncident(streetA, world.streetA, { gridIndex: 1 });
    const i3 = await registeredIncident(streetB, world.streetB, { gridIndex: 0 });
    const i4 = await registeredIncident(streetB, world.streetB, { gridIndex: 0 });
    const w1 = await blowWhistle(streetA, i1.id, [X, world.deptY.id]);
    const w2 = await blowWhistle(streetA, i2.id, [X]);
    const x1 = w1.dispatches.find((d) => d.departmentId === X)?.id ?? '';
    const y1 = w1.dispatches.find((d) => d.departmentId === world.deptY.id)?.id ?? '';
    const x2 = only(w2.dispatches).id;
    const act = async (api: Api, path: string, body: object = {}) => {
      const res = await api.post(path, body);
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    };
    await act(officerX, `/api/dispatches/${x1}/accept`);
    await act(officerX, `/api/dispatches/${x1}/arrive`, { location: world.streetA.points[0] });
    await act(officerX, `/api/dispatches/${x1}/resolve`, { note: '已清理' });
    await act(streetA, `/api/dispatches/${x1}/verify`, { passed: true, rating: 4 });

    const pin = (sql: string, params: unknown[]) => env.db.query(sql, params);
    const incident = (id: string, at: string, satisfaction: string | null = null) =>
      pin(`UPDATE incidents SET created_at = $2, citizen_satisfaction = $3 WHERE id = $1`, [
        id,
        at,
        satisfaction,
      ]);
    await incident(i1.id, '2026-11-30T23:30:00+08:00', 'basically_satisfied');
    await incident(i2.id, '2026-12-01T00:10:00+08:00');
    await incident(i3.id, '2026-11-01T00:00:00+08:00', 'dissatisfied');
    await incident(i4.id, '2026-10-31T23:59:00+08:00', 'satisfied');
    await pin(`UPDATE whistles SET created_at = $2 WHERE id = $1`, [w1.id, '2026-11-30T23:30:00+08:00']);
    await pin(`UPDATE whistles SET created_at = $2 WHERE id = $1`, [w2.id, '2026-12-01T00:10:00+08:00']);
    await pin(
      `UPDATE dispatches SET created_at = $2, accept_by = $3, accepted_at = $4, arrive_by = $5,
         arrived_at = $6, resolve_by = $7, resolved_at = $8, overdue_stages = '{}' WHERE id = $1`,
      [
        x1,
        '2026-11-30T23:30:00+08:00',
        '2026-12-02T00:00:00+08:00',
        '2026-11-30T23:35:00+08:00',
        '2026-12-01T01:30:00+08:00',
        '2026-12-01T00:20:00+08:00',
        '2026-12-05T00:00:00+08:00',
        '2026-12-01T02:00:00+08:00',
      ],
    );
    await pin(`UPDATE dispatches SET created_at = $2 WHERE id = $1`, [x2, '2026-12-01T00:10:00+08:00']);
    await pin(`UPDATE dispatches SET created_at = $2 WHERE id = $1`, [y1, '2026-11-30T23:30:00+08:00']);
  });

  afterAll(async () => {
    await env.destroy();
  });

  async function report(month: string, api: Api = leader): Promise<MonthlyReport> {
    const res = await api.get(`/api/reports/monthly?month=${month}`);
    if (res.status !== 200) throw new Error(`${month}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as MonthlyReport;
  }

  it('counts an event at 30 Nov 23:30 China time in November, with each department figure and its score', async () => {
    const november = await report('2026-11');
    expect(november).toMatchObject({
      month: '2026-11',
      district: { id: world.districtId },
      from: '2026-10-31T16:00:00.000Z',
      to: '2026-11-30T16:00:00.000Z',
      partial: false,
      weights: { department: { streetRating: 0.4 } },
    });
    expect(november.departments).toEqual([
      {
        id: world.deptX.id,
        nameZh: world.deptX.nameZh,
        nameEn: world.deptX.nameEn,
        dispatches: 1,
        responseRate: 1,
        onTimeArrivalRate: 1,
        resolutionRate: 1,
        reopenRate: 0,
        averageRating: 4,
        ratings: 1,
        // 0.15 + 0.15 + 0.2 + 0.1·(1 − 0) + 0.4·(4 − 1)/4 = 0.9
        score: 90,
        rank: 1,
      },
      {
        id: world.deptY.id,
        nameZh: world.deptY.nameZh,
        nameEn: world.deptY.nameEn,
        // Pending, its deadlines still ahead: nothing was due but its resolution.
        dispatches: 1,
        responseRate: null,
        onTimeArrivalRate: null,
        resolutionRate: 0,
        reopenRate: null,
        averageRating: null,
        ratings: 0,
        score: 0,
        rank: 2,
      },
    ]);
  });

  it('gives each street its incidents, whistles, rates, the citizens’ 满意率 and its score', async () => {
    const november = await report('2026-11');
    const byId = new Map(november.streets.map((s) => [s.id, s]));
    expect(byId.get(world.streetA.street.id)).toEqual({
      id: world.streetA.street.id,
      nameZh: world.streetA.street.nameZh,
      nameEn: world.streetA.street.nameEn,
      incidents: 1,
      whistles: 1,
      // Of the dispatches it sent (not of its incidents: I1 is still open), X's is resolved.
      dispatches: 2,
      resolutionRate: 0.5,
      reopenRate: 0,
      whistleRate: 1,
      // "Basically satisfied" counts as satisfied.
      satisfactionRate: 1,
      satisfactionAnswers: 1,
      // 0.5·0.5 + 0.2·1 + 0.3·(1 − 1)
      score: 45,
      rank: 2,
    });
    // I3 at the month's first instant is in; I4 a minute before is not.
    expect(byId.get(world.streetB.street.id)).toMatchObject({
      incidents: 1,
      whistles: 0,
      dispatches: 0,
      satisfactionRate: 0,
      satisfactionAnswers: 1,
      rank: 1,
    });
  });

  it('keeps December’s events out of November and in December', async () => {
    const december = await report('2026-12');
    // Partial while December 2026 runs (in China time), complete after.
    const runningMonth = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
    expect(december.partial).toBe(runningMonth === '2026-12');
    const x = december.departments.find((d) => d.id === world.deptX.id);
    expect(x).toMatchObject({ dispatches: 1, ratings: 0, averageRating: null });
    const a = december.streets.find((s) => s.id === world.streetA.street.id);
    expect(a).toMatchObject({ incidents: 1, whistles: 1, dispatches: 1, resolutionRate: 0 });
    const october = await report('2026-10');
    expect(october.streets.find((s) => s.id === world.streetB.street.id)).toMatchObject({
      incidents: 1,
      satisfactionRate: 1,
    });
  });

  it('answers 400 with the field for a malformed, future or too early month', async () => {
    for (const month of ['', '2026-13', '2026-1', 'november', '2026-11-01']) {
      const res = await leader.get(`/api/reports/monthly?month=${encodeURIComponent(month)}`);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ fields: { month: ['month must be a calendar month as YYYY-MM'] } });
    }
    const missing = await leader.get('/api/reports/monthly');
    expect(missing.status).toBe(400);
    const future = await leader.get('/api/reports/monthly?month=2999-01');
    expect(future.status).toBe(400);
    expect(JSON.stringify(future.body)).toContain('must not be later than the current month');
    const early = await leader.get('/api/reports/monthly?month=2019-12');
    expect(early.status).toBe(400);
  });

  it('names no street beside a department’s rating (背对背): a department line holds aggregates only', async () => {
    const november = await report('2026-11');
    for (const line of november.departments) {
      expect(Object.keys(line).sort()).toEqual(
        [
          'averageRating',
          'dispatches',
          'id',
          'nameEn',
          'nameZh',
          'onTimeArrivalRate',
          'rank',
          'ratings',
          'reopenRate',
          'resolutionRate',
          'responseRate',
          'score',
        ].sort(),
      );
    }
  });

  // Last: it adds this month's incidents, which the tests above must not see.
  it('gives the live summary this month’s 群众满意率 in each scope: satisfied or basically, of those answered', async () => {
    const answered = async (
      api: Api,
      street: World['streetA'],
      answer: string | null,
      whistleTo?: string,
    ) => {
      const incident = await registeredIncident(api, street, { gridIndex: 2 });
      if (whistleTo) await blowWhistle(api, incident.id, [whistleTo]);
      await env.db.query(`UPDATE incidents SET citizen_satisfaction = $2 WHERE id = $1`, [
        incident.id,
        answer,
      ]);
    };
    const streetB = await login(app.url, world.users.operatorB);
    await answered(streetA, world.streetA, 'satisfied', world.deptX.id);
    await answered(streetA, world.streetA, 'basically_satisfied');
    await answered(streetA, world.streetA, null);
    await answered(streetB, world.streetB, 'dissatisfied');
    const satisfaction = async (api: Api) => {
      const res = await api.get('/api/metrics/summary');
      expect(res.status).toBe(200);
      return (res.body as MetricsSummary).citizenSatisfaction;
    };
    // The pinned history lies in past months (or, for I2, was never answered).
    expect(await satisfaction(leader)).toEqual({ rate: 0.6667, answered: 3 });
    expect(await satisfaction(streetA)).toEqual({ rate: 1, answered: 2 });
    expect(await satisfaction(streetB)).toEqual({ rate: 0, answered: 1 });
    // A department: the incidents it was summoned to.
    expect(await satisfaction(officerX)).toEqual({ rate: 1, answered: 1 });
  });
});
