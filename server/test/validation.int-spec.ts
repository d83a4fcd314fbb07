import request, { type Response } from 'supertest';
import type { ApiErrorBody, DispatchView, IncidentView, Page } from '@whistle/shared';
import {
  UNKNOWN_ID,
  dispatchOf,
  dispatchView,
  loginAll,
  must,
  registeredIncident,
  reportIncident,
  type Actors,
} from './support/api-driver';
import type { Api } from './support/clients';
import { TestEnv, type RunningTestApp } from './support/test-app';
import { createWorld, type World } from './support/world';

type Method = 'get' | 'post' | 'put';

/**
 * Bad input gets a clear answer and loses nothing: 400 with `fields` naming what is wrong,
 * 404 for ids that name nothing, 413 for bodies over the limit, 422 for places outside the
 * district — never a 500, and never a half-written change.
 */
describe('validation', () => {
  let env: TestEnv;
  let app: RunningTestApp;
  let world: World;
  let actors: Actors;
  /** A registered street-A incident that bad whistles are aimed at. */
  let target: IncidentView;
  /** A resolved dispatch that bad verifications are aimed at. */
  let resolved: DispatchView;

  beforeAll(async () => {
    env = await TestEnv.create();
    world = await createWorld(env);
    app = await env.start();
    actors = await loginAll(app.url, world);
    target = await registeredIncident(actors.operatorA, pointA(0));
    resolved = await dispatchOf(actors.operatorA, actors.officerX, pointA(1), world.deptX.id, 'resolved');
  }, 120_000);

  afterAll(async () => {
    await env.destroy();
  }, 60_000);

  function pointA(grid: number): { lng: number; lat: number } {
    return world.streetA.points[grid];
  }

  /** Row counts of every table a change writes to. */
  async function rowCounts(): Promise<Record<string, number>> {
    const tables = ['incidents', 'whistles', 'dispatches', 'ratings', 'events', 'outbox'];
    const counts: Record<string, number> = {};
    for (const table of tables) {
      const rows = await env.db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${table}`);
      counts[table] = rows[0]?.n ?? -1;
    }
    return counts;
  }

  /** Asserts a 400 whose `fields` name (at least) `fields`, each with a message. */
  function expectFields(res: Response, fields: string[]): void {
    expect({ status: res.status, body: res.body as unknown }).toMatchObject({ status: 400 });
    const body = res.body as ApiErrorBody;
    expect(body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(Object.keys(body.fields ?? {})).toEqual(expect.arrayContaining(fields));
    for (const field of fields) {
      expect(body.fields?.[field]?.length).toBeGreaterThan(0);
      expect(body.message).toContain(field);
    }
  }

  const goodIncident = () => ({
    title: '小区门口占道经营',
    category: 'street_vending',
    priority: 'normal',
    location: pointA(0),
    source: 'operator',
  });

  // ---- request bodies -----------------------------------------------------------------------------

  type Incoming = Record<string, unknown>;
  const badIncidents: [string, (good: Incoming) => Incoming, string[]][] = [
    ['missing title', (good) => ({ ...good, title: undefined }), ['title']],
    ['title not a string', (good) => ({ ...good, title: 42 }), ['title']],
    ['title too short', (good) => ({ ...good, title: 'x' }), ['title']],
    ['missing location', (good) => ({ ...good, location: undefined }), ['location']],
    [
      'location.lng a string',
      (good) => ({ ...good, location: { lng: '118.7', lat: 32.005 } }),
      ['location.lng'],
    ],
    ['location.lat missing', (good) => ({ ...good, location: { lng: 118.705 } }), ['location.lat']],
    [
      'location.lat out of range',
      (good) => ({ ...good, location: { lng: 118.705, lat: 91 } }),
      ['location.lat'],
    ],
    ['location a string', (good) => ({ ...good, location: '118.7,32.0' }), ['location']],
    ['location null', (good) => ({ ...good, location: null }), ['location']],
    ['location an empty array', (good) => ({ ...good, location: [] }), ['location']],
    ['priority unknown', (good) => ({ ...good, priority: 'asap' }), ['priority']],
    ['priority a number', (good) => ({ ...good, priority: 1 }), ['priority']],
    ['category unknown', (good) => ({ ...good, category: 'ufo' }), ['category']],
    ['source unknown', (good) => ({ ...good, source: 'twitter' }), ['source']],
    ['description not a string', (good) => ({ ...good, description: ['a'] }), ['description']],
    ['unknown extra field', (good) => ({ ...good, reporterPhone: '13800000000' }), ['reporterPhone']],
    [
      'unknown nested field',
      (good) => ({ ...good, location: { ...(good.location as object), alt: 12 } }),
      ['location.alt'],
    ],
    ['server-owned field', (good) => ({ ...good, status: 'closed' }), ['status']],
    ['everything missing', () => ({}), ['title', 'category', 'priority', 'location', 'source']],
  ];

  it.each(badIncidents)(
    'POST /api/incidents with %s → 400 naming the fields, nothing written',
    async (_label, vary, fields) => {
      const before = await rowCounts();
      expectFields(await actors.operatorA.post('/api/incidents', vary(goodIncident())), fields);
      expect(await rowCounts()).toEqual(before);
    },
  );

  it('the good incident those variations start from is accepted', async () => {
    expect((await actors.operatorA.post('/api/incidents', goodIncident())).status).toBe(201);
  });

  it('malformed JSON → 400 saying so, nothing written', async () => {
    const before = await rowCounts();
    const res = await request(app.url)
      .post('/api/incidents')
      .set('Authorization', `Bearer ${actors.operatorA.token}`)
      .set('Content-Type', 'application/json')
      .send('{"title": "占道经营", "location": {"lng": 118.7,');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, message: expect.stringMatching(/JSON/) });
    expect(await rowCounts()).toEqual(before);
  });

  it.each([
    ['a JSON array', '[]'],
    ['JSON null', 'null'],
    ['a JSON string', '"占道经营"'],
    ['a JSON number', '42'],
  ])('%s as the body → 400', async (_label, raw) => {
    const res = await request(app.url)
      .post('/api/incidents')
      .set('Authorization', `Bearer ${actors.operatorA.token}`)
      .set('Content-Type', 'application/json')
      .send(raw);
    expect({ status: res.status, body: res.body as unknown }).toMatchObject({
      status: 400,
      body: { statusCode: 400 },
    });
  });

  it('a body that is not JSON at all → 400, nothing written', async () => {
    const before = await rowCounts();
    const res = await request(app.url)
      .post('/api/incidents')
      .set('Authorization', `Bearer ${actors.operatorA.token}`)
      .set('Content-Type', 'text/plain')
      .send('title=占道经营');
    expect({ status: res.status, body: res.body as unknown }).toMatchObject({
      status: 400,
      body: { statusCode: 400 },
    });
    expect(await rowCounts()).toEqual(before);
  });

  it('a body over the limit → 413, nothing written', async () => {
    const before = await rowCounts();
    const res = await actors.operatorA.post('/api/incidents', {
      ...goodIncident(),
      description: '很长'.repeat(150_000),
    });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ statusCode: 413, message: expect.stringMatching(/too large/) });
    expect(await rowCounts()).toEqual(before);
  });

  it('deeply nested JSON under the size limit → 400, not a crash', async () => {
    const depth = 20_000;
    const raw = `{"title":"占道经营","extra":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    const res = await request(app.url)
      .post('/api/incidents')
      .set('Authorization', `Bearer ${actors.operatorA.token}`)
      .set('Content-Type', 'application/json')
      .send(raw);
    expect({ status: res.status, body: res.body as unknown }).toMatchObject({ status: 400 });
    // The server is still answering.
    expect((await actors.operatorA.get('/api/auth/me')).status).toBe(200);
  });

  it('a NUL character in an incident title → 400, not 500, nothing written', async () => {
    const before = await rowCounts();
    const res = await actors.operatorA.post('/api/incidents', { ...goodIncident(), title: '占道\u0000经营' });
    expect({ status: res.status, rows: await rowCounts() }).toEqual({ status: 400, rows: before });
  });

  it('a NUL character in a search query → 400, not 500', async () => {
    const res = await actors.operatorA.get('/api/incidents?q=%00');
    expect({ status: res.status, body: res.body as unknown }).toMatchObject({ status: 400 });
  });

  it('a NUL character in a resolution note → 400, not 500; the dispatch stays arrived', async () => {
    const arrived = await dispatchOf(actors.operatorA, actors.officerX, pointA(2), world.deptX.id, 'arrived');
    const before = await rowCounts();
    const res = await actors.officerX.post(`/api/dispatches/${arrived.id}/resolve`, { note: '已\u0000处置' });
    expect({
      status: res.status,
      rows: await rowCounts(),
      dispatch: (await dispatchView(actors.officerX, arrived.id)).status,
    }).toEqual({ status: 400, rows: before, dispatch: 'arrived' });
  });

  it('a NUL character in the login username → 400 or 401, not 500', async () => {
    const res = await request(app.url)
      .post('/api/auth/login')
      .send({ username: 'admin\u0000', password: 'x' });
    expect([400, 401]).toContain(res.status);
  });

  it('a location outside every grid → 422 with a clear message, nothing written', async () => {
    const before = await rowCounts();
    const res = await actors.operatorA.post('/api/incidents', {
      ...goodIncident(),
      location: { lng: 117.5, lat: 32.0 },
    });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      statusCode: 422,
      error: 'Unprocessable Entity',
      message: expect.stringMatching(/\(117\.5, 32\) is outside every grid/),
      fields: { location: [expect.stringMatching(/inside a grid/)] },
    });
    expect(await rowCounts()).toEqual(before);
  });

  it('a task sent down to a location outside every grid, or outside its street → 422, nothing written', async () => {
    const task = {
      streetId: world.streetA.street.id,
      title: '油烟扰民',
      category: 'environment',
      priority: 'normal',
      location: { lng: 117.5, lat: 32.0 },
    };
    const before = await rowCounts();
    const outside = await actors.officerX.post('/api/dispatches/tasks', task);
    expect(outside.status).toBe(422);
    expect(outside.body).toMatchObject({ message: expect.stringMatching(/outside every grid/) });
    const wrongStreet = await actors.officerX.post('/api/dispatches/tasks', {
      ...task,
      location: world.streetB.points[0],
    });
    expect(wrongStreet.status).toBe(422);
    expect(wrongStreet.body).toMatchObject({ fields: { location: [expect.stringMatching(/streetId/)] } });
    expect(await rowCounts()).toEqual(before);
  });

  // ---- verification ---------------------------------------------------------------------------------

  const badVerifications: [string, Record<string, unknown>, string[]][] = [
    ['passed:true without rating', { passed: true }, ['rating']],
    ['passed:true with rating 6', { passed: true, rating: 6 }, ['rating']],
    ['passed:true with rating 0', { passed: true, rating: 0 }, ['rating']],
    ['passed:true with rating 4.5', { passed: true, rating: 4.5 }, ['rating']],
    ['passed:true with rating "5"', { passed: true, rating: '5' }, ['rating']],
    ['passed:false without reason', { passed: false }, ['reason']],
    ['passed:false with a one-letter reason', { passed: false, reason: 'x' }, ['reason']],
    ['passed:false with rating 6', { passed: false, reason: '问题仍在', rating: 6 }, ['rating']],
    ['no passed', { rating: 5 }, ['passed']],
    ['passed as a string', { passed: 'yes', rating: 5 }, ['passed']],
    ['a comment that is not a string', { passed: true, rating: 5, comment: 5 }, ['comment']],
    ['an unknown field', { passed: true, rating: 5, ratedBy: 'someone' }, ['ratedBy']],
  ];

  it.each(badVerifications)(
    'verify with %s → 400 naming the fields; the dispatch stays resolved',
    async (_label, body, fields) => {
      const before = await rowCounts();
      expectFields(await actors.operatorA.post(`/api/dispatches/${resolved.id}/verify`, body), fields);
      expect((await dispatchView(actors.operatorA, resolved.id)).status).toBe('resolved');
      expect(await rowCounts()).toEqual(before);
    },
  );

  const otherBadBodies: [string, () => [Api, string, object], string[]][] = [
    [
      'reject without reason',
      () => [actors.officerX, `/api/dispatches/${resolved.id}/reject`, {}],
      ['reason'],
    ],
    [
      'reject with a number reason',
      () => [actors.officerX, `/api/dispatches/${resolved.id}/reject`, { reason: 7 }],
      ['reason'],
    ],
    ['resolve without note', () => [actors.officerX, `/api/dispatches/${resolved.id}/resolve`, {}], ['note']],
    [
      'arrive at lng 200',
      () => [actors.officerX, `/api/dispatches/${resolved.id}/arrive`, { location: { lng: 200, lat: 32 } }],
      ['location.lng'],
    ],
    [
      'cancel with a number reason',
      () => [actors.operatorA, `/api/dispatches/${resolved.id}/cancel`, { reason: 1 }],
      ['reason'],
    ],
    [
      'incident reject without reason',
      () => [actors.operatorA, `/api/incidents/${target.id}/reject`, {}],
      ['reason'],
    ],
    [
      'merge into a non-UUID',
      () => [actors.operatorA, `/api/incidents/${target.id}/merge`, { intoIncidentId: 'the-other-one' }],
      ['intoIncidentId'],
    ],
    [
      'standing with an impossible date',
      () => [
        actors.districtOperator,
        `/api/incidents/${target.id}/standing`,
        { reason: '历史遗留', reviewOn: '2030-02-30' },
      ],
      ['reviewOn'],
    ],
    [
      'standing with a date-time instead of a date',
      () => [
        actors.districtOperator,
        `/api/incidents/${target.id}/standing`,
        { reason: '历史遗留', reviewOn: '2030-06-30T00:00:00Z' },
      ],
      ['reviewOn'],
    ],
    ['login without password', () => [actors.admin, '/api/auth/login', { username: 'admin' }], ['password']],
    [
      'login with a numeric username',
      () => [actors.admin, '/api/auth/login', { username: 1, password: 'x' }],
      ['username'],
    ],
  ];

  it.each(otherBadBodies)('%s → 400 naming the fields, nothing written', async (_label, build, fields) => {
    const [api, path, body] = build();
    const before = await rowCounts();
    expectFields(await api.post(path, body), fields);
    expect(await rowCounts()).toEqual(before);
  });

  const goodRule = {
    whistleType: 'emergency',
    priority: 'high',
    limits: { accept: 5, arrive: 30, resolve: 240 },
  };
  const badRules: [string, Record<string, unknown>, string[]][] = [
    ['limits.accept 0', { ...goodRule, limits: { ...goodRule.limits, accept: 0 } }, ['limits.accept']],
    ['limits.arrive 1.5', { ...goodRule, limits: { ...goodRule.limits, arrive: 1.5 } }, ['limits.arrive']],
    [
      'limits.resolve a string',
      { ...goodRule, limits: { ...goodRule.limits, resolve: '4h' } },
      ['limits.resolve'],
    ],
    ['an unknown whistle type', { ...goodRule, whistleType: 'whisper' }, ['whistleType']],
    ['an unknown priority', { ...goodRule, priority: 'whenever' }, ['priority']],
    ['no limits', { whistleType: 'emergency', priority: 'high' }, ['limits']],
    ['limits null', { ...goodRule, limits: null }, ['limits']],
  ];

  it.each(badRules)(
    'PUT /api/timer-rules with %s → 400 naming the fields, rules unchanged',
    async (_label, body, fields) => {
      const rulesBefore = (await actors.admin.get('/api/timer-rules')).body as unknown;
      expectFields(await actors.admin.put('/api/timer-rules', body), fields);
      expect((await actors.admin.get('/api/timer-rules')).body).toEqual(rulesBefore);
    },
  );

  it.each([
    ['an unknown category', { categories: ['ufo'] }],
    ['categories not an array', { categories: 'noise' }],
    ['no categories', {}],
  ])(
    'PUT /api/streets/:id/admission-list with %s → 400 naming categories, list unchanged',
    async (_label, body) => {
      const path = `/api/streets/${world.streetA.street.id}/admission-list`;
      const listBefore = (await actors.admin.get(path)).body as unknown;
      expectFields(await actors.admin.put(path, body), ['categories']);
      expect((await actors.admin.get(path)).body).toEqual(listBefore);
    },
  );

  const goodTask = () => ({
    streetId: world.streetA.street.id,
    title: '油烟扰民',
    category: 'environment',
    priority: 'normal',
    location: pointA(2),
  });
  const badTasks: [string, (good: Incoming) => Incoming, string[]][] = [
    ['no location', (good) => ({ ...good, location: undefined }), ['location']],
    [
      'location.lat a string',
      (good) => ({ ...good, location: { lng: 118.705, lat: 'north' } }),
      ['location.lat'],
    ],
    ['a non-UUID streetId', (good) => ({ ...good, streetId: 'A' }), ['streetId']],
    ['an unknown type', (good) => ({ ...good, type: 'urgent' }), ['type']],
    ['no category', (good) => ({ ...good, category: undefined }), ['category']],
    ['an unknown field', (good) => ({ ...good, assignee: 'me' }), ['assignee']],
  ];

  it.each(badTasks)(
    'POST /api/dispatches/tasks with %s → 400 naming the fields, nothing written',
    async (_label, vary, fields) => {
      const before = await rowCounts();
      expectFields(await actors.officerX.post('/api/dispatches/tasks', vary(goodTask())), fields);
      expect(await rowCounts()).toEqual(before);
    },
  );

  // ---- whistles -------------------------------------------------------------------------------------

  it('a whistle summoning an unknown department → 422 naming it; no whistle, dispatch or event written', async () => {
    const before = await rowCounts();
    const res = await actors.operatorA.post(`/api/incidents/${target.id}/whistles`, {
      type: 'enforcement',
      departmentIds: [UNKNOWN_ID],
    });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      statusCode: 422,
      message: expect.stringContaining(UNKNOWN_ID),
      fields: { departmentIds: [expect.stringContaining(UNKNOWN_ID)] },
    });
    // One good department beside the unknown one: still all or nothing.
    const mixed = await actors.operatorA.post(`/api/incidents/${target.id}/whistles`, {
      type: 'enforcement',
      departmentIds: [world.deptX.id, UNKNOWN_ID],
    });
    expect(mixed.status).toBe(422);
    expect(mixed.body).toMatchObject({
      fields: { departmentIds: [expect.not.stringContaining(world.deptX.id)] },
    });
    expect(await rowCounts()).toEqual(before);
    expect((await actors.operatorA.get(`/api/incidents/${target.id}`)).body).toMatchObject({
      status: 'registered',
      whistles: [],
    });
  });

  const badWhistles: [string, Record<string, unknown>, string[]][] = [
    ['duplicate departmentIds', { type: 'enforcement', departmentIds: ['X', 'X'] }, ['departmentIds']],
    ['no departmentIds', { type: 'enforcement' }, ['departmentIds']],
    ['empty departmentIds', { type: 'enforcement', departmentIds: [] }, ['departmentIds']],
    ['departmentIds not an array', { type: 'enforcement', departmentIds: 'X' }, ['departmentIds']],
    ['a non-UUID department id', { type: 'enforcement', departmentIds: ['chengguan'] }, ['departmentIds']],
    ['an unknown type', { type: 'loud', departmentIds: ['X'] }, ['type']],
    ['a note that is not a string', { type: 'enforcement', departmentIds: ['X'], note: {} }, ['note']],
    ['an unknown field', { type: 'enforcement', departmentIds: ['X'], deadline: '1h' }, ['deadline']],
  ];

  it.each(badWhistles)(
    'whistle with %s → 400 naming the fields, nothing written',
    async (_label, template, fields) => {
      const body = {
        ...template,
        ...(Array.isArray(template.departmentIds)
          ? { departmentIds: template.departmentIds.map((d) => (d === 'X' ? world.deptX.id : d) as unknown) }
          : {}),
      };
      const before = await rowCounts();
      expectFields(await actors.operatorA.post(`/api/incidents/${target.id}/whistles`, body), fields);
      expect(await rowCounts()).toEqual(before);
    },
  );

  // ---- ids --------------------------------------------------------------------------------------------

  const idRoutes: [string, Method, (id: string) => string, object][] = [
    ['GET /api/incidents/:id', 'get', (id) => `/api/incidents/${id}`, {}],
    ['POST /api/incidents/:id/register', 'post', (id) => `/api/incidents/${id}/register`, {}],
    ['POST /api/incidents/:id/reject', 'post', (id) => `/api/incidents/${id}/reject`, { reason: '不予立案' }],
    [
      'POST /api/incidents/:id/merge',
      'post',
      (id) => `/api/incidents/${id}/merge`,
      { intoIncidentId: UNKNOWN_ID },
    ],
    ['POST /api/incidents/:id/close', 'post', (id) => `/api/incidents/${id}/close`, {}],
    [
      'POST /api/incidents/:id/standing',
      'post',
      (id) => `/api/incidents/${id}/standing`,
      { reason: '历史遗留', reviewOn: '2030-06-30' },
    ],
    [
      'POST /api/incidents/:id/whistles',
      'post',
      (id) => `/api/incidents/${id}/whistles`,
      { type: 'enforcement', departmentIds: [UNKNOWN_ID] },
    ],
    ['GET /api/dispatches/:id', 'get', (id) => `/api/dispatches/${id}`, {}],
    ['POST /api/dispatches/:id/accept', 'post', (id) => `/api/dispatches/${id}/accept`, {}],
    [
      'POST /api/dispatches/:id/reject',
      'post',
      (id) => `/api/dispatches/${id}/reject`,
      { reason: '不属于本部门' },
    ],
    ['POST /api/dispatches/:id/arrive', 'post', (id) => `/api/dispatches/${id}/arrive`, {}],
    ['POST /api/dispatches/:id/resolve', 'post', (id) => `/api/dispatches/${id}/resolve`, { note: '已处置' }],
    [
      'POST /api/dispatches/:id/verify',
      'post',
      (id) => `/api/dispatches/${id}/verify`,
      { passed: true, rating: 5 },
    ],
    ['POST /api/dispatches/:id/cancel', 'post', (id) => `/api/dispatches/${id}/cancel`, {}],
    ['GET /api/streets/:id/communities', 'get', (id) => `/api/streets/${id}/communities`, {}],
    ['GET /api/streets/:id/admission-list', 'get', (id) => `/api/streets/${id}/admission-list`, {}],
    [
      'PUT /api/streets/:id/admission-list',
      'put',
      (id) => `/api/streets/${id}/admission-list`,
      { categories: ['noise'] },
    ],
  ];

  async function call(api: Api, method: Method, path: string, body: object): Promise<Response> {
    if (method === 'get') return await api.get(path);
    return method === 'post' ? await api.post(path, body) : await api.put(path, body);
  }

  it.each(idRoutes)('%s with a non-UUID id → 400', async (_route, method, path, body) => {
    for (const bad of ['abc', '123', `${UNKNOWN_ID}x`, "1' OR '1'='1"]) {
      const res = await call(actors.admin, method, path(encodeURIComponent(bad)), body);
      expect({ bad, status: res.status }).toEqual({ bad, status: 400 });
      expect((res.body as ApiErrorBody).message).toMatch(/uuid/i);
    }
  });

  it.each(idRoutes)('%s with an unknown id → 404', async (_route, method, path, body) => {
    // Whistles check the departments first; give this one a real department so the incident is what is unknown.
    const payload =
      'departmentIds' in body
        ? { ...body, departmentIds: [world.deptX.id] }
        : (body as Record<string, unknown>);
    const before = await rowCounts();
    const res = await call(actors.admin, method, path(UNKNOWN_ID), payload);
    expect({ status: res.status, body: res.body as unknown }).toMatchObject({
      status: 404,
      body: { statusCode: 404, error: 'Not Found', message: expect.stringContaining(UNKNOWN_ID) },
    });
    expect(await rowCounts()).toEqual(before);
  });

  it('merging into an unknown, the same or another street’s incident is refused, nothing written', async () => {
    const dup = await reportIncident(actors.operatorA, pointA(2));
    const other = await reportIncident(actors.operatorB, world.streetB.points[0]);
    const before = await rowCounts();
    const unknown = await actors.admin.post(`/api/incidents/${dup.id}/merge`, { intoIncidentId: UNKNOWN_ID });
    expect(unknown.status).toBe(404);
    const self = await actors.admin.post(`/api/incidents/${dup.id}/merge`, { intoIncidentId: dup.id });
    expect(self.status).toBe(422);
    expect(self.body).toMatchObject({ fields: { intoIncidentId: ['is this incident'] } });
    const across = await actors.admin.post(`/api/incidents/${dup.id}/merge`, { intoIncidentId: other.id });
    expect(across.status).toBe(422);
    expect(across.body).toMatchObject({ fields: { intoIncidentId: ['is in another street'] } });
    expect(await rowCounts()).toEqual(before);
  });

  // ---- list queries -------------------------------------------------------------------------------------

  const badIncidentQueries: [string, string[]][] = [
    ['status=bogus', ['status']],
    ['status=reported,bogus', ['status']],
    ['limit=0', ['limit']],
    ['limit=501', ['limit']],
    ['limit=ten', ['limit']],
    ['limit=2.5', ['limit']],
    ['page=0', ['page']],
    ['bbox=abc', ['bbox']],
    ['bbox=118.7,32.0,118.8', ['bbox']],
    ['cursor=garbage', ['cursor']],
    ['priority=asap', ['priority']],
    ['category=ufo', ['category']],
    ['overdue=maybe', ['overdue']],
    ['streetId=A', ['streetId']],
    [`q=${'x'.repeat(101)}`, ['q']],
    ['sort=createdAt', ['sort']],
  ];

  it.each(badIncidentQueries)('GET /api/incidents?%s → 400 naming the parameter', async (query, fields) => {
    expectFields(await actors.operatorA.get(`/api/incidents?${query}`), fields);
  });

  it.each([
    ['status=bogus', ['status']],
    ['limit=0', ['limit']],
    ['incidentId=abc', ['incidentId']],
    ['mine=true', ['mine']],
  ])('GET /api/dispatches?%s → 400 naming the parameter', async (query, fields) => {
    expectFields(await actors.officerX.get(`/api/dispatches?${query}`), fields);
  });

  it('GET /api/grids?streetId=abc → 400 naming the parameter', async () => {
    expectFields(await actors.operatorA.get('/api/grids?streetId=abc'), ['streetId']);
  });

  it('the same list parameters, well formed, are accepted and paginate', async () => {
    for (let i = 0; i < 3; i++) await reportIncident(actors.operatorA, pointA(3));
    const ok = [
      'status=reported,registered',
      'limit=500',
      'page=2&limit=1',
      'bbox=118.7,32.0,118.72,32.02',
      'priority=normal',
      'category=street_vending',
      'overdue=false',
      `streetId=${world.streetA.street.id}`,
      'q=%25_%5C',
    ];
    for (const query of ok) {
      const res = await actors.operatorA.get(`/api/incidents?${query}`);
      expect({ query, status: res.status }).toEqual({ query, status: 200 });
    }
    const first = (await must(actors.operatorA.get('/api/incidents?limit=2'), 200, 'page 1'))
      .body as Page<IncidentView>;
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (
      await must(actors.operatorA.get(`/api/incidents?limit=2&cursor=${first.nextCursor}`), 200, 'page 2')
    ).body as Page<IncidentView>;
    expect(second.items.length).toBeGreaterThan(0);
    expect(second.items.map((i) => i.id)).not.toContain(first.items[0]?.id);
  });

  it.each([
    ['a created-at PostgreSQL cannot read', ['1', UNKNOWN_ID]],
    ['an id of dashes only', ['2030-01-01T00:00:00.000Z', '-'.repeat(36)]],
  ])('GET /api/incidents with a well-formed cursor holding %s → 400, not 500', async (_label, content) => {
    const cursor = Buffer.from(JSON.stringify(content)).toString('base64url');
    const res = await actors.operatorA.get(`/api/incidents?cursor=${cursor}`);
    expect({ status: res.status, body: res.body as unknown }).toMatchObject({
      status: 400,
      body: { fields: { cursor: expect.any(Array) } },
    });
  });
});
