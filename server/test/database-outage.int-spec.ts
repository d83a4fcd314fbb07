import { createServer, type AddressInfo, type Socket } from 'node:net';
import { io } from 'socket.io-client';
import { DataSource } from 'typeorm';
import { databaseOutage } from '../src/common/database-unavailable';
import { typeormOptions } from '../src/database/typeorm-options';
import request, { type Response } from 'supertest';
import { Api, connect, login, type Recorder } from './support/clients';
import { PASSWORD } from './support/factories';
import { PrivatePostgres } from './support/private-postgres';
import { TestEnv, type RunningTestApp } from './support/test-app';
import { waitUntil } from './support/wait';
import { createWorld, type World } from './support/world';

/**
 * Generous: an answer must arrive, not hang. With the server gone the pool fails at once
 * (connection refused) or within its connect timeout; this only catches a request left hanging.
 */
const ANSWER_WITHIN_MS = 15_000;

/** PostgreSQL down: clear 503s with Retry-After (never a 500, never a hang), and back without a restart. */
describe('PostgreSQL outage', () => {
  let postgres: PrivatePostgres;
  let env: TestEnv;
  let world: World;
  let app: RunningTestApp;
  let liveSocket: Recorder | undefined;

  beforeAll(async () => {
    postgres = new PrivatePostgres();
    await postgres.create();
    env = await TestEnv.create({ pgBase: postgres.baseUrl });
    world = await createWorld(env);
    app = await env.start('both');
  });

  afterAll(async () => {
    liveSocket?.close();
    await app?.close();
    // The database lives on the private server: it must be up to be dropped, then goes with it.
    await postgres.start().catch(() => undefined);
    await env?.destroy();
    await postgres?.destroy();
  });

  const signIn = (username: string) =>
    request(app.url).post('/api/auth/login').timeout(ANSWER_WITHIN_MS).send({ username, password: PASSWORD });
  const listIncidents = (api: Api) => api.get('/api/incidents').timeout(ANSWER_WITHIN_MS);
  const createIncident = (api: Api) =>
    api
      .post('/api/incidents', {
        title: '井盖缺失',
        category: 'street_vending',
        priority: 'normal',
        location: world.streetA.points[0],
        source: 'operator',
      })
      .timeout(ANSWER_WITHIN_MS);
  const metrics = (api: Api) => api.get('/api/metrics/summary').timeout(ANSWER_WITHIN_MS);
  const health = (path: string) => request(app.url).get(path).timeout(ANSWER_WITHIN_MS);

  function expectOutage(res: Response): void {
    expect({ status: res.status, body: res.body as unknown }).toEqual({
      status: 503,
      body: {
        statusCode: 503,
        error: 'Service Unavailable',
        message: 'The database is unavailable; try again shortly',
        code: 'database_unavailable',
      },
    });
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  }

  it('runs API statements under the configured limits, migrations and tools under none', async () => {
    const setting = async (db: DataSource, name: string) =>
      (await db.query<{ value: string }[]>(`SELECT current_setting($1) AS value`, [name]))[0]?.value;
    const appDb = app.get(DataSource);
    expect(await setting(appDb, 'statement_timeout')).toBe('30s');
    expect(await setting(appDb, 'idle_in_transaction_session_timeout')).toBe('1min');
    // The test's own connection is built like the migrations' and the seed's.
    expect(await setting(env.db, 'statement_timeout')).toBe('0');
    expect(await setting(env.db, 'idle_in_transaction_session_timeout')).toBe('0');
  });

  it('answers 503 with Retry-After while it is down and works again once it is back', async () => {
    const session = await signIn(world.users.operatorA.username);
    const operator = new Api(app.url, (session.body as { accessToken: string }).accessToken);
    const refreshCookie = cookieOf(session);
    const leader = await login(app.url, world.users.leaderA);
    expect((await listIncidents(operator)).status).toBe(200);
    expect((await createIncident(operator)).status).toBe(201);
    expect((await metrics(leader)).status).toBe(200);
    expect((await health('/health/ready')).status).toBe(200);
    liveSocket = await connect(app.url, operator.token);

    await postgres.stop();

    expectOutage(await signIn(world.users.operatorB.username));
    expectOutage(await listIncidents(operator));
    expectOutage(await createIncident(operator));
    expectOutage(await metrics(leader));
    // A refresh that cannot reach the sessions keeps its cookie for the retry.
    const refreshDuring = await refresh(refreshCookie);
    expectOutage(refreshDuring);
    expect(refreshDuring.headers['set-cookie']).toBeUndefined();

    const live = await health('/health/live');
    expect(live.status).toBe(200);
    expect(live.body).toMatchObject({ status: 'ok' });
    const ready = await health('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ message: 'Unhealthy: database' });
    expect(Number(ready.headers['retry-after'])).toBeGreaterThan(0);
    expect((await health('/health')).status).toBe(503);

    // The live channel's handshake checks the session too: refused as an outage, not as a bad token.
    const refusal = await handshakeRefusal(operator.token);
    expect(refusal).toEqual({ message: 'unavailable', data: expect.objectContaining({ retryAfter: 5 }) });
    // An open socket whose token renewal cannot be checked is told so, and stays open.
    const renewal = await liveSocket.socket
      .timeout(ANSWER_WITHIN_MS)
      .emitWithAck('auth.renew', operator.token);
    expect(renewal).toEqual({ ok: false, error: 'unavailable' });
    expect(liveSocket.socket.connected).toBe(true);

    await postgres.start();

    // The same process, not restarted: the pool makes new connections on its own.
    await waitUntil(async () => (await health('/health/ready')).status === 200, 30_000);
    expect((await signIn(world.users.operatorB.username)).status).toBe(200);
    expect((await listIncidents(operator)).status).toBe(200);
    expect((await createIncident(operator)).status).toBe(201);
    expect((await metrics(leader)).status).toBe(200);
    expect((await refresh(refreshCookie)).status).toBe(200);
    const renewed = await liveSocket.socket
      .timeout(ANSWER_WITHIN_MS)
      .emitWithAck('auth.renew', operator.token);
    expect(renewed).toMatchObject({ ok: true });
    expect(liveSocket.socket.connected).toBe(true);
  });

  const refresh = (cookie: string) =>
    request(app.url).post('/api/auth/refresh').set('Cookie', cookie).timeout(ANSWER_WITHIN_MS);

  /** `name=value` of the refresh cookie a login set. */
  function cookieOf(res: Response): string {
    const header = res.headers['set-cookie'] as unknown as string[] | undefined;
    const cookie = header?.find((c) => c.startsWith('whistle_refresh='));
    if (!cookie) throw new Error(`no refresh cookie in ${res.status} ${JSON.stringify(res.body)}`);
    return cookie.split(';')[0] ?? cookie;
  }

  /** Opens a socket and returns how its handshake was refused (null when it connected). */
  function handshakeRefusal(token: string): Promise<{ message: string; data: unknown } | null> {
    const socket = io(app.url, {
      auth: { token },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    return new Promise((resolve) => {
      socket.once('connect', () => {
        socket.close();
        resolve(null);
      });
      socket.once('connect_error', (err: Error & { data?: unknown }) => {
        socket.close();
        resolve({ message: err.message, data: err.data });
      });
    });
  }

  it('gives up on a server that takes the connection but never answers, after the connect timeout', async () => {
    // A black hole: the TCP handshake succeeds (as with a frozen server or a dead proxy), then silence.
    const held = new Set<Socket>();
    const blackHole = createServer((socket) => {
      held.add(socket);
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => blackHole.listen(0, '127.0.0.1', resolve));
    const { port } = blackHole.address() as AddressInfo;
    const db = new DataSource(
      typeormOptions(`postgres://postgres@127.0.0.1:${port}/whistle`, { connectTimeoutMs: 500 }),
    );
    try {
      const failure = await db.initialize().then(
        () => null,
        (err: unknown) => err,
      );
      expect(failure).not.toBeNull();
      expect(databaseOutage(failure)).toBe('unavailable');
    } finally {
      for (const socket of held) socket.destroy();
      await new Promise((resolve) => blackHole.close(resolve));
    }
  });
});
