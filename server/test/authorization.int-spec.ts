import { JwtService } from '@nestjs/jwt';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { io } from 'socket.io-client';
import request, { type Response } from 'supertest';
import type {
  DispatchView,
  IncidentDetail,
  IncidentPointsView,
  IncidentView,
  IssuedOpen311ApiKey,
  LngLat,
  MetricsSummary,
  Page,
  PhotoView,
  UserView,
  WhistleView,
} from '@whistle/shared';
import { Department } from '../src/departments/department.entity';
import { Dispatch } from '../src/dispatches/dispatch.entity';
import { Rating } from '../src/dispatches/rating.entity';
import { Incident } from '../src/incidents/incident.entity';
import { LiveGateway } from '../src/live/live.gateway';
import { Open311ApiKey } from '../src/open311/open311-api-key.entity';
import { Photo } from '../src/photos/photo.entity';
import { User } from '../src/users/user.entity';
import {
  ACTOR_NAMES,
  allKeys,
  blowWhistle,
  dispatchOf,
  dispatchView,
  driveDispatch,
  incidentDetail,
  loginAll,
  must,
  pathsContaining,
  registeredIncident,
  reportIncident,
  type ActorName,
  type Actors,
} from './support/api-driver';
import { connect, login, reconnect, type Recorder } from './support/clients';
import { createDepartment, createUser, PASSWORD } from './support/factories';
import { generateHotlineOrders, toCsv } from './support/hotline-orders';
import { discoverRoutes, routeMatches, servedRoutes, type DiscoveredRoute } from './support/routes';
import { TestEnv, type RunningTestApp } from './support/test-app';
import { createWorld, type World } from './support/world';

/**
 * The authorization matrix: every route the app serves (and the socket handshake) against no token,
 * a forged token and every role, on targets in the caller's own scope and outside it.
 *
 * Each row of MATRIX is one request on one kind of target; its `want` lists the expected status
 * for each column. Every cell runs on a target built fresh for it, so an allowed call never
 * spoils the next cell, and a denied call must leave its target exactly as it was.
 *
 * The routes come from the app's own metadata (support/routes.ts): a route without a row, or a
 * row naming a route that does not exist, fails the suite, so the table cannot drift from the
 * controllers. Routes public by design (health, Prometheus, the basemap, login, Open311 with its
 * own api_key) have rows too, with the answers they must give without a token.
 */

type Who = 'anonymous' | 'badToken' | ActorName;
const COLUMNS: readonly Who[] = ['anonymous', 'badToken', ...ACTOR_NAMES];

/** Expected status per column, in COLUMNS order: anon, bad token, opA, opB, offX, offY, gwA, dOp, leadA, admin. */
type Statuses = readonly [number, number, number, number, number, number, number, number, number, number];

interface Upload {
  field: string;
  name: string;
  bytes: Buffer;
  type: string;
}

interface Req {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  body?: object;
  /** Extra headers, e.g. the refresh cookie. */
  headers?: Record<string, string>;
  /** Sent as application/x-www-form-urlencoded (Open311 clients post forms). */
  form?: Record<string, string>;
  /** Sent as multipart/form-data: text fields and files. */
  multipart?: { fields: Record<string, string>; files: Upload[] };
}

interface Prepared {
  req: Req;
  /** Observable state of the target; a denied call must not change it. */
  snapshot?: () => Promise<unknown>;
  /** The caller's token when the call spends it (logout, password change): a twin's, not the shared one. */
  token?: string;
}

interface Row {
  /** The route's key (`GET /api/incidents/:id`), optionally with a `?query` or a ` (variant)` note. */
  route: string;
  on: string;
  want: Statuses;
  /** Builds the cell's target; told the caller for targets that belong to it (its own session). */
  prepare: (who: Who) => Promise<Prepared>;
  /** Extra assertions on an allowed answer. */
  check?: (res: Response, who: ActorName) => void;
}

