import type { DispatchView } from '@whistle/shared';
import request from 'supertest';
import { connectResuming, login, type Recorder } from './support/clients';
import { blowWhistle, only, registeredIncident } from './support/flows';
import { PrivateRedis } from './support/private-redis';
import { waitUntil } from './support/wait';
import { TestEnv, type RunningTestApp } from './support/test-app';
import { createWorld, type World } from './support/world';

/** With Redis down, writes still commit; once it is back, the events flow on their own. */
describe('Redis outage', () => {
  let env: TestEnv;
  let world: World;
  let redis: PrivateRedis;
  let app: RunningTestApp;
  let officerSocket: Recorder | undefined;

  beforeAll(async () => {
    env = await TestEnv.create();
    world = await createWorld(env);
    redis = new PrivateRedis();
    await redis.start();
    app = await env.start('both', { REDIS_URL: redis.url });
  });

  afterAll(async () => {
    officerSocket?.close();
    await app.close();
    await redis.stop();
    await env.destroy();
  });

  it('commits whistles while Redis is down and delivers them when it returns', async () => {
    const street = await login(app.url, world.users.operatorA);
    const officer = await login(app.url, world.users.officerX);
    // Like the dashboard's, it reconnects by itself and resumes from its last event: once Redis is
    // back, the process closes its sockets so that they replay what they missed. It has received
    // none yet, so it resumes from the newest event when it connected.
    const [{ newest }]: { newest: string }[] = await env.db.query(
      'SELECT coalesce(max(id), 0)::text AS newest FROM events',
    );
    officerSocket = await connectResuming(app.url, officer.token, newest);
    expect((await request(app.url).get('/health')).status).toBe(200);

    await redis.stop();
    expect((await request(app.url).get('/health')).status).toBe(503);
    const incident = await registeredIncident(street, world.streetA);
    const whistle = await blowWhistle(street, incident.id, [world.deptX.id]);
    const dispatch: DispatchView = only(whistle.dispatches);
    const [{ pending }]: { pending: string }[] = await env.db.query(
      'SELECT count(*) AS pending FROM outbox WHERE relayed_at IS NULL',
    );
    expect(Number(pending)).toBeGreaterThan(0);
    expect(officerSocket.of('dispatch.created').some((e) => e.payload.id === dispatch.id)).toBe(false);

    await redis.start();
    const delivered = await officerSocket.waitFor(
      'dispatch.created',
      (e) => e.payload.id === dispatch.id,
      30_000,
    );
    expect(delivered.payload.status).toBe('pending');
    // The relay stamps its rows in the transaction that queued them: a moment after the worker may
    // already have delivered them.
    const unrelayed = async () => {
      const [{ left }]: { left: string }[] = await env.db.query(
        'SELECT count(*) AS left FROM outbox WHERE relayed_at IS NULL',
      );
      return Number(left);
    };
    await waitUntil(async () => (await unrelayed()) === 0);
    expect(await unrelayed()).toBe(0);
    expect((await request(app.url).get('/health')).status).toBe(200);
  });
});
