import type { LiveEvent } from '@whistle/shared';
import IORedis from 'ioredis';
import { socketIoKey } from '../src/events/live-emitter';
import { connectResuming, login, type Api, type ResumingRecorder } from './support/clients';
import { blowWhistle, only, registeredIncident } from './support/flows';
import { PrivateRedis } from './support/private-redis';
import { TcpGate } from './support/tcp-gate';
import { TestEnv, type RunningTestApp } from './support/test-app';
import { waitUntil } from './support/wait';
import { createWorld, type World } from './support/world';

const GENEROUS_MS = 30_000;

/** Where the dispatch's creation is among the events the client received, or -1. */
function receivedAt(socket: ResumingRecorder, dispatchId: string): number {
  return socket.events.findIndex(
    (e) => e.type === 'dispatch.created' && (e as LiveEvent<'dispatch.created'>).payload.id === dispatchId,
  );
}

function dispatchCreated(socket: ResumingRecorder, dispatchId: string): Promise<unknown> {
  return socket.waitFor('dispatch.created', (e) => e.payload.id === dispatchId, GENEROUS_MS);
}

async function summonDeptX(street: Api, world: World, title: string): Promise<string> {
  const incident = await registeredIncident(street, world.streetA, { title });
  return only((await blowWhistle(street, incident.id, [world.deptX.id])).dispatches).id;
}

/**
 * Redis pub/sub keeps nothing for a subscriber that is away. When an API process's socket.io
 * subscriber comes back, that process's sockets are closed at the transport, so their clients
 * reconnect and replay the gap from the event log.
 */
describe('socket.io subscriber back after a Redis outage', () => {
  let env: TestEnv;
  let world: World;
  const cleanup: (() => Promise<void> | void)[] = [];

  beforeAll(async () => {
    env = await TestEnv.create();
    world = await createWorld(env);
  });

  // Each case's processes go with it: they share the database, and a relay left running would carry
  // the next case's events to its own Redis.
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  afterAll(() => env.destroy());

  async function privateRedis(): Promise<PrivateRedis> {
    const redis = new PrivateRedis();
    await redis.start();
    cleanup.push(() => redis.stop());
    return redis;
  }

  async function started(role: 'both' | 'api' | 'worker', redisUrl: string): Promise<RunningTestApp> {
    const app = await env.start(role, { REDIS_URL: redisUrl });
    cleanup.push(() => app.close());
    return app;
  }

  async function client(app: RunningTestApp, token: string): Promise<ResumingRecorder> {
    const socket = await connectResuming(app.url, token);
    cleanup.push(() => socket.close());
    return socket;
  }

  it('sends the sockets to reconnect and replay once Redis restarted empty, and they get what was committed meanwhile', async () => {
    const redis = await privateRedis();
    const app = await started('both', redis.url);
    const street = await login(app.url, world.users.operatorA);
    const officer = await login(app.url, world.users.officerX);
    const socket = await client(app, officer.token);
    const before = await summonDeptX(street, world, 'before the outage');
    await dispatchCreated(socket, before);

    await redis.stop();
    const during = await summonDeptX(street, world, 'while Redis is down');
    await redis.start();

    await dispatchCreated(socket, during);
    await waitUntil(() => Promise.resolve(socket.eventsAtConnect.length === 2), GENEROUS_MS);
    // Live again after the one resync: a later change arrives without another reconnect.
    const after = await summonDeptX(street, world, 'after the outage');
    await dispatchCreated(socket, after);
    expect(socket.disconnects).toEqual(['transport close']);
    expect(socket.eventsAtConnect).toHaveLength(2);
    expect(socket.socket.connected).toBe(true);
  });

  it('replays an event that was published while the subscriber was still away', async () => {
    const redis = await privateRedis();
    // The API process reaches Redis through a gate, so its subscriber stays away while the worker
    // (on Redis directly) publishes.
    const gate = new TcpGate(redis.port);
    await gate.start();
    cleanup.push(() => gate.stop());
    const api = await started('api', `redis://127.0.0.1:${gate.port}`);
    await started('worker', redis.url);
    // Whatever happens, the API process can reach Redis again before it closes.
    cleanup.push(() => gate.open());
    const street = await login(api.url, world.users.operatorA);
    const officer = await login(api.url, world.users.officerX);
    const socket = await client(api, officer.token);
    const before = await summonDeptX(street, world, 'before the outage');
    await dispatchCreated(socket, before);

    gate.shut();
    await redis.stop();
    await redis.start();
    const published: Buffer[] = [];
    const watcher = new IORedis(redis.url, { maxRetriesPerRequest: null });
    cleanup.push(() => watcher.disconnect());
    watcher.on('pmessageBuffer', (_pattern: Buffer, _channel: Buffer, message: Buffer) =>
      published.push(message),
    );
    await watcher.psubscribe(`${socketIoKey(env.redisPrefix)}#*`);

    const missed = await summonDeptX(street, world, 'while the subscriber is away');
    // The worker relayed and published it; the API process's subscriber could not hear it.
    await waitUntil(() => Promise.resolve(published.some((m) => m.includes(missed))), GENEROUS_MS);
    expect(receivedAt(socket, missed)).toBe(-1);
    expect(socket.disconnects).toEqual([]);

    gate.open();
    await dispatchCreated(socket, missed);
    expect(socket.disconnects).toEqual(['transport close']);
    expect(socket.eventsAtConnect).toHaveLength(2);
    // It came from the replay on the second connection.
    expect(receivedAt(socket, missed)).toBeGreaterThanOrEqual(socket.eventsAtConnect[1]);
  });
});