describe('authorization', () => {
  let env: TestEnv;
  let app: RunningTestApp;
  let world: World;
  let actors: Actors;
  let jwtSecret: string;
  let unpairedLeader: User;
  let routes: DiscoveredRoute[];
  let fileDir: string;
  const sockets: Recorder[] = [];

  beforeAll(async () => {
    env = await TestEnv.create();
    world = await createWorld(env);
    unpairedLeader = await createUser(env.db, { role: 'district_leader', districtId: world.districtId });
    fileDir = await mkdtemp(join(tmpdir(), 'whistle-authz-'));
    // A local basemap archive (any bytes: the server never reads them) so its route answers 200.
    const archive = join(fileDir, 'district.pmtiles');
    await writeFile(archive, Buffer.alloc(256, 7));
    app = await env.start('both', {
      PHOTO_DIR: join(fileDir, 'photos'),
      BASEMAP_PMTILES: archive,
      // The matrix logs in, uploads and imports far more often than any person would.
      LOGIN_LIMIT_PER_IP: '1000',
      LOGIN_LIMIT_PER_ACCOUNT: '1000',
      UPLOAD_LIMIT_PER_MINUTE: '10000',
      IMPORT_LIMIT_PER_HOUR: '10000',
    });
    actors = await loginAll(app.url, world);
    jwtSecret = env.config().JWT_SECRET;
    routes = discoverRoutes(app.app);
  }, 120_000);

  afterAll(async () => {
    sockets.forEach((s) => s.close());
    // Let the server finish with the disconnects first: shutting the app down in the middle of them
    // sometimes leaves an ioredis "Connection is closed" rejection behind (see the report).
    const gateway = app.get(LiveGateway);
    for (let i = 0; i < 100 && gateway.server.engine.clientsCount > 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await env.destroy();
    await rm(fileDir, { recursive: true, force: true });
  }, 60_000);

  // ---- targets ------------------------------------------------------------------------------

  type StreetKey = 'A' | 'B';
  type DeptKey = 'X' | 'Y';
  const streetOf = (s: StreetKey) => (s === 'A' ? world.streetA : world.streetB);
  const at = (s: StreetKey, grid = 0): LngLat => streetOf(s).points[grid];
  const operatorOf = (s: StreetKey) => (s === 'A' ? actors.operatorA : actors.operatorB);
  const deptOf = (d: DeptKey) => (d === 'X' ? world.deptX : world.deptY);
  const officerOf = (d: DeptKey) => (d === 'X' ? actors.officerX : actors.officerY);

  const reported = (s: StreetKey, grid = 0) => reportIncident(operatorOf(s), at(s, grid));
  const registered = (s: StreetKey, grid = 0) => registeredIncident(operatorOf(s), at(s, grid));
  const dispatchFor = (d: DeptKey, s: StreetKey, status: DispatchView['status'], grid = 0) =>
    dispatchOf(operatorOf(s), officerOf(d), at(s, grid), deptOf(d).id, status);

  /** A task department X sends down to street A, taken to `status` by the street. */
  async function taskToA(status: DispatchView['status'], category = 'noise'): Promise<DispatchView> {
    const res = await must(
      actors.officerX.post('/api/dispatches/tasks', {
        streetId: world.streetA.street.id,
        title: '噪声扰民整治',
        category,
        priority: 'normal',
        location: at('A', 0),
      }),
      201,
      'send task',
    );
    const task = res.body as DispatchView;
    return driveDispatch({ assignee: actors.operatorA, requester: actors.officerX }, task.id, status);
  }

  /** The leader dispatch of a tough whistle on a street-A incident, taken to `status` by leader A. */
  async function leaderDispatch(status: DispatchView['status']): Promise<DispatchView> {
    const incident = await registered('A');
    const whistle = await blowWhistle(actors.operatorA, incident.id, [world.deptX.id], 'tough');
    const own = whistle.leaderDispatches[0];
    if (!own) throw new Error('tough whistle summoned no leader');
    return driveDispatch({ assignee: actors.leaderA, requester: actors.operatorA }, own.id, status);
  }

  const incidentState = (id: string) => async () => {
    const d = await incidentDetail(actors.admin, id);
    return { status: d.status, events: d.timeline.length, whistles: d.whistles.length, standing: d.standing };
  };
  const dispatchState = (id: string) => async () => {
    const d = await dispatchView(actors.admin, id);
    return { status: d.status, updatedAt: d.updatedAt };
  };
  const rowCount = (entity: typeof Incident | typeof Dispatch) => () => env.db.getRepository(entity).count();

  const get = (path: string): Prepared => ({ req: { method: 'get', path } });
  const onIncident = (id: string, action: string, body?: object): Prepared => ({
    req: { method: 'post', path: `/api/incidents/${id}/${action}`, ...(body ? { body } : {}) },
    snapshot: incidentState(id),
  });
  const onDispatch = (id: string, action: string, body?: object): Prepared => ({
    req: { method: 'post', path: `/api/dispatches/${id}/${action}`, ...(body ? { body } : {}) },
    snapshot: dispatchState(id),
  });
  const createAt = (s: StreetKey, grid: number): Prepared => ({
    req: {
      method: 'post',
      path: '/api/incidents',
      body: {
        title: '井盖缺失',
        category: 'road_facilities',
        priority: 'high',
        location: at(s, grid),
        source: 'operator',
      },
    },
    snapshot: rowCount(Incident),
  });
  const whistleOn = (id: string): Prepared => ({
    req: {
      method: 'post',
      path: `/api/incidents/${id}/whistles`,
      body: { type: 'key_work', departmentIds: [world.deptX.id] },
    },
    snapshot: incidentState(id),
  });

  const expectScope = (res: Response, who: ActorName) => {
    const scope = (res.body as MetricsSummary).scope;
    const expected: Partial<Record<ActorName, MetricsSummary['scope']>> = {
      operatorA: { kind: 'street', id: world.streetA.street.id },
      operatorB: { kind: 'street', id: world.streetB.street.id },
      officerX: { kind: 'department', id: world.deptX.id },
      officerY: { kind: 'department', id: world.deptY.id },
      districtOperator: { kind: 'district', id: world.districtId },
      leaderA: { kind: 'district', id: world.districtId },
      admin: { kind: 'district', id: world.districtId },
    };
    expect(scope).toEqual(expected[who]);
  };

  // ---- targets of photos, the hotline and Open311 ---------------------------------------------

  let photoBytes: Promise<Buffer> | undefined;
  /** A small real JPEG: the server checks photos by their bytes, not their names. */
  const jpeg = () =>
    (photoBytes ??= sharp({
      create: { width: 32, height: 24, channels: 3, background: { r: 200, g: 80, b: 40 } },
    })
      .jpeg()
      .toBuffer());
  const photoFile = async (): Promise<Upload> => ({
    field: 'photos',
    name: 'proof.jpg',
    bytes: await jpeg(),
    type: 'image/jpeg',
  });

  /** A photo, added by the admin, on the incident of a fresh dispatch of department `d` in street `s`. */
  async function photoOf(d: DeptKey, s: StreetKey): Promise<PhotoView> {
    const { incidentId } = await dispatchFor(d, s, 'pending');
    const res = await must(
      request(app.url)
        .post(`/api/incidents/${incidentId}/photos`)
        .set('Authorization', `Bearer ${actors.admin.token}`)
        .attach('photos', await jpeg(), { filename: 'a.jpg', contentType: 'image/jpeg' }),
      201,
      'attach photo',
    );
    const [photo] = res.body as PhotoView[];
    if (!photo) throw new Error('attaching a photo answered none');
    return photo;
  }
  const photoCount = (incidentId: string) => () => env.db.getRepository(Photo).countBy({ incidentId });
  const attachTo = async (incidentId: string): Promise<Prepared> => ({
    req: {
      method: 'post',
      path: `/api/incidents/${incidentId}/photos`,
      multipart: { fields: {}, files: [await photoFile()] },
    },
    snapshot: photoCount(incidentId),
  });
  const reportAt = (s: StreetKey, grid: number): Prepared => ({
    req: {
      method: 'post',
      path: '/api/incidents/report',
      multipart: {
        fields: {
          lng: String(at(s, grid).lng),
          lat: String(at(s, grid).lat),
          category: 'street_vending',
          description: '人行道上有流动摊贩占道经营',
        },
        files: [],
      },
    },
    snapshot: rowCount(Incident),
  });
  const siteCheckOn = (incidentId: string): Prepared => ({
    req: {
      method: 'post',
      path: `/api/incidents/${incidentId}/site-checks`,
      body: { fixed: false, note: '摊位仍在' },
    },
    snapshot: incidentState(incidentId),
  });

  let orders = 0;
  /** A new 12345 order in street A. */
  const hotlineOrder = () => ({
    orderNo: `AUTHZ-${++orders}-${Date.now()}`,
    receivedAt: '2026-11-21 08:00:00',
    category: '违章停车',
    description: '小区门口车辆乱停放，堵塞消防通道',
    lng: at('A').lng,
    lat: at('A').lat,
  });
  const satisfactionOf = (orderNo: string) => async () =>
    (
      await env.db.query<{ s: string | null }[]>(
        `SELECT i.citizen_satisfaction AS s FROM hotline_orders o JOIN incidents i ON i.id = o.incident_id
          WHERE o.order_no = $1`,
        [orderNo],
      )
    )[0]?.s;
  const hotlineFile = (): Upload => ({
    field: 'file',
    name: 'orders.csv',
    bytes: Buffer.from(
      toCsv(generateHotlineOrders(1, [world.streetA], `AUTHZ-F${++orders}`).map((o) => o.row)),
    ),
    type: 'text/csv',
  });

  const issueKey = async (rateLimitPerMinute?: number): Promise<IssuedOpen311ApiKey> =>
    (
      await must(
        actors.admin.post('/api/open311-keys', { name: 'authorization matrix', rateLimitPerMinute }),
        201,
        'issue key',
      )
    ).body as IssuedOpen311ApiKey;
  const keyState = (id: string) => async () =>
    (await env.db.getRepository(Open311ApiKey).findOneByOrFail({ id })).revokedAt;
  const keyCount = () => env.db.getRepository(Open311ApiKey).count();
  const open311Form = (apiKey?: string): Record<string, string> => ({
    ...(apiKey ? { api_key: apiKey } : {}),
    service_code: 'street_vending',
    lat: String(at('A').lat),
    long: String(at('A').lng),
  });
  let readerKey: Promise<IssuedOpen311ApiKey> | undefined;
  /** A new Open311 service request (an incident in street A); its service_request_id. */
  async function open311Request(): Promise<string> {
    const key = await (readerKey ??= issueKey(100_000));
    const res = await must(
      request(app.url).post('/open311/v2/requests.json').type('form').send(open311Form(key.key)),
      201,
      'create Open311 request',
    );
    return (res.body as { service_request_id: string }[])[0]?.service_request_id ?? '';
  }

  const exportedGrids = async () =>
    (await must(actors.admin.get('/api/boundaries/grids'), 200, 'export')).body as object;
  const PERIOD = `from=${encodeURIComponent('2026-11-01T00:00:00+08:00')}&to=${encodeURIComponent('2026-11-08T00:00:00+08:00')}`;
  const pointsIn = (res: Response) => (res.body as IncidentPointsView).rows.map((row) => row[7]);
  const gridsOf = (s: StreetKey) => streetOf(s).grids.map((g) => g.id);

  // ---- targets of sessions and accounts -----------------------------------------------------------

  /**
   * A new user of the same role, street and department as `who`, so its sessions and password can be
   * spent. No grids and no paired streets: a second leader of street A would be summoned by every
   * tough whistle the other tests blow.
   */
  async function twinOf(who: ActorName): Promise<User> {
    const u = world.users[who];
    return createUser(env.db, {
      role: u.role,
      districtId: world.districtId,
      ...(u.streetId ? { streetId: u.streetId } : {}),
      ...(u.departmentId ? { departmentId: u.departmentId } : {}),
    });
  }
  /** Signs `user` in: its access token and its refresh cookie. */
  async function signIn(user: User): Promise<{ token: string; cookie: string }> {
    const res = await must(
      request(app.url).post('/api/auth/login').send({ username: user.username, password: PASSWORD }),
      200,
      'sign in',
    );
    const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    const cookie = cookies.map((c) => c.split(';')[0] ?? '').find((c) => c.startsWith('whistle_refresh='));
    if (!cookie) throw new Error('login set no refresh cookie');
    return { token: (res.body as { accessToken: string }).accessToken, cookie };
  }
  /** A request made with the session of a fresh twin of the caller (anonymous cells have none). */
  const withOwnSession = async (who: Who, req: Req): Promise<Prepared> =>
    who === 'anonymous' || who === 'badToken'
      ? { req }
      : { req, token: (await signIn(await twinOf(who))).token };
  const userState = (id: string) => async () => {
    const u = await env.db.getRepository(User).findOneByOrFail({ id });
    return { displayName: u.displayName, passwordHash: u.passwordHash, active: u.active };
  };
  const meWith = (token: string) => async () =>
    (await request(app.url).get('/api/auth/me').set('Authorization', `Bearer ${token}`)).status;
  let accounts = 0;
  let departmentCodes = 0;

  // ---- the matrix ---------------------------------------------------------------------------
  // prettier-ignore
  const MATRIX: Row[] = [
    //                                                          anon bad  opA  opB  offX offY gwA  dOp  lead admin
    { route: 'GET /api/auth/me', on: 'self',                  want: [401, 401, 200, 200, 200, 200, 200, 200, 200, 200],
      prepare: () => Promise.resolve(get('/api/auth/me')),
      check: (res, who) => {
        const me = res.body as UserView;
        expect(me).toMatchObject({ id: world.users[who].id, role: world.users[who].role });
        expect(me.gridIds).toEqual(who === 'gridWorkerA' ? [world.streetA.grids[0]?.id] : []);
      } },
    { route: 'GET /api/streets', on: 'reference',             want: [401, 401, 200, 200, 200, 200, 200, 200, 200, 200],
      prepare: () => Promise.resolve(get('/api/streets')),
      check: (res) => expect((res.body as { id: string }[]).map((s) => s.id).sort()).toEqual(
        [world.streetA.street.id, world.streetB.street.id].sort()) },
    { route: 'GET /api/departments', on: 'reference',         want: [401, 401, 200, 200, 200, 200, 200, 200, 200, 200],
      prepare: () => Promise.resolve(get('/api/departments')) },
    { route: 'GET /api/categories', on: 'reference',          want: [401, 401, 200, 200, 200, 200, 200, 200, 200, 200],
      prepare: () => Promise.resolve(get('/api/categories')) },
    { route: 'POST /api/departments', on: 'a new department', want: [401, 401, 403, 403, 403, 403, 403, 403, 403, 201],
      prepare: () => Promise.resolve({
        req: { method: 'post', path: '/api/departments', body: {
          code: `authz-${++departmentCodes}-${Date.now()}`, nameZh: '新部门', nameEn: 'New bureau', kind: 'department', categories: ['noise'],
        } },
        snapshot: () => env.db.getRepository(Department).count(),
      }),
      check: (res) => expect(res.body).toMatchObject({ nameZh: '新部门', categories: ['noise'] }) },
    { route: 'PATCH /api/departments/:id', on: 'a department', want: [401, 401, 403, 403, 403, 403, 403, 403, 403, 200],
      prepare: async () => {
        const target = await createDepartment(env.db);
        return {
          req: { method: 'patch', path: `/api/departments/${target.id}`, body: { nameZh: '改名部门', categories: ['sanitation'] } },
          snapshot: () => env.db.getRepository(Department).findOneByOrFail({ id: target.id }),
        };
      },
      check: (res) => expect(res.body).toMatchObject({ nameZh: '改名部门', categories: ['sanitation'] }) },
    { route: 'GET /api/grids', on: 'reference',               want: [401, 401, 200, 200, 200, 200, 200, 200, 200, 200],
      prepare: () => Promise.resolve(get('/api/grids')),
      check: (res) => expect((res.body as { features: unknown[] }).features).toHaveLength(8) },
    { route: 'GET /api/grids?streetId', on: 'street A',       want: [401, 401, 200, 200, 200, 200, 200, 200, 200, 200],
      prepare: () => Promise.resolve(get(`/api/grids?streetId=${world.streetA.street.id}`)),
      check: (res) => expect((res.body as { features: unknown[] }).features).toHaveLength(4) },
    { route: 'GET /api/streets/:id/communities', on: 'street A', want: [401, 401, 200, 200, 200, 200, 200, 200, 200, 200],
      prepare: () => Promise.resolve(get(`/api/streets/${world.streetA.street.id}/communities`)) },
    { route: 'GET /api/streets/:streetId/admission-list', on: 'street B', want: [401, 401, 200, 200, 200, 200, 200, 200, 200, 200],
      prepare: () => Promise.resolve(get(`/api/streets/${world.streetB.street.id}/admission-list`)) },
    { route: 'PUT /api/streets/:streetId/admission-list', on: 'street B', want: [401, 401, 403, 403, 403, 403, 403, 403, 403, 200],
      prepare: () => Promise.resolve({
        req: { method: 'put', path: `/api/streets/${world.streetB.street.id}/admission-list`, body: { categories: ['noise', 'sanitation'] } },
        snapshot: async () => (await actors.admin.get(`/api/streets/${world.streetB.street.id}/admission-list`)).body as unknown,
      }),
      check: (res) => expect(res.body).toEqual({ streetId: world.streetB.street.id, categories: ['noise', 'sanitation'] }) },
    { route: 'GET /api/timer-rules', on: 'reference',         want: [401, 401, 200, 200, 200, 200, 200, 200, 200, 200],
      prepare: () => Promise.resolve(get('/api/timer-rules')) },
    { route: 'PUT /api/timer-rules', on: 'emergency/low',     want: [401, 401, 403, 403, 403, 403, 403, 403, 403, 200],
      prepare: () => Promise.resolve({
        req: { method: 'put', path: '/api/timer-rules', body: { whistleType: 'emergency', priority: 'low', limits: { accept: 6, arrive: 31, resolve: 241 } } },
        snapshot: async () => (await actors.admin.get('/api/timer-rules')).body as unknown,
      }),
      check: (res) => expect(res.body).toContainEqual({ whistleType: 'emergency', priority: 'low', limits: { accept: 6, arrive: 31, resolve: 241 } }) },
    { route: 'GET /api/metrics/summary', on: 'own scope',     want: [401, 401, 200, 200, 200, 200, 403, 200, 200, 200],
      prepare: () => Promise.resolve(get('/api/metrics/summary')),
      check: expectScope },

    //                                                          anon bad  opA  opB  offX offY gwA  dOp  lead admin
    { route: 'POST /api/incidents', on: 'point in A grid 0 (gwA’s grid)', want: [401, 401, 201, 403, 403, 403, 201, 201, 403, 201],
      prepare: () => Promise.resolve(createAt('A', 0)),
      check: (res) => expect(res.body).toMatchObject({ status: 'reported', streetId: world.streetA.street.id, gridId: world.streetA.grids[0]?.id }) },
    { route: 'POST /api/incidents', on: 'point in A grid 1',  want: [401, 401, 201, 403, 403, 403, 403, 201, 403, 201],
      prepare: () => Promise.resolve(createAt('A', 1)) },
    { route: 'POST /api/incidents', on: 'point in street B',  want: [401, 401, 403, 201, 403, 403, 403, 201, 403, 201],
      prepare: () => Promise.resolve(createAt('B', 0)),
      check: (res) => expect(res.body).toMatchObject({ streetId: world.streetB.street.id }) },
    { route: 'GET /api/incidents', on: 'own scope',           want: [401, 401, 200, 200, 200, 200, 200, 200, 200, 200],
      prepare: () => Promise.resolve(get('/api/incidents')) },
    { route: 'GET /api/incidents?streetId', on: 'street A',   want: [401, 401, 200, 403, 200, 200, 200, 200, 200, 200],
      prepare: () => Promise.resolve(get(`/api/incidents?streetId=${world.streetA.street.id}`)) },
    { route: 'GET /api/incidents?streetId', on: 'street B',   want: [401, 401, 403, 200, 200, 200, 200, 200, 200, 200],
      prepare: () => Promise.resolve(get(`/api/incidents?streetId=${world.streetB.street.id}`)) },
    { route: 'GET /api/incidents/:id', on: 'A grid 0, dept X summoned', want: [401, 401, 200, 404, 200, 404, 200, 200, 200, 200],
      prepare: async () => get(`/api/incidents/${(await dispatchFor('X', 'A', 'pending')).incidentId}`),
      check: (res) => expect((res.body as IncidentDetail).timeline.length).toBeGreaterThan(0) },
    { route: 'GET /api/incidents/:id', on: 'A grid 1, nobody summoned', want: [401, 401, 200, 404, 404, 404, 404, 200, 200, 200],
      prepare: async () => get(`/api/incidents/${(await registered('A', 1)).id}`) },
    { route: 'GET /api/incidents/:id', on: 'B, dept Y summoned', want: [401, 401, 404, 200, 404, 200, 404, 200, 200, 200],
      prepare: async () => get(`/api/incidents/${(await dispatchFor('Y', 'B', 'pending')).incidentId}`) },
    { route: 'POST /api/incidents/:id/register', on: 'reported in A', want: [401, 401, 200, 404, 403, 403, 403, 200, 403, 200],
      prepare: async () => onIncident((await reported('A')).id, 'register'),
      check: (res) => expect(res.body).toMatchObject({ status: 'registered' }) },
    { route: 'POST /api/incidents/:id/register', on: 'reported in B', want: [401, 401, 404, 200, 403, 403, 403, 200, 403, 200],
      prepare: async () => onIncident((await reported('B')).id, 'register') },
    { route: 'POST /api/incidents/:id/reject', on: 'reported in A', want: [401, 401, 200, 404, 403, 403, 403, 200, 403, 200],
      prepare: async () => onIncident((await reported('A')).id, 'reject', { reason: '重复上报' }),
      check: (res) => expect(res.body).toMatchObject({ status: 'rejected', rejectReason: '重复上报' }) },
    { route: 'POST /api/incidents/:id/merge', on: 'reported in A', want: [401, 401, 200, 404, 403, 403, 403, 200, 403, 200],
      prepare: async () => {
        const [dup, into] = [await reported('A'), await reported('A')];
        return onIncident(dup.id, 'merge', { intoIncidentId: into.id });
      },
      check: (res) => expect(res.body).toMatchObject({ status: 'merged' }) },
    { route: 'POST /api/incidents/:id/merge', on: 'reported in B', want: [401, 401, 404, 200, 403, 403, 403, 200, 403, 200],
      prepare: async () => {
        const [dup, into] = [await reported('B'), await reported('B')];
        return onIncident(dup.id, 'merge', { intoIncidentId: into.id });
      } },
    { route: 'POST /api/incidents/:id/close', on: 'verified in A', want: [401, 401, 200, 404, 403, 403, 403, 200, 403, 200],
      prepare: async () => onIncident((await dispatchFor('X', 'A', 'verified')).incidentId, 'close'),
      check: (res) => expect(res.body).toMatchObject({ status: 'closed' }) },
    { route: 'POST /api/incidents/:id/standing', on: 'registered in A', want: [401, 401, 403, 403, 403, 403, 403, 200, 403, 200],
      prepare: async () => onIncident((await registered('A')).id, 'standing', { reason: '涉及历史遗留问题', reviewOn: '2030-06-30' }),
      check: (res) => expect((res.body as IncidentView).standing).toMatchObject({ reviewOn: '2030-06-30' }) },
    { route: 'GET /api/incidents/standing', on: 'the district’s register', want: [401, 401, 403, 403, 403, 403, 403, 200, 200, 200],
      prepare: async () => {
        const { id } = await registered('A');
        await must(actors.districtOperator.post(`/api/incidents/${id}/standing`, { reason: '需市级协调', reviewOn: '2030-06-30' }), 200, 'standing');
        return get('/api/incidents/standing');
      },
      check: (res) => expect((res.body as { incident: IncidentView }[]).length).toBeGreaterThan(0) },
    { route: 'POST /api/incidents/:id/standing/remove', on: 'standing in A', want: [401, 401, 403, 403, 403, 403, 403, 200, 403, 200],
      prepare: async () => {
        const { id } = await registered('A');
        await must(actors.districtOperator.post(`/api/incidents/${id}/standing`, { reason: '需市级协调', reviewOn: '2030-06-30' }), 200, 'standing');
        return onIncident(id, 'standing/remove', { reason: '已解决' });
      },
      check: (res) => expect((res.body as IncidentView).standing).toBeNull() },
    { route: 'POST /api/incidents/:incidentId/whistles', on: 'registered in A', want: [401, 401, 201, 404, 403, 403, 403, 201, 403, 201],
      prepare: async () => whistleOn((await registered('A')).id),
      check: (res) => expect((res.body as WhistleView).dispatches).toHaveLength(1) },
    { route: 'POST /api/incidents/:incidentId/whistles', on: 'registered in B', want: [401, 401, 404, 201, 403, 403, 403, 201, 403, 201],
      prepare: async () => whistleOn((await registered('B')).id) },

    //                                                          anon bad  opA  opB  offX offY gwA  dOp  lead admin
    { route: 'GET /api/dispatches', on: 'own inbox',          want: [401, 401, 200, 200, 200, 200, 200, 200, 200, 200],
      prepare: () => Promise.resolve(get('/api/dispatches')) },
    { route: 'GET /api/dispatches/:id', on: 'X’s, street A',   want: [401, 401, 200, 404, 200, 404, 404, 200, 200, 200],
      prepare: async () => get(`/api/dispatches/${(await dispatchFor('X', 'A', 'pending')).id}`) },
    { route: 'GET /api/dispatches/:id', on: 'Y’s, street B',   want: [401, 401, 404, 200, 404, 200, 404, 200, 200, 200],
      prepare: async () => get(`/api/dispatches/${(await dispatchFor('Y', 'B', 'pending')).id}`) },
    { route: 'POST /api/dispatches/:id/accept', on: 'X’s pending, street A', want: [401, 401, 403, 404, 200, 404, 404, 403, 403, 403],
      prepare: async () => onDispatch((await dispatchFor('X', 'A', 'pending')).id, 'accept'),
      check: (res) => expect(res.body).toMatchObject({ status: 'accepted', actions: ['arrive'] }) },
    { route: 'POST /api/dispatches/:id/accept', on: 'X’s pending, street B', want: [401, 401, 404, 403, 200, 404, 404, 403, 403, 403],
      prepare: async () => onDispatch((await dispatchFor('X', 'B', 'pending')).id, 'accept') },
    { route: 'POST /api/dispatches/:id/reject', on: 'X’s pending, street A', want: [401, 401, 403, 404, 200, 404, 404, 403, 403, 403],
      prepare: async () => onDispatch((await dispatchFor('X', 'A', 'pending')).id, 'reject', { reason: '不属于本部门职责' }),
      check: (res) => expect(res.body).toMatchObject({ status: 'rejected' }) },
    { route: 'POST /api/dispatches/:id/arrive', on: 'X’s accepted, street A', want: [401, 401, 403, 404, 200, 404, 404, 403, 403, 403],
      prepare: async () => onDispatch((await dispatchFor('X', 'A', 'accepted')).id, 'arrive', { location: at('A') }),
      check: (res) => expect(res.body).toMatchObject({ status: 'arrived' }) },
    { route: 'POST /api/dispatches/:id/resolve', on: 'X’s arrived, street A', want: [401, 401, 403, 404, 200, 404, 404, 403, 403, 403],
      prepare: async () => onDispatch((await dispatchFor('X', 'A', 'arrived')).id, 'resolve', { note: '已清理' }),
      check: (res) => expect(res.body).toMatchObject({ status: 'resolved' }) },
    { route: 'POST /api/dispatches/:id/verify (passed)', on: 'X’s resolved, street A', want: [401, 401, 200, 404, 403, 404, 404, 403, 403, 403],
      prepare: async () => onDispatch((await dispatchFor('X', 'A', 'resolved')).id, 'verify', { passed: true, rating: 4 }),
      check: (res) => expect(res.body).toMatchObject({ status: 'verified' }) },
    { route: 'POST /api/dispatches/:id/verify (failed)', on: 'X’s resolved, street A', want: [401, 401, 200, 404, 403, 404, 404, 403, 403, 403],
      prepare: async () => onDispatch((await dispatchFor('X', 'A', 'resolved')).id, 'verify', { passed: false, reason: '仍有摊位' }),
      check: (res) => expect(res.body).toMatchObject({ status: 'reopened' }) },
    { route: 'POST /api/dispatches/:id/cancel', on: 'X’s pending, street A', want: [401, 401, 200, 404, 403, 404, 404, 200, 403, 200],
      prepare: async () => onDispatch((await dispatchFor('X', 'A', 'pending')).id, 'cancel', { reason: '已撤销' }),
      check: (res) => expect(res.body).toMatchObject({ status: 'cancelled' }) },
    { route: 'POST /api/dispatches/:id/cancel', on: 'X’s arrived, street B', want: [401, 401, 404, 200, 403, 404, 404, 200, 403, 200],
      prepare: async () => onDispatch((await dispatchFor('X', 'B', 'arrived')).id, 'cancel') },
    { route: 'POST /api/dispatches/:id/supervise', on: 'X’s pending, street A', want: [401, 401, 403, 403, 403, 403, 403, 201, 403, 201],
      prepare: async () => onDispatch((await dispatchFor('X', 'A', 'pending')).id, 'supervise', { note: '请尽快接单' }),
      check: (res) => expect(res.body).toMatchObject({ note: '请尽快接单' }) },
    { route: 'POST /api/dispatches/:id/reassign', on: 'X’s accepted, street B', want: [401, 401, 403, 403, 403, 403, 403, 201, 403, 201],
      prepare: async () => ({
        ...onDispatch((await dispatchFor('X', 'B', 'accepted')).id, 'reassign', { departmentId: world.deptY.id }),
        snapshot: rowCount(Dispatch),
      }),
      check: (res) => expect(res.body).toMatchObject({ cancelled: { status: 'cancelled' }, opened: { departmentId: world.deptY.id } }) },

    //                                                          anon bad  opA  opB  offX offY gwA  dOp  lead admin
    { route: 'POST /api/dispatches/tasks', on: 'to street A', want: [401, 401, 403, 403, 201, 201, 403, 201, 403, 403],
      prepare: () => Promise.resolve({
        req: { method: 'post', path: '/api/dispatches/tasks', body: { streetId: world.streetA.street.id, title: '油烟扰民', category: 'environment', priority: 'normal', location: at('A', 2) } },
        snapshot: rowCount(Dispatch),
      }),
      check: (res, who) => expect(res.body).toMatchObject({
        direction: 'dept_to_street', assigneeKind: 'street', streetId: world.streetA.street.id,
        departmentId: who === 'officerX' ? world.deptX.id : who === 'officerY' ? world.deptY.id : null, status: 'pending' }) },
    { route: 'GET /api/dispatches/:id', on: 'task X→A',        want: [401, 401, 200, 404, 200, 404, 404, 200, 200, 200],
      prepare: async () => get(`/api/dispatches/${(await taskToA('pending')).id}`) },
    { route: 'POST /api/dispatches/:id/accept', on: 'task X→A pending', want: [401, 401, 200, 404, 403, 404, 404, 403, 403, 403],
      prepare: async () => onDispatch((await taskToA('pending')).id, 'accept') },
    { route: 'POST /api/dispatches/:id/reject', on: 'task X→A pending, off A’s list', want: [401, 401, 200, 404, 403, 404, 404, 403, 403, 403],
      prepare: async () => onDispatch((await taskToA('pending')).id, 'reject', { reason: '不在准入清单内' }) },
    { route: 'POST /api/dispatches/:id/verify (passed)', on: 'task X→A resolved', want: [401, 401, 403, 404, 200, 404, 404, 403, 403, 403],
      prepare: async () => onDispatch((await taskToA('resolved')).id, 'verify', { passed: true, rating: 5 }) },
    { route: 'POST /api/dispatches/:id/cancel', on: 'task X→A pending', want: [401, 401, 403, 404, 200, 404, 404, 200, 403, 200],
      prepare: async () => onDispatch((await taskToA('pending')).id, 'cancel') },
    { route: 'GET /api/dispatches/:id', on: 'leader A’s (tough whistle)', want: [401, 401, 200, 404, 404, 404, 404, 200, 200, 200],
      prepare: async () => get(`/api/dispatches/${(await leaderDispatch('pending')).id}`) },
    { route: 'POST /api/dispatches/:id/accept', on: 'leader A’s pending', want: [401, 401, 403, 404, 404, 404, 404, 403, 200, 403],
      prepare: async () => onDispatch((await leaderDispatch('pending')).id, 'accept') },
    { route: 'POST /api/dispatches/:id/arrive', on: 'leader A’s accepted', want: [401, 401, 403, 404, 404, 404, 404, 403, 200, 403],
      prepare: async () => onDispatch((await leaderDispatch('accepted')).id, 'arrive', {}) },

    //                                                          anon bad  opA  opB  offX offY gwA  dOp  lead admin
    { route: 'GET /api/incidents/points', on: 'own scope',    want: [401, 401, 200, 200, 200, 200, 200, 200, 200, 200],
      prepare: async () => { await registered('A', 1); await registered('B', 1); return get('/api/incidents/points'); },
      check: (res, who) => {
        if (who === 'operatorA') expect(pointsIn(res).every((g) => gridsOf('A').includes(g))).toBe(true);
        if (who === 'operatorB') expect(pointsIn(res).every((g) => gridsOf('B').includes(g))).toBe(true);
        if (who === 'admin') expect(pointsIn(res)).toEqual(expect.arrayContaining([gridsOf('A')[1], gridsOf('B')[1]]));
      } },
    { route: 'POST /api/incidents/:id/site-checks', on: 'resolved in A grid 0 (gwA’s grid)', want: [401, 401, 403, 403, 403, 403, 201, 403, 403, 403],
      prepare: async () => siteCheckOn((await dispatchFor('X', 'A', 'resolved')).incidentId),
      check: (res) => expect(res.body).toMatchObject({ fixed: false, checkedById: world.users.gridWorkerA.id }) },
    { route: 'POST /api/incidents/:id/site-checks', on: 'resolved in A grid 1', want: [401, 401, 403, 403, 403, 403, 404, 403, 403, 403],
      prepare: async () => siteCheckOn((await dispatchFor('X', 'A', 'resolved', 1)).incidentId) },

    //                                                          anon bad  opA  opB  offX offY gwA  dOp  lead admin
    { route: 'POST /api/incidents/report', on: 'point in A grid 0 (gwA’s grid)', want: [401, 401, 201, 403, 403, 403, 201, 201, 403, 403],
      prepare: () => Promise.resolve(reportAt('A', 0)),
      check: (res) => expect(res.body).toMatchObject({ status: 'reported', gridId: world.streetA.grids[0]?.id, photos: [] }) },
    { route: 'POST /api/incidents/report', on: 'point in street B', want: [401, 401, 403, 201, 403, 403, 403, 201, 403, 403],
      prepare: () => Promise.resolve(reportAt('B', 0)) },
    { route: 'POST /api/incidents/:id/photos', on: 'A grid 0, dept X summoned', want: [401, 401, 201, 404, 201, 404, 201, 201, 403, 201],
      prepare: async () => attachTo((await dispatchFor('X', 'A', 'pending')).incidentId),
      check: (res) => expect((res.body as PhotoView[]).map((p) => p.contentType)).toEqual(['image/jpeg']) },
    { route: 'POST /api/incidents/:id/photos', on: 'B, dept Y summoned', want: [401, 401, 404, 201, 404, 201, 404, 201, 403, 201],
      prepare: async () => attachTo((await dispatchFor('Y', 'B', 'pending')).incidentId) },
    { route: 'POST /api/incidents/:id/photos', on: 'A grid 0, leader A summoned (tough)', want: [401, 401, 201, 404, 201, 404, 201, 201, 201, 201],
      prepare: async () => attachTo((await leaderDispatch('pending')).incidentId) },
    { route: 'GET /api/incidents/:id/photos', on: 'A grid 0, dept X summoned', want: [401, 401, 200, 404, 200, 404, 200, 200, 200, 200],
      prepare: async () => get(`/api/incidents/${(await photoOf('X', 'A')).incidentId}/photos`),
      check: (res) => expect(res.body).toHaveLength(1) },
    { route: 'GET /api/incidents/:id/photos', on: 'B, dept Y summoned', want: [401, 401, 404, 200, 404, 200, 404, 200, 200, 200],
      prepare: async () => get(`/api/incidents/${(await photoOf('Y', 'B')).incidentId}/photos`) },
    { route: 'GET /api/photos/:id', on: 'A grid 0, dept X summoned', want: [401, 401, 200, 404, 200, 404, 200, 200, 200, 200],
      prepare: async () => get((await photoOf('X', 'A')).url),
      check: (res) => expect(res.headers['content-type']).toBe('image/jpeg') },
    { route: 'GET /api/photos/:id', on: 'B, dept Y summoned', want: [401, 401, 404, 200, 404, 200, 404, 200, 200, 200],
      prepare: async () => get((await photoOf('Y', 'B')).url) },
    { route: 'GET /api/photos/:id/thumbnail', on: 'A grid 0, dept X summoned', want: [401, 401, 200, 404, 200, 404, 200, 200, 200, 200],
      prepare: async () => get((await photoOf('X', 'A')).thumbnailUrl),
      check: (res) => expect(res.headers['content-type']).toBe('image/jpeg') },
    { route: 'GET /api/photos/:id/thumbnail', on: 'B, dept Y summoned', want: [401, 401, 404, 200, 404, 200, 404, 200, 200, 200],
      prepare: async () => get((await photoOf('Y', 'B')).thumbnailUrl) },

    //                                                          anon bad  opA  opB  offX offY gwA  dOp  lead admin
    { route: 'POST /api/hotline/orders', on: 'order in street A', want: [401, 401, 403, 403, 403, 403, 403, 201, 403, 201],
      prepare: () => Promise.resolve({ req: { method: 'post', path: '/api/hotline/orders', body: hotlineOrder() }, snapshot: rowCount(Incident) }),
      check: (res) => expect(res.body).toMatchObject({ outcome: 'created' }) },
    { route: 'POST /api/hotline/orders/:orderNo/satisfaction', on: 'an order of the district', want: [401, 401, 403, 403, 403, 403, 403, 200, 403, 200],
      prepare: async () => {
        const order = hotlineOrder();
        await must(actors.districtOperator.post('/api/hotline/orders', order), 201, 'send order');
        return {
          req: { method: 'post', path: `/api/hotline/orders/${order.orderNo}/satisfaction`, body: { result: '不满意' } },
          snapshot: satisfactionOf(order.orderNo),
        };
      },
      check: (res) => expect(res.body).toMatchObject({ citizenSatisfaction: 'dissatisfied' }) },
    { route: 'POST /api/hotline/imports', on: 'a one-order CSV file', want: [401, 401, 403, 403, 403, 403, 403, 200, 403, 200],
      prepare: () => Promise.resolve({
        req: { method: 'post', path: '/api/hotline/imports', multipart: { fields: {}, files: [hotlineFile()] } },
        snapshot: rowCount(Incident),
      }),
      check: (res) => expect(res.body).toMatchObject({ total: 1, created: 1, failed: 0 }) },

    //                                                          anon bad  opA  opB  offX offY gwA  dOp  lead admin
    { route: 'GET /api/boundaries/streets', on: 'reference', want: [401, 401, 200, 200, 200, 200, 200, 200, 200, 200],
      prepare: () => Promise.resolve(get('/api/boundaries/streets')) },
    { route: 'GET /api/boundaries/communities', on: 'reference', want: [401, 401, 200, 200, 200, 200, 200, 200, 200, 200],
      prepare: () => Promise.resolve(get('/api/boundaries/communities')) },
    { route: 'GET /api/boundaries/grids', on: 'reference',    want: [401, 401, 200, 200, 200, 200, 200, 200, 200, 200],
      prepare: () => Promise.resolve(get('/api/boundaries/grids')),
      check: (res) => expect((res.body as { features: unknown[] }).features).toHaveLength(8) },
    { route: 'POST /api/boundaries/validate', on: 'the exported grids', want: [401, 401, 403, 403, 403, 403, 403, 403, 403, 200],
      prepare: async () => ({ req: { method: 'post', path: '/api/boundaries/validate', body: { grids: await exportedGrids() } } }),
      check: (res) => expect(res.body).toMatchObject({ ok: true, applied: false }) },
    { route: 'POST /api/boundaries/import', on: 'the exported grids, unchanged', want: [401, 401, 403, 403, 403, 403, 403, 403, 403, 200],
      prepare: async () => ({
        req: { method: 'post', path: '/api/boundaries/import', body: { grids: await exportedGrids() } },
        snapshot: exportedGrids,
      }),
      check: (res) => expect(res.body).toMatchObject({ ok: true, applied: true }) },

    //                                                          anon bad  opA  opB  offX offY gwA  dOp  lead admin
    { route: 'GET /api/metrics/trends', on: 'the district, one week', want: [401, 401, 403, 403, 403, 403, 403, 200, 200, 200],
      prepare: () => Promise.resolve(get(`/api/metrics/trends?${PERIOD}`)) },
    { route: 'GET /api/metrics/rankings', on: 'the district, one week', want: [401, 401, 403, 403, 403, 403, 403, 200, 200, 200],
      prepare: () => Promise.resolve(get(`/api/metrics/rankings?${PERIOD}`)) },
    { route: 'GET /api/metrics/grid-load', on: 'the district, one week', want: [401, 401, 403, 403, 403, 403, 403, 200, 200, 200],
      prepare: () => Promise.resolve(get(`/api/metrics/grid-load?${PERIOD}`)) },
    { route: 'GET /api/reports/monthly', on: 'the district, November 2026', want: [401, 401, 403, 403, 403, 403, 403, 200, 200, 200],
      prepare: () => Promise.resolve(get('/api/reports/monthly?month=2026-11')),
      check: (res) => expect(res.body).toMatchObject({ month: '2026-11', district: { id: world.districtId } }) },
    // A department's own score and rank only: no other department's id or figures in the answer.
    { route: 'GET /api/metrics/department-standing', on: 'own department, one week', want: [401, 401, 403, 403, 200, 200, 403, 403, 403, 403],
      prepare: () => Promise.resolve(get(`/api/metrics/department-standing?${PERIOD}`)),
      check: (res, who) => {
        const own = who === 'officerX' ? world.deptX.id : world.deptY.id;
        const other = who === 'officerX' ? world.deptY.id : world.deptX.id;
        expect(Object.keys(res.body as object).sort()).toEqual(['departmentId', 'dispatches', 'from', 'rank', 'ranked', 'score', 'to']);
        expect(res.body).toMatchObject({ departmentId: own });
        expect(JSON.stringify(res.body)).not.toContain(other);
      } },

    //                                                          anon bad  opA  opB  offX offY gwA  dOp  lead admin
    { route: 'POST /api/open311-keys', on: 'a new key',       want: [401, 401, 403, 403, 403, 403, 403, 403, 403, 201],
      prepare: () => Promise.resolve({ req: { method: 'post', path: '/api/open311-keys', body: { name: '12345 app' } }, snapshot: keyCount }),
      check: (res) => expect(res.body).toMatchObject({ name: '12345 app', key: expect.any(String) }) },
    { route: 'GET /api/open311-keys', on: 'every key',        want: [401, 401, 403, 403, 403, 403, 403, 403, 403, 200],
      prepare: () => Promise.resolve(get('/api/open311-keys')),
      check: (res) => expect(JSON.stringify(res.body)).not.toMatch(/keyHash|"key"/) },
    { route: 'DELETE /api/open311-keys/:id', on: 'a live key', want: [401, 401, 403, 403, 403, 403, 403, 403, 403, 200],
      prepare: async () => {
        const key = await issueKey();
        return { req: { method: 'delete', path: `/api/open311-keys/${key.id}` }, snapshot: keyState(key.id) };
      },
      check: (res) => expect(res.body).toMatchObject({ revokedAt: expect.any(String) }) },

    // Public by design: no token needed, and a bearer header (even a forged one) changes nothing.
    //                                                          anon bad  opA  opB  offX offY gwA  dOp  lead admin
    { route: 'GET /health', on: 'readiness',                  want: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
      prepare: () => Promise.resolve(get('/health')),
      check: (res) => expect(res.body).toMatchObject({ status: 'ok' }) },
    { route: 'GET /health/ready', on: 'readiness',            want: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
      prepare: () => Promise.resolve(get('/health/ready')),
      check: (res) => expect(res.body).toMatchObject({ status: 'ok', details: { database: { status: 'up' }, redis: { status: 'up' } } }) },
    { route: 'GET /health/live', on: 'liveness',              want: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
      prepare: () => Promise.resolve(get('/health/live')),
      check: (res) => expect(res.body).toMatchObject({ status: 'ok' }) },
    { route: 'GET /api/basemap', on: 'setting',               want: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
      prepare: () => Promise.resolve(get('/api/basemap')),
      check: (res) => expect(res.body).toEqual({ styleUrl: null, pmtilesUrl: '/api/basemap/tiles.pmtiles' }) },
    { route: 'GET /api/basemap/tiles.pmtiles', on: 'local archive', want: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
      prepare: () => Promise.resolve(get('/api/basemap/tiles.pmtiles')) },
    { route: 'POST /api/auth/login', on: 'operator A’s credentials', want: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
      prepare: () => Promise.resolve({
        req: { method: 'post', path: '/api/auth/login', body: { username: world.users.operatorA.username, password: PASSWORD } },
      }),
      check: (res) => expect((res.body as { user: UserView }).user.id).toBe(world.users.operatorA.id) },

    // A refresh needs the session's cookie, never a bearer token.
    //                                                          anon bad  opA  opB  offX offY gwA  dOp  lead admin
    { route: 'POST /api/auth/refresh', on: 'no refresh cookie', want: [401, 401, 401, 401, 401, 401, 401, 401, 401, 401],
      prepare: () => Promise.resolve({ req: { method: 'post', path: '/api/auth/refresh' } }) },
    { route: 'POST /api/auth/refresh', on: 'a live session’s cookie', want: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
      prepare: async () => {
        const { cookie } = await signIn(await twinOf('operatorA'));
        return { req: { method: 'post', path: '/api/auth/refresh', headers: { Cookie: cookie } } };
      },
      check: (res) => expect(res.body).toMatchObject({ accessToken: expect.any(String) }) },
    { route: 'POST /api/auth/logout', on: 'the caller’s own session', want: [401, 401, 204, 204, 204, 204, 204, 204, 204, 204],
      prepare: (who) => withOwnSession(who, { method: 'post', path: '/api/auth/logout' }) },
    { route: 'POST /api/auth/logout-all', on: 'the caller’s own sessions', want: [401, 401, 200, 200, 200, 200, 200, 200, 200, 200],
      prepare: (who) => withOwnSession(who, { method: 'post', path: '/api/auth/logout-all' }),
      check: (res) => expect(res.body).toEqual({ revoked: 1 }) },
    { route: 'POST /api/auth/password', on: 'the caller’s own password', want: [401, 401, 200, 200, 200, 200, 200, 200, 200, 200],
      prepare: (who) => withOwnSession(who, {
        method: 'post', path: '/api/auth/password', body: { currentPassword: PASSWORD, newPassword: 'Neues-Kennwort-2026' },
      }),
      check: (res) => expect(res.body).toMatchObject({ accessToken: expect.any(String) }) },

    // Accounts and the audit log: administrators only.
    //                                                          anon bad  opA  opB  offX offY gwA  dOp  lead admin
    { route: 'GET /api/users', on: 'every account',           want: [401, 401, 403, 403, 403, 403, 403, 403, 403, 200],
      prepare: () => Promise.resolve(get('/api/users')) },
    { route: 'GET /api/users/:id', on: 'operator A',          want: [401, 401, 403, 403, 403, 403, 403, 403, 403, 200],
      prepare: () => Promise.resolve(get(`/api/users/${world.users.operatorA.id}`)),
      check: (res) => expect(JSON.stringify(res.body)).not.toContain('passwordHash') },
    { route: 'POST /api/users', on: 'a new street operator of A', want: [401, 401, 403, 403, 403, 403, 403, 403, 403, 201],
      prepare: () => Promise.resolve({
        req: { method: 'post', path: '/api/users', body: {
          username: `authz.new.${++accounts}.${Date.now()}`, displayName: '新街道操作员', role: 'street_operator', streetId: world.streetA.street.id,
        } },
        snapshot: () => env.db.getRepository(User).count(),
      }) },
    { route: 'PATCH /api/users/:id', on: 'another account',   want: [401, 401, 403, 403, 403, 403, 403, 403, 403, 200],
      prepare: async () => {
        const target = await twinOf('operatorB');
        return { req: { method: 'patch', path: `/api/users/${target.id}`, body: { displayName: '改名后' } }, snapshot: userState(target.id) };
      },
      check: (res) => expect(res.body).toMatchObject({ displayName: '改名后' }) },
    { route: 'POST /api/users/:id/password-reset', on: 'another account', want: [401, 401, 403, 403, 403, 403, 403, 403, 403, 200],
      prepare: async () => {
        const target = await twinOf('officerY');
        return { req: { method: 'post', path: `/api/users/${target.id}/password-reset`, body: {} }, snapshot: userState(target.id) };
      } },
    { route: 'POST /api/users/:id/sessions/revoke', on: 'another account, signed in', want: [401, 401, 403, 403, 403, 403, 403, 403, 403, 200],
      prepare: async () => {
        const target = await twinOf('operatorB');
        const { token } = await signIn(target);
        return { req: { method: 'post', path: `/api/users/${target.id}/sessions/revoke` }, snapshot: meWith(token) };
      },
      check: (res) => expect(res.body).toEqual({ revoked: 1 }) },
    { route: 'GET /api/audit-log', on: 'every entry',         want: [401, 401, 403, 403, 403, 403, 403, 403, 403, 200],
      prepare: () => Promise.resolve(get('/api/audit-log')) },

    // Open311 GeoReport v2: reading is open to anyone; creating needs the api_key, never a bearer token.
    //                                                          anon bad  opA  opB  offX offY gwA  dOp  lead admin
    { route: 'GET /open311/v2/discovery.:format', on: 'json', want: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
      prepare: () => Promise.resolve(get('/open311/v2/discovery.json')) },
    { route: 'GET /open311/v2/services.:format', on: 'xml',   want: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
      prepare: () => Promise.resolve(get('/open311/v2/services.xml')) },
    { route: 'GET /open311/v2/services/:code.:format', on: 'street_vending.json', want: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
      prepare: () => Promise.resolve(get('/open311/v2/services/street_vending.json')) },
    { route: 'POST /open311/v2/requests.:format', on: 'no api_key', want: [403, 403, 403, 403, 403, 403, 403, 403, 403, 403],
      prepare: () => Promise.resolve({ req: { method: 'post', path: '/open311/v2/requests.json', form: open311Form() }, snapshot: rowCount(Incident) }) },
    { route: 'POST /open311/v2/requests.:format', on: 'a live api_key', want: [201, 201, 201, 201, 201, 201, 201, 201, 201, 201],
      prepare: async () => ({ req: { method: 'post', path: '/open311/v2/requests.json', form: open311Form((await issueKey()).key) } }) },
    { route: 'GET /open311/v2/requests.:format', on: 'json',  want: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
      prepare: () => Promise.resolve(get('/open311/v2/requests.json')) },
    { route: 'GET /open311/v2/requests/:id.:format', on: 'a request in street A', want: [200, 200, 200, 200, 200, 200, 200, 200, 200, 200],
      prepare: async () => get(`/open311/v2/requests/${await open311Request()}.json`) },
    { route: 'GET /open311/v2/tokens/:token.:format', on: 'any token', want: [404, 404, 404, 404, 404, 404, 404, 404, 404, 404],
      prepare: () => Promise.resolve(get('/open311/v2/tokens/abc.json')) },
  ];

  /** A token signed with another secret, claiming to be the administrator. */
  const forgedToken = () =>
    new JwtService({ secret: 'some-other-secret-of-enough-length' }).sign({
      sub: world.users.admin.id,
      role: 'admin',
      did: world.districtId,
      sid: null,
      dep: null,
    });

  async function send(who: Who, req: Req, token?: string): Promise<Response> {
    const test = request(app.url)[req.method](req.path);
    if (who === 'badToken') test.set('Authorization', `Bearer ${forgedToken()}`);
    else if (who !== 'anonymous') test.set('Authorization', `Bearer ${token ?? actors[who].token}`);
    for (const [name, value] of Object.entries(req.headers ?? {})) void test.set(name, value);
    if (req.multipart) {
      for (const [name, value] of Object.entries(req.multipart.fields)) void test.field(name, value);
      for (const f of req.multipart.files)
        void test.attach(f.field, f.bytes, { filename: f.name, contentType: f.type });
      return await test;
    }
    if (req.form) return await test.type('form').send(req.form);
    return req.body ? await test.send(req.body) : await test;
  }

  /** The route a row is about: its key without the `?query` or ` (variant)` note. */
  const routeOf = (row: Row) => row.route.replace(/ \(.*\)$/, '').replace(/\?.*$/, '');

  const cells = MATRIX.flatMap((row) => COLUMNS.map((who, i) => ({ row, who, status: row.want[i] })));

  it.each(cells.map((c) => [`${c.row.route} on ${c.row.on}`, c.who, c.status, c] as const))(
    '%s as %s → %i',
    async (_name, who, status, { row }) => {
      const prepared = await row.prepare(who);
      // The row must really exercise the route it names.
      const route = routes.find((r) => r.key === routeOf(row));
      const { method, path } = prepared.req;
      expect({ path, matches: route !== undefined && routeMatches(route, method, path) }).toEqual({
        path,
        matches: true,
      });
      const before = await prepared.snapshot?.();
      const res = await send(who, prepared.req, prepared.token);
      expect({ status: res.status, body: res.body as unknown }).toMatchObject({ status });
      if (status >= 400) {
        // Open311 answers errors in its spec's format; everything else as an ApiErrorBody.
        if (path.startsWith('/open311/'))
          expect(res.body).toEqual([{ code: status, description: expect.any(String) }]);
        else expect(res.body).toMatchObject({ statusCode: status });
        if (prepared.snapshot) expect(await prepared.snapshot()).toEqual(before);
      } else if (row.check && who !== 'anonymous' && who !== 'badToken') {
        row.check(res, who);
      }
    },
  );

  // ---- the table against the app's own routes --------------------------------------------------

  it('has a row for every route the app serves', () => {
    const covered = new Set(MATRIX.map(routeOf));
    expect(routes.map((r) => r.key).filter((key) => !covered.has(key))).toEqual([]);
  });

  it('names no route the app does not serve', () => {
    const served = new Set(routes.map((r) => r.key));
    expect([...new Set(MATRIX.map(routeOf))].filter((key) => !served.has(key))).toEqual([]);
  });

  it('agrees with every route’s @Public and @Roles', () => {
    const contradictions = MATRIX.flatMap((row) => {
      const route = routes.find((r) => r.key === routeOf(row));
      if (!route) return [];
      return COLUMNS.flatMap((who, i) => {
        const problem = guardContradiction(route, who, row.want[i], row);
        return problem ? [`${row.route} on ${row.on} as ${who}: ${problem}`] : [];
      });
    });
    expect(contradictions).toEqual([]);
  });

  /** Where the table's status for a caller contradicts what the auth guard alone must answer. */
  function guardContradiction(route: DiscoveredRoute, who: Who, want: number, row: Row): string | null {
    // A public route may refuse on its own credentials (api_key, refresh cookie), but a bearer
    // token, even a forged one, changes nothing.
    if (route.isPublic)
      return who === 'badToken' && want !== row.want[0] ? 'a bearer header changed the answer' : null;
    if (who === 'anonymous' || who === 'badToken') return want === 401 ? null : 'no valid token must be 401';
    const role = world.users[who].role;
    if (route.roles && !route.roles.includes(role))
      return want === 403 ? null : `@Roles excludes ${role}: 403`;
    return null;
  }

  it('discovers every controller route the HTTP router holds; besides them it holds only the API docs', () => {
    const served = servedRoutes(app.app);
    const discovered = routes.map((r) => r.key);
    expect(discovered.filter((key) => !served.includes(key))).toEqual([]);
    expect(served.filter((key) => !discovered.includes(key) && !key.startsWith('GET /api/docs'))).toEqual([]);
  });

  it('the API docs, served outside the controllers, are public by design', async () => {
    const docs = servedRoutes(app.app).filter((key) => !routes.some((r) => r.key === key));
    expect(docs).toEqual(expect.arrayContaining(['GET /api/docs', 'GET /api/docs-json']));
    const answers = await Promise.all(
      docs.map(async (key) => ({
        key,
        status: (await request(app.url).get(key.slice('GET '.length))).status,
      })),
    );
    // Swagger UI also routes a few asset paths it may not ship (LICENSE): those are 404, never 401/403.
    expect(answers.filter((a) => ![200, 404].includes(a.status))).toEqual([]);
    expect(answers.filter((a) => ['GET /api/docs', 'GET /api/docs-json'].includes(a.key))).toEqual([
      { key: 'GET /api/docs', status: 200 },
      { key: 'GET /api/docs-json', status: 200 },
    ]);
  });

  // ---- credentials ----------------------------------------------------------------------------

  it.each(ACTOR_NAMES)('POST /api/auth/login as %s → 200 with a token and the user', async (name) => {
    const user = world.users[name];
    const res = await request(app.url)
      .post('/api/auth/login')
      .send({ username: user.username, password: PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      accessToken: expect.any(String),
      user: { id: user.id, role: user.role },
    });
    expect(JSON.stringify(res.body)).not.toContain('passwordHash');
  });

  it('POST /api/auth/login: a wrong password and an unknown user get the same 401', async () => {
    const wrong = await request(app.url)
      .post('/api/auth/login')
      .send({ username: world.users.operatorA.username, password: 'not-the-password' });
    const unknown = await request(app.url)
      .post('/api/auth/login')
      .send({ username: 'nobody-at-all', password: 'not-the-password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
  });

  it('POST /api/auth/login is public: a forged bearer header does not stop it', async () => {
    const res = await request(app.url)
      .post('/api/auth/login')
      .set('Authorization', `Bearer ${forgedToken()}`)
      .send({ username: world.users.officerY.username, password: PASSWORD });
    expect(res.status).toBe(200);
  });

  it('POST /api/auth/login refuses a deactivated user', async () => {
    const user = await createUser(env.db, {
      role: 'street_operator',
      districtId: world.districtId,
      streetId: world.streetA.street.id,
    });
    await env.db.getRepository(User).update({ id: user.id }, { active: false });
    const res = await request(app.url)
      .post('/api/auth/login')
      .send({ username: user.username, password: PASSWORD });
    expect(res.status).toBe(401);
  });

  const badCredentials: [string, () => string][] = [
    ['an expired token', () => new JwtService({ secret: jwtSecret }).sign(claimsOf('admin', -60))],
    [
      'a token with an unknown role',
      () => new JwtService({ secret: jwtSecret }).sign(claimsOf('superuser', 3600)),
    ],
    ['a token signed with another secret', () => forgedToken()],
    ['a token that is not a JWT', () => 'abc.def.ghi'],
    ['an empty bearer', () => ''],
  ];

  function claimsOf(role: string, expiresInSeconds: number) {
    return {
      sub: world.users.admin.id,
      role,
      did: world.districtId,
      sid: null,
      dep: null,
      exp: Math.floor(Date.now() / 1000) + expiresInSeconds,
    };
  }

  it.each(badCredentials)(
    '%s gets 401 from every kind of route and the socket handshake',
    async (_label, token) => {
      const bearer = `Bearer ${token()}`;
      const paths: [Req['method'], string][] = [
        ['get', '/api/auth/me'],
        ['get', '/api/streets'],
        ['get', '/api/metrics/summary'],
        ['post', '/api/incidents'],
        ['put', '/api/timer-rules'],
      ];
      for (const [method, path] of paths) {
        const res = await request(app.url)[method](path).set('Authorization', bearer).send({});
        expect({ path, status: res.status }).toEqual({ path, status: 401 });
      }
      expect(await handshake({ token: token() })).toBe('unauthorized');
    },
  );

  it('a non-Bearer Authorization header gets 401', async () => {
    const res = await request(app.url)
      .get('/api/auth/me')
      .set('Authorization', `Basic ${actors.admin.token}`);
    expect(res.status).toBe(401);
  });

  // ---- socket handshake -------------------------------------------------------------------------

  /** Resolves 'connected' or the handshake error's message. */
  function handshake(auth: Record<string, unknown> | undefined): Promise<string> {
    const socket = io(app.url, {
      ...(auth ? { auth } : {}),
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    return new Promise((resolve) => {
      socket.once('connect', () => {
        socket.close();
        resolve('connected');
      });
      socket.once('connect_error', (err) => {
        socket.close();
        resolve(err.message);
      });
    });
  }

  it('socket handshake without any auth is refused', async () => {
    expect(await handshake(undefined)).toBe('unauthorized');
    expect(await handshake({})).toBe('unauthorized');
  });

  it('socket handshake with a malformed lastEventId is refused, even with a good token', async () => {
    expect(await handshake({ token: actors.operatorA.token, lastEventId: 'DROP TABLE' })).toMatch(
      /lastEventId/,
    );
  });

  it.each(ACTOR_NAMES)('socket handshake as %s is accepted', async (name) => {
    expect(await handshake({ token: actors[name].token })).toBe('connected');
  });

  it('live events and their replay reach only the rooms the token’s scope allows', async () => {
    const live = Object.fromEntries(
      await Promise.all(
        ACTOR_NAMES.map(async (name) => [name, await connect(app.url, actors[name].token)] as const),
      ),
    ) as Record<ActorName, Recorder>;
    sockets.push(...Object.values(live));
    const d = await dispatchFor('X', 'A', 'accepted', 1);
    await live.districtOperator.waitFor(
      'dispatch.updated',
      (e) => e.payload.id === d.id && e.payload.change === 'accept',
    );
    await live.officerX.waitFor(
      'dispatch.updated',
      (e) => e.payload.id === d.id && e.payload.change === 'accept',
    );
    await live.operatorA.waitFor('incident.updated', (e) => e.payload.id === d.incidentId);
    await live.leaderA.waitFor('dispatch.created', (e) => e.payload.id === d.id);
    await live.admin.waitFor('whistle.created', (e) => e.payload.incidentId === d.incidentId);
    // Everything committed was delivered to the district by now; the outsiders heard none of it.
    const heardOf = (r: Recorder) => r.events.filter((e) => JSON.stringify(e.payload).includes(d.incidentId));
    for (const outsider of ['operatorB', 'officerY', 'gridWorkerA'] as const) {
      expect({ outsider, heard: heardOf(live[outsider]) }).toEqual({ outsider, heard: [] });
    }
    // Replaying the whole log does not widen the scope either.
    for (const outsider of ['operatorB', 'officerY', 'gridWorkerA'] as const) {
      const replayed = await reconnect(app.url, actors[outsider].token, '0');
      sockets.push(replayed);
      expect({ outsider, heard: heardOf(replayed) }).toEqual({ outsider, heard: [] });
    }
    const replayedX = await reconnect(app.url, actors.officerX.token, '0');
    sockets.push(replayedX);
    expect(heardOf(replayedX).map((e) => e.type)).toEqual(
      expect.arrayContaining(['incident.updated', 'dispatch.created', 'dispatch.updated']),
    );
    // A summoned department hears of the whistle through its own dispatch, not twice.
    expect(heardOf(replayedX).map((e) => e.type)).not.toContain('whistle.created');
  });

  // ---- what lists show --------------------------------------------------------------------------

  it('lists only show what the caller’s scope may see', async () => {
    const xa = await dispatchFor('X', 'A', 'pending');
    const yb = await dispatchFor('Y', 'B', 'pending');
    const a1 = await registered('A', 1);

    const listIncidents = async (who: ActorName) =>
      ((await must(actors[who].get('/api/incidents?limit=500'), 200, 'list')).body as Page<IncidentView>)
        .items;
    const listDispatches = async (who: ActorName) =>
      (await must(actors[who].get('/api/dispatches?limit=500'), 200, 'list')).body as DispatchView[];

    const opA = await listIncidents('operatorA');
    expect(opA.every((i) => i.streetId === world.streetA.street.id)).toBe(true);
    expect(opA.map((i) => i.id)).toEqual(expect.arrayContaining([xa.incidentId, a1.id]));

    const offY = await listIncidents('officerY');
    expect(offY.map((i) => i.id)).toContain(yb.incidentId);
    expect(offY.map((i) => i.id)).not.toContain(xa.incidentId);
    expect(offY.map((i) => i.id)).not.toContain(a1.id);

    const gw = await listIncidents('gridWorkerA');
    expect(gw.map((i) => i.id)).toContain(xa.incidentId);
    expect(gw.every((i) => i.gridId === world.streetA.grids[0]?.id)).toBe(true);

    const district = await listIncidents('leaderA');
    expect(district.map((i) => i.id)).toEqual(expect.arrayContaining([xa.incidentId, yb.incidentId, a1.id]));

    const inboxX = await listDispatches('officerX');
    expect(inboxX.map((d) => d.id)).toContain(xa.id);
    expect(inboxX.every((d) => d.departmentId === world.deptX.id)).toBe(true);

    const inboxB = await listDispatches('operatorB');
    expect(inboxB.map((d) => d.id)).toContain(yb.id);
    expect(inboxB.every((d) => d.streetId === world.streetB.street.id)).toBe(true);

    expect(await listDispatches('gridWorkerA')).toEqual([]);
  });

  it('a department sees no trace of another department’s dispatch on a joint whistle', async () => {
    const incident = await registered('A');
    const whistle = await blowWhistle(actors.operatorA, incident.id, [world.deptX.id, world.deptY.id]);
    const dy = whistle.dispatches.find((d) => d.departmentId === world.deptY.id) as DispatchView;
    await must(
      actors.officerY.post(`/api/dispatches/${dy.id}/reject`, { reason: 'Y 部门内部理由' }),
      200,
      'reject',
    );

    // The dispatch route hides Y's dispatch from X as if it did not exist …
    expect((await actors.officerX.get(`/api/dispatches/${dy.id}`)).status).toBe(404);
    // … so the incident route must not hand it over either.
    const seenByX = await incidentDetail(actors.officerX, incident.id);
    expect(pathsContaining(seenByX, dy.id)).toEqual([]);
    expect(pathsContaining(seenByX, 'Y 部门内部理由')).toEqual([]);
  });

  // ---- back-to-back ratings (背对背) -------------------------------------------------------------

  it('back-to-back: officer X never sees the score, the comment or the rater, nor a figure it moves', async () => {
    const xSocket = await connect(app.url, actors.officerX.token);
    sockets.push(xSocket);
    const comment = `背对背评语-${Date.now()}`;
    const resolved = await dispatchFor('X', 'A', 'resolved');
    const summaryOf = async (who: ActorName) =>
      (await must(actors[who].get('/api/metrics/summary'), 200, 'metrics')).body as MetricsSummary;
    const xBefore = await summaryOf('officerX');
    await must(
      actors.operatorA.post(`/api/dispatches/${resolved.id}/verify`, { passed: true, rating: 4, comment }),
      200,
      'verify',
    );
    // The rating exists, so there is something to hide.
    expect(await env.db.getRepository(Rating).findOneByOrFail({ dispatchId: resolved.id })).toMatchObject({
      score: 4,
      comment,
      ratedById: world.users.operatorA.id,
      departmentId: world.deptX.id,
    });
    await xSocket.waitFor(
      'dispatch.updated',
      (e) => e.payload.id === resolved.id && e.payload.change === 'verify',
    );
    await xSocket.waitFor(
      'incident.updated',
      (e) => e.payload.id === resolved.incidentId && e.payload.status === 'verified',
    );

    const ratingKeys = ['rating', 'score', 'comment', 'ratedBy', 'ratedById', 'rater', 'raterId'];
    const dispatchSeen = await dispatchView(actors.officerX, resolved.id);
    const incidentSeen = await incidentDetail(actors.officerX, resolved.incidentId);
    const inboxSeen = (await must(actors.officerX.get('/api/dispatches?status=verified'), 200, 'inbox'))
      .body as unknown;
    const socketSeen = xSocket.events.filter((e) => e.type !== 'metrics.updated').map((e) => e.payload);
    for (const seen of [dispatchSeen, incidentSeen, inboxSeen, socketSeen]) {
      expect([...allKeys(seen)].filter((k) => ratingKeys.includes(k))).toEqual([]);
      expect(JSON.stringify(seen)).not.toContain(comment);
    }
    // The dispatch itself names nobody from the street.
    expect(JSON.stringify(dispatchSeen)).not.toContain(world.users.operatorA.id);
    // Nor do the verification's live events.
    const verifyEvents = xSocket.events.filter((e) => JSON.stringify(e.payload).includes('verif'));
    expect(verifyEvents.length).toBeGreaterThan(0);
    for (const e of verifyEvents) expect(JSON.stringify(e)).not.toContain(world.users.operatorA.id);
    // The timeline row of the verification carries no rating.
    const verifyRow = incidentSeen.timeline.find((t) => t.summary.change === 'verify');
    expect(verifyRow?.summary).toMatchObject({
      change: 'verify',
      status: 'verified',
      dispatchId: resolved.id,
    });

    // Metrics. The district, above the raters, sees the live aggregate of all X's ratings (other
    // tests in this file rated X too) …
    const [stored] = await env.db.query<{ average: number; count: number }[]>(
      'SELECT avg(score)::float8 AS average, count(*)::int AS count FROM ratings WHERE department_id = $1',
      [world.deptX.id],
    );
    const aggregate = { average: Math.round((stored?.average ?? 0) * 100) / 100, count: stored?.count };
    expect((await summaryOf('leaderA')).ratings).toEqual(aggregate);
    // … X only the daily snapshot: all these ratings were given today, so X sees no rating figure,
    // and nothing in its summary moved with this verification but its open counts.
    const summary = await summaryOf('officerX');
    expect(summary.scope).toEqual({ kind: 'department', id: world.deptX.id });
    expect(summary.ratings).toEqual({ average: null, count: null });
    const { generatedAt: _a, open: _b, ...xAfter } = summary;
    const { generatedAt: _c, open: _d, ...xEarlier } = xBefore;
    expect(xAfter).toEqual(xEarlier);
    const metricsJson = JSON.stringify(summary);
    for (const secret of [comment, world.users.operatorA.id, resolved.id])
      expect(metricsJson).not.toContain(secret);
    expect(
      [...allKeys(summary)].filter((k) =>
        ['comment', 'ratedById', 'ratedBy', 'rater', 'dispatchId'].includes(k),
      ),
    ).toEqual([]);
    const xRow = summary.departmentRanking.find((r) => r.id === world.deptX.id);
    expect(xRow?.components).toMatchObject({ averageRating: null, ratings: null });
    // Street rankings carry no rating at all, so no street can be tied to a mark.
    for (const row of summary.streetRanking) {
      expect(Object.keys(row.components).filter((k) => /rating/i.test(k))).toEqual([]);
    }
  });

  it('back-to-back: the incident timeline does not tell officer X who rated it', async () => {
    const resolved = await dispatchFor('X', 'A', 'resolved');
    await must(
      actors.operatorA.post(`/api/dispatches/${resolved.id}/verify`, {
        passed: true,
        rating: 2,
        comment: '迟到',
      }),
      200,
      'verify',
    );
    const timeline = (await incidentDetail(actors.officerX, resolved.incidentId)).timeline;
    const verifyRow = timeline.find(
      (t) => t.summary.change === 'verify' && t.summary.dispatchId === resolved.id,
    );
    expect(verifyRow).toBeDefined();
    // DESIGN.md §2: "a department never sees who rated it".
    expect(verifyRow?.actor?.id).not.toBe(world.users.operatorA.id);
  });

  // ---- tough-problem whistle (双报到) ------------------------------------------------------------

  it('a tough whistle summons leader A, who alone may accept and arrive; officer X cannot touch it', async () => {
    const incident = await registered('A');
    const res = await must(
      actors.operatorA.post(`/api/incidents/${incident.id}/whistles`, {
        type: 'tough',
        departmentIds: [world.deptX.id],
        note: '攻坚',
      }),
      201,
      'tough whistle',
    );
    const whistle = res.body as WhistleView;
    expect(whistle.dispatches.map((d) => d.departmentId)).toEqual([world.deptX.id]);
    expect(whistle.leaderDispatches).toHaveLength(1);
    const lead = whistle.leaderDispatches[0];
    expect(lead).toMatchObject({
      assigneeKind: 'leader',
      leaderUserId: world.users.leaderA.id,
      departmentId: null,
      whistleType: 'tough',
      status: 'pending',
      streetId: world.streetA.street.id,
    });
    // Tough deadlines: accept 30 min, arrive 1 day.
    expect(Date.parse(lead.acceptBy) - Date.parse(lead.createdAt)).toBe(30 * 60_000);
    expect(Date.parse(lead.arriveBy) - Date.parse(lead.createdAt)).toBe(86_400_000);

    // The leader's inbox leads with their own summons and offers accept.
    const inbox = (await must(actors.leaderA.get('/api/dispatches'), 200, 'inbox')).body as DispatchView[];
    expect(inbox[0]).toMatchObject({ id: lead.id, actions: ['accept', 'reject'] });

    const bodies: Record<string, object> = {
      accept: {},
      arrive: {},
      reject: { reason: '不是我们的' },
      cancel: {},
    };
    for (const [action, body] of Object.entries(bodies)) {
      const byX = await actors.officerX.post(`/api/dispatches/${lead.id}/${action}`, body);
      expect({ action, status: byX.status }).toEqual({ action, status: 404 });
    }
    expect((await actors.officerX.get(`/api/dispatches/${lead.id}`)).status).toBe(404);
    expect((await actors.operatorA.post(`/api/dispatches/${lead.id}/accept`)).status).toBe(403);
    const unpaired = await login(app.url, unpairedLeader);
    expect((await unpaired.post(`/api/dispatches/${lead.id}/accept`)).status).toBe(403);
    expect((await dispatchView(actors.admin, lead.id)).status).toBe('pending');

    expect((await actors.leaderA.post(`/api/dispatches/${lead.id}/accept`)).body).toMatchObject({
      status: 'accepted',
      actions: ['arrive'],
    });
    expect((await actors.officerX.post(`/api/dispatches/${lead.id}/arrive`, {})).status).toBe(404);
    expect(
      (await actors.leaderA.post(`/api/dispatches/${lead.id}/arrive`, { location: at('A') })).body,
    ).toMatchObject({
      status: 'arrived',
      arrivalLocation: at('A'),
    });
    // The department's own dispatch is still X's to act on, and the leader's moves do not drive the incident.
    expect((await incidentDetail(actors.operatorA, incident.id)).status).toBe('dispatched');
    const dx = whistle.dispatches[0];
    expect((await actors.leaderA.post(`/api/dispatches/${dx.id}/accept`)).status).toBe(403);
    expect((await actors.officerX.post(`/api/dispatches/${dx.id}/accept`)).body).toMatchObject({
      status: 'accepted',
    });
    expect((await incidentDetail(actors.operatorA, incident.id)).status).toBe('in_progress');
  });
});
