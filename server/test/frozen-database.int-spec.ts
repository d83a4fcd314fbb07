import request, { type Response } from 'supertest';
import { DataSource } from 'typeorm';
import { typeormOptions } from '../src/database/typeorm-options';
import { login, type Api } from './support/clients';
import { freezePostgres, thawPostgres } from './support/frozen-postgres';
import { PrivatePostgres } from './support/private-postgres';
import { TestEnv, type RunningTestApp } from './support/test-app';
import { waitUntil } from './support/wait';
import { createWorld, type World } from './support/world';

/**
 * Generous, and above the defaults it relies on (a pooled connection's query gives up after
 * DATABASE_QUERY_TIMEOUT_MS, 8 s; a new connection after DATABASE_CONNECT_TIMEOUT_MS, 5 s).
 */
const ANSWER_WITHIN_MS = 15_000;

/**
 * PostgreSQL frozen — connections open, nothing answering, so the server's own statement limit
 * never fires: a request still gets a 503 with Retry-After in bounded time, and once the server
 * moves again the same process works without a restart.
 */
describe('PostgreSQL frozen', () => {
  let postgres: PrivatePostgres;
  let env: TestEnv;
  let world: World;
  let app: RunningTestApp;

  beforeAll(async () => {
    postgres = new PrivatePostgres();
    await postgres.create();
    env = await TestEnv.create({ pgBase: postgres.baseUrl });
    world = await createWorld(env);
    // The defaults for every database limit: what a deployment gets.
    app = await env.start('api');
  });

  afterAll(async () => {
    // Whatever happened: a frozen server would hang everything after it.
    if (postgres) thawPostgres(postgres.port);
    await app?.close();
    await env?.destroy();
    await postgres?.destroy();
  });

  const listIncidents = (api: Api) => api.get('/api/incidents').timeout(ANSWER_WITHIN_MS);
  const createIncident = (api: Api) =>
    api
      .post('/api/incidents', {
        title: '冻结期间',
        category: 'street_vending',
        priority: 'normal',
        location: world.streetA.points[0],
        source: 'operator',
      })
      .timeout(ANSWER_WITHIN_MS);

  function expectBoundedOutage(res: Response, startedAt: number): void {
    expect(Date.now() - startedAt).toBeLessThan(ANSWER_WITHIN_MS);
    expect(res.status).toBe(503);
    expect(['database_timeout', 'database_unavailable']).toContain((res.body as { code: string }).code);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  }

  it('answers 503 with Retry-After in bounded time, then recovers once it moves again', async () => {
    const operator = await login(app.url, world.users.operatorA);
    // The pool now holds idle connections: the next queries go out on them, into the silence.
    expect((await listIncidents(operator)).status).toBe(200);

    freezePostgres(postgres.port);
    try {
      const asked = Date.now();
      const [read, write] = await Promise.all([listIncidents(operator), createIncident(operator)]);
      expectBoundedOutage(read, asked);
      expectBoundedOutage(write, asked);
      // A sign-in needs a new connection too, which the frozen server never completes.
      const signingIn = Date.now();
      expectBoundedOutage(
        await request(app.url)
          .post('/api/auth/login')
          .timeout(ANSWER_WITHIN_MS)
          .send({ username: world.users.operatorB.username, password: 'wrong password' }),
        signingIn,
      );
    } finally {
      thawPostgres(postgres.port);
    }

    await waitUntil(async () => (await listIncidents(operator)).status === 200, 30_000);
    expect((await createIncident(operator)).status).toBe(201);
    // The write refused while frozen was not committed behind the client's back when the server woke.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const [{ n }]: { n: string }[] = await env.db.query(
      `SELECT count(*) AS n FROM incidents WHERE title = $1`,
      ['冻结期间'],
    );
    expect(Number(n)).toBe(1);
  });

  it('drops a connection whose query went unanswered, so its transaction never commits later', async () => {
    await env.db.query('CREATE TABLE frozen_probe (n int)');
    const db = new DataSource(typeormOptions(env.databaseUrl, { queryTimeoutMs: 1_000 }));
    await db.initialize();
    try {
      const runner = db.createQueryRunner();
      await runner.startTransaction();
      await runner.query('INSERT INTO frozen_probe VALUES (1)');
      freezePostgres(postgres.port);
      try {
        await expect(runner.query('INSERT INTO frozen_probe VALUES (2)')).rejects.toThrow(
          'Query read timeout',
        );
        await runner.rollbackTransaction().catch(() => undefined);
        await runner.release();
      } finally {
        thawPostgres(postgres.port);
      }
      // The next user of the pool: had the connection gone back to it, this COMMIT would also
      // commit the rows of the transaction that failed.
      await db.transaction((manager) => manager.query('INSERT INTO frozen_probe VALUES (3)'));
      const rows: { n: number }[] = await env.db.query('SELECT n FROM frozen_probe ORDER BY n');
      expect(rows.map((r) => r.n)).toEqual([3]);
    } finally {
      await db.destroy();
    }
  });
});
