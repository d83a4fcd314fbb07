import type { Type } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import fc from 'fast-check';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { io } from 'socket.io-client';
import request, { type Response } from 'supertest';
import type { ApiErrorBody, IssuedOpen311ApiKey, PhotoView, Role } from '@whistle/shared';
import { blowWhistle, loginAll, must, registeredIncident, type Actors } from './support/api-driver';
import { login } from './support/clients';
import { createUser, PASSWORD, type UserSpec } from './support/factories';
import {
  anyJson,
  anyString,
  formFields,
  mutated,
  pathValue,
  queryString,
  type Json,
  type JsonObject,
} from './support/fuzz-inputs';
import { discoverRoutes, fillPath, type DiscoveredRoute } from './support/routes';
import { TestEnv, type RunningTestApp } from './support/test-app';
import { createWorld, type World } from './support/world';

/**
 * Property-based fuzzing of every route the app serves (found from its own metadata) and of the
 * socket handshake: arbitrary and half-valid bodies, query strings and path parameters, sent with
 * a token of a role the route admits. The server must never answer 5xx, never hang, and must name
 * the fields of every 400.
 *
 * Seeded, so every run sends the same requests. A failure prints fast-check's seed and path:
 * FUZZ_SEED=<seed> FUZZ_PATH=<path> FUZZ_ROUTE='<route key>' replays it (FUZZ_ROUTE picks the routes
 * whose key contains it); FUZZ_RUNS raises the number of runs.
 */

const BASE_SEED = 20_261_202;
const RUNS = Number(process.env.FUZZ_RUNS ?? 20);
const SOCKET_RUNS = Number(process.env.FUZZ_RUNS ?? 30);
const ONLY_ROUTE = process.env.FUZZ_ROUTE;
/** Generous for a loaded two-core machine; a request past it counts as a hang. */
const REQUEST_TIMEOUT_MS = 15_000;

/** A valid request to start mutating from: a JSON body, form fields, a query. */
interface Sample {
  body?: JsonObject;
  fields?: Record<string, string>;
  query?: Record<string, string>;
}

/** What one run sends besides the route's path parameters. */
type Payload =
  | { kind: 'none' }
  | { kind: 'json'; value: Json }
  | { kind: 'form'; fields: Record<string, string | string[]> }
  | { kind: 'multipart'; fields: Record<string, string | string[]> };

interface Targets {
  incidentId: string;
  otherIncidentId: string;
  dispatchId: string;
  photoId: string;
  orderNo: string;
  requestId: string;
  /** Revoked by the fuzzing of DELETE /api/open311-keys/:id, so no other route depends on it. */
  spareKeyId: string;
  /** The account the /api/users/:id routes are fuzzed on: no caller depends on it. */
  userId: string;
  apiKey: string;
  grids: object;
}

describe('fuzzing', () => {
  let env: TestEnv;
  let app: RunningTestApp;
  let world: World;
  let actors: Actors;
  let routes: DiscoveredRoute[];
  let targets: Targets;
  let photoDir: string;

  beforeAll(async () => {
    env = await TestEnv.create();
    world = await createWorld(env);
    photoDir = await mkdtemp(join(tmpdir(), 'whistle-fuzz-'));
    app = await env.start('both', {
      PHOTO_DIR: photoDir,
      // Fuzzing calls far faster than any person: the limits would answer 429 before the checks.
      LOGIN_LIMIT_PER_IP: '100000',
      LOGIN_LIMIT_PER_ACCOUNT: '100000',
      UPLOAD_LIMIT_PER_MINUTE: '100000',
      IMPORT_LIMIT_PER_HOUR: '100000',
    });
    actors = await loginAll(app.url, world);
    routes = discoverRoutes(app.app);
    targets = await buildTargets();
  }, 120_000);

  afterAll(async () => {
    await env.destroy();
    await rm(photoDir, { recursive: true, force: true });
  }, 60_000);

  async function buildTargets(): Promise<Targets> {
    const { operatorA, admin, districtOperator } = actors;
    const point = world.streetA.points[0];
    const incident = await registeredIncident(operatorA, point);
    const other = await registeredIncident(operatorA, point);
    const whistle = await blowWhistle(operatorA, incident.id, [world.deptX.id]);
    const dispatchId = whistle.dispatches[0]?.id ?? '';
    const photo = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#c84' } })
      .jpeg()
      .toBuffer();
    const attached = await must(
      request(app.url)
        .post(`/api/incidents/${incident.id}/photos`)
        .set('Authorization', `Bearer ${admin.token}`)
        .attach('photos', photo, { filename: 'a.jpg', contentType: 'image/jpeg' }),
      201,
      'attach photo',
    );
    const orderNo = 'FUZZ-000001';
    await must(districtOperator.post('/api/hotline/orders', { ...hotlineOrder(), orderNo }), 201, 'order');
    const issue = async (name: string) =>
      (await must(admin.post('/api/open311-keys', { name, rateLimitPerMinute: 100_000 }), 201, 'key'))
        .body as IssuedOpen311ApiKey;
    const apiKey = (await issue('fuzzing')).key;
    const spareKeyId = (await issue('revoked by fuzzing')).id;
    const created = await must(
      request(app.url)
        .post('/open311/v2/requests.json')
        .type('form')
        .send({
          api_key: apiKey,
          service_code: 'street_vending',
          lat: String(point.lat),
          long: String(point.lng),
        }),
      201,
      'open311 request',
    );
    const grids = (await must(admin.get('/api/boundaries/grids'), 200, 'grids')).body as object;
    const account = await createUser(env.db, {
      role: 'street_operator',
      districtId: world.districtId,
      streetId: world.streetA.street.id,
    });
    return {
      incidentId: incident.id,
      otherIncidentId: other.id,
      dispatchId,
      photoId: (attached.body as PhotoView[])[0]?.id ?? '',
      orderNo,
      requestId: (created.body as { service_request_id: string }[])[0]?.service_request_id ?? '',
      spareKeyId,
      userId: account.id,
      apiKey,
      grids,
    };
  }

  const hotlineOrder = () => ({
    orderNo: 'FUZZ-000002',
    receivedAt: '2026-11-21 08:00:00',
    category: '违章停车',
    description: '小区门口车辆乱停放',
    lng: world.streetA.points[0].lng,
    lat: world.streetA.points[0].lat,
  });

  /** Valid requests per route, the starting points of mutation. A route without one is fuzzed from `{}`. */
  function sampleOf(route: DiscoveredRoute): Sample {
    const at = world.streetA.points[1];
    const location = { lng: at.lng, lat: at.lat };
    const samples: Record<string, Sample> = {
      'POST /api/auth/login': { body: { username: world.users.operatorA.username, password: PASSWORD } },
      'POST /api/incidents': {
        body: {
          title: '井盖缺失',
          category: 'road_facilities',
          priority: 'high',
          location,
          source: 'operator',
        },
      },
      'POST /api/incidents/report': {
        fields: {
          lng: String(at.lng),
          lat: String(at.lat),
          category: 'street_vending',
          description: '占道经营',
          title: '流动摊贩',
          priority: 'normal',
        },
      },
      'POST /api/incidents/:id/photos': { fields: { dispatchId: targets.dispatchId } },
      'POST /api/incidents/:id/reject': { body: { reason: '重复上报' } },
      'POST /api/incidents/:id/merge': { body: { intoIncidentId: targets.otherIncidentId } },
      'POST /api/incidents/:id/standing': { body: { reason: '涉及历史遗留问题', reviewOn: '2030-06-30' } },
      'POST /api/incidents/:id/site-checks': { body: { fixed: false, note: '摊位仍在' } },
      'POST /api/incidents/:incidentId/whistles': {
        body: { type: 'key_work', departmentIds: [world.deptX.id], note: '请速处置' },
      },
      'GET /api/incidents': {
        query: { limit: '20', streetId: world.streetA.street.id, status: 'registered' },
      },
      'GET /api/dispatches': { query: { status: 'pending' } },
      'GET /api/grids': { query: { streetId: world.streetA.street.id } },
      'POST /api/dispatches/tasks': {
        body: {
          streetId: world.streetA.street.id,
          title: '油烟扰民',
          category: 'environment',
          priority: 'normal',
          location,
        },
      },
      'POST /api/dispatches/:id/reject': { body: { reason: '不属于本部门职责' } },
      'POST /api/dispatches/:id/arrive': { body: { location } },
      'POST /api/dispatches/:id/resolve': { body: { note: '已清理' } },
      'POST /api/dispatches/:id/verify': { body: { passed: true, rating: 4, comment: '及时' } },
      'POST /api/dispatches/:id/cancel': { body: { reason: '已撤销' } },
      'PUT /api/streets/:streetId/admission-list': { body: { categories: ['noise', 'sanitation'] } },
      'PUT /api/timer-rules': {
        body: { whistleType: 'emergency', priority: 'low', limits: { accept: 6, arrive: 31, resolve: 241 } },
      },
      'GET /api/metrics/trends': {
        query: { from: '2026-11-01T00:00:00+08:00', to: '2026-11-02T00:00:00+08:00', bucket: 'hour' },
      },
      'GET /api/metrics/rankings': {
        query: { from: '2026-11-01T00:00:00+08:00', to: '2026-11-08T00:00:00+08:00' },
      },
      'GET /api/metrics/grid-load': {
        query: { from: '2026-11-01T00:00:00+08:00', to: '2026-11-08T00:00:00+08:00' },
      },
      'POST /api/hotline/orders': { body: hotlineOrder() },
      'POST /api/hotline/orders/:orderNo/satisfaction': { body: { result: '满意' } },
      'POST /api/boundaries/import': { body: { grids: targets.grids as Json } },
      'POST /api/boundaries/validate': { body: { grids: targets.grids as Json } },
      'POST /api/open311-keys': { body: { name: '12345 app', rateLimitPerMinute: 10 } },
      'POST /open311/v2/requests.:format': {
        fields: {
          api_key: targets.apiKey,
          service_code: 'street_vending',
          lat: String(at.lat),
          long: String(at.lng),
          description: '占道经营',
          'attribute[vendor_kind]': 'food',
        },
      },
      'POST /api/auth/password': { body: { currentPassword: PASSWORD, newPassword: 'Neues-Kennwort-2026' } },
      'GET /api/users': { query: { q: 'street', role: 'street_operator', active: 'true', limit: '20' } },
      'POST /api/users': {
        body: {
          username: 'fuzz.user.01',
          displayName: '模糊测试',
          role: 'dept_officer',
          departmentId: world.deptX.id,
        },
      },
      'PATCH /api/users/:id': {
        body: {
          displayName: '改名',
          role: 'street_operator',
          streetId: world.streetB.street.id,
          active: true,
        },
      },
      'POST /api/users/:id/password-reset': { body: { temporaryPassword: 'Temp-Kennwort-2026' } },
      'GET /api/audit-log': {
        query: {
          action: 'auth.login',
          from: '2026-01-01T00:00:00Z',
          to: '2036-01-01T00:00:00Z',
          limit: '50',
        },
      },
      'GET /open311/v2/requests.:format': {
        query: { service_code: 'street_vending', status: 'open', start_date: '2026-11-01T00:00:00Z' },
      },
    };
    return samples[route.key] ?? {};
  }

  /** A real value for a path parameter, so most runs get past it to the body and query. */
  function realParam(route: DiscoveredRoute, name: string): string | undefined {
    const byPath: [string, string][] = [
      ['/api/incidents/', targets.incidentId],
      ['/api/dispatches/', targets.dispatchId],
      ['/api/photos/', targets.photoId],
      ['/api/open311-keys/', targets.spareKeyId],
      ['/api/streets/', world.streetA.street.id],
      ['/open311/v2/requests/', targets.requestId],
      ['/api/users/', targets.userId],
    ];
    const byName: Record<string, string> = {
      incidentId: targets.incidentId,
      streetId: world.streetA.street.id,
      orderNo: targets.orderNo,
      code: 'street_vending',
      format: 'json',
      token: 'abc',
    };
    if (name === 'id') return byPath.find(([prefix]) => route.path.startsWith(prefix))?.[1];
    return byName[name];
  }

  /**
   * A token for a route: none when public, else a fresh account's of a role the route admits (the
   * admin when it may). Fresh for each route, so fuzzing logout, a password change or a revocation
   * spends nobody else's session.
   */
  async function tokenFor(route: DiscoveredRoute): Promise<string | null> {
    if (route.isPublic) return null;
    const role: Role | undefined = !route.roles || route.roles.includes('admin') ? 'admin' : route.roles[0];
    if (!role) throw new Error(`${route.key} admits no role at all`);
    const scope: Record<Role, Partial<UserSpec>> = {
      admin: {},
      district_operator: {},
      district_leader: { pairedStreetIds: [world.streetA.street.id] },
      street_operator: { streetId: world.streetA.street.id },
      dept_officer: { departmentId: world.deptX.id },
      grid_worker: { gridIds: [world.streetA.grids[0]?.id ?? ''] },
    };
    const user = await createUser(env.db, { role, districtId: world.districtId, ...scope[role] });
    return (await login(app.url, user)).token;
  }

  function payloadFor(route: DiscoveredRoute, sample: Sample): fc.Arbitrary<Payload> {
    const json = (value: Json): Payload => ({ kind: 'json', value });
    const jsonBodies = fc.oneof(anyJson.map(json), mutated(sample.body ?? {}).map(json));
    if (route.method === 'GET' || route.method === 'HEAD') return fc.constant({ kind: 'none' });
    if (route.multipart) {
      const multipart = formFields(sample.fields ?? {}).map((fields): Payload => ({
        kind: 'multipart',
        fields,
      }));
      return sample.body ? fc.oneof(multipart, jsonBodies) : multipart;
    }
    // Open311 clients post forms; the global JSON parser takes JSON there too.
    if (route.path.startsWith('/open311/')) {
      return fc.oneof(
        formFields(sample.fields ?? {}).map((fields): Payload => ({ kind: 'form', fields })),
        anyJson.map(json),
      );
    }
    if (!route.takesBody) return fc.oneof(fc.constant<Payload>({ kind: 'none' }), anyJson.map(json));
    return jsonBodies;
  }

  const propertiesOf = (type: Type | null): string[] =>
    type
      ? [
          ...new Set(
            getMetadataStorage()
              .getTargetValidationMetadatas(type, '', true, false)
              .map((m) => m.propertyName),
          ),
        ]
      : [];

  async function send(
    route: DiscoveredRoute,
    token: string | null,
    params: Record<string, string>,
    query: string,
    payload: Payload,
  ): Promise<Response> {
    const path = fillPath(route.path, params) + (query ? `?${query}` : '');
    const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    const req = request(app.url)
      [method](path)
      .timeout({ response: REQUEST_TIMEOUT_MS, deadline: REQUEST_TIMEOUT_MS });
    if (token) void req.set('Authorization', `Bearer ${token}`);
    switch (payload.kind) {
      case 'none':
        return await req;
      case 'json':
        return await req.set('Content-Type', 'application/json').send(JSON.stringify(payload.value));
      case 'form':
        return await req.type('form').send(payload.fields);
      case 'multipart':
        for (const [name, value] of Object.entries(payload.fields)) {
          for (const v of Array.isArray(value) ? value : [value]) void req.field(name, v);
        }
        return await req;
    }
  }

  /** What is wrong with an answer, or null: no 5xx, and a 400 names its fields. */
  function problemWith(route: DiscoveredRoute, res: Response): string | null {
    // Binary answers (photos, the basemap archive) have no text.
    const text = typeof res.text === 'string' ? res.text : '';
    const said = `${res.status} ${text.slice(0, 300)}`;
    if (res.status >= 500) return `answered ${said}`;
    // Node's HTTP parser refuses a request line and headers over 16 kB before the app sees them.
    if (res.status < 400 || res.status === 431) return null;
    // Open311 answers in the spec's own error format, in the format the path asked for. A body
    // the global JSON parser refuses, or a path no Open311 route matches, never reaches its filter
    // and is answered like the rest of the API.
    const errors = res.body as { code?: unknown; description?: unknown }[];
    if (route.path.startsWith('/open311/') && (Array.isArray(errors) || text.startsWith('<?xml'))) {
      const ok = Array.isArray(errors)
        ? errors.length > 0 && errors.every((e) => e.code === res.status && typeof e.description === 'string')
        : text.includes('<errors>');
      return ok ? null : `an Open311 error not in the spec's format: ${said}`;
    }
    const body = res.body as Partial<ApiErrorBody>;
    if (body.statusCode !== res.status) return `an error that is not an ApiErrorBody: ${said}`;
    if (res.status !== 400) return null;
    const fields = Object.entries(body.fields ?? {});
    const named =
      fields.length > 0 &&
      fields.every(
        ([, messages]) =>
          Array.isArray(messages) && messages.length > 0 && messages.every((m) => typeof m === 'string'),
      );
    return named ? null : `a 400 without field-level messages: ${said}`;
  }

  /** The error, the seed and path to replay it, and the input, long strings cut short. */
  function failureReport<Ts>(key: string, outcome: fc.RunDetails<Ts>): string {
    const error =
      outcome.errorInstance instanceof Error ? outcome.errorInstance.message : String(outcome.errorInstance);
    const input = JSON.stringify(outcome.counterexample, (_k, v: unknown) =>
      typeof v === 'string' && v.length > 120 ? `${v.slice(0, 40)}…(${v.length} chars)` : v,
    );
    const replay = `FUZZ_SEED=${outcome.seed} FUZZ_PATH=${outcome.counterexamplePath ?? ''} FUZZ_ROUTE='${key}'`;
    return `${key}: ${error}\n  ${replay}\n  input: ${input}`;
  }

  const seedOf = (key: string) =>
    process.env.FUZZ_SEED !== undefined
      ? Number(process.env.FUZZ_SEED)
      : [...key].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) | 0, BASE_SEED);

  it('every route survives arbitrary bodies, query strings and path parameters', async () => {
    const fuzzed = routes.filter((r) => ONLY_ROUTE === undefined || r.key.includes(ONLY_ROUTE));
    expect(fuzzed.length).toBeGreaterThan(0);
    const failures: string[] = [];
    for (const route of fuzzed) {
      const sample = sampleOf(route);
      const params = fc.record(
        Object.fromEntries(route.params.map((name) => [name, pathValue(realParam(route, name))])),
      ) as fc.Arbitrary<Record<string, string>>;
      const query = queryString(propertiesOf(route.queryType), sample.query);
      const token = await tokenFor(route);
      const property = fc.asyncProperty(params, query, payloadFor(route, sample), async (p, q, payload) => {
        const res = await send(route, token, p, q, payload);
        const problem = problemWith(route, res);
        if (problem) throw new Error(problem);
      });
      const outcome = await fc.check(property, {
        seed: seedOf(route.key),
        numRuns: RUNS,
        ...(process.env.FUZZ_PATH ? { path: process.env.FUZZ_PATH } : {}),
        timeout: REQUEST_TIMEOUT_MS + 5_000,
        // Shrinking sends requests too; past this a failure is reported as it stands.
        interruptAfterTimeLimit: 60_000,
      });
      if (outcome.failed) failures.push(failureReport(route.key, outcome));
    }
    // Whatever was sent, the server is still up and answering.
    expect((await request(app.url).get('/health')).status).toBe(200);
    expect(failures).toEqual([]);
  }, 600_000);

  /** 'connected', the handshake error or why the server closed the connection; 'hung' when none came. */
  function handshake(auth: Record<string, unknown>): Promise<string> {
    const socket = io(app.url, {
      auth,
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      timeout: REQUEST_TIMEOUT_MS,
    });
    return new Promise((resolve) => {
      const timer = setTimeout(() => finish('hung'), REQUEST_TIMEOUT_MS + 1_000);
      let settled = false;
      function finish(outcome: string): void {
        // Closing the socket below fires the close listener again: the first outcome stands.
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(outcome);
        socket.close();
      }
      socket.once('connect', () => finish('connected'));
      socket.once('connect_error', (err) => finish(`refused: ${err.message}`));
      // A handshake over the server's packet limit (16 kB) is refused by closing the connection.
      // A refused handshake closes it too, just before connect_error: let that name the reason.
      socket.io.once('close', (reason) => setImmediate(() => finish(`closed: ${reason}`)));
    });
  }

  it('the socket handshake survives an arbitrary auth object, and the server answers after', async () => {
    const tokens = Object.values(actors).map((a) => a.token);
    const auth = fc
      .record(
        {
          token: fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...tokens) }, anyString, anyJson),
          lastEventId: fc.oneof(anyString, anyJson, fc.constantFrom('0', '1', '1-0', '99999999999999999999')),
        },
        { requiredKeys: [] },
      )
      .chain((known) =>
        fc.dictionary(anyString, anyJson, { maxKeys: 3 }).map((extra) => ({ ...extra, ...known })),
      );
    const outcomes = new Set<string>();
    await fc.assert(
      fc.asyncProperty(auth, async (a) => {
        const outcome = await handshake(a);
        outcomes.add(outcome === 'connected' || outcome === 'hung' ? outcome : 'refused');
        expect(outcome).not.toBe('hung');
      }),
      {
        seed: seedOf('socket.io handshake'),
        numRuns: SOCKET_RUNS,
        // Besides the arbitrary ones, a plain good handshake and a resuming one.
        examples: [[{ token: actors.operatorA.token }], [{ token: actors.admin.token, lastEventId: '0' }]],
      },
    );
    // Both answers came up: the property saw the accepting path as well as the refusing one.
    expect([...outcomes].sort()).toEqual(['connected', 'refused']);
    expect((await request(app.url).get('/health')).status).toBe(200);
    expect(await handshake({ token: actors.admin.token })).toBe('connected');
  }, 300_000);
});
