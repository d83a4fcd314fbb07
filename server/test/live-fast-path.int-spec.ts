import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { deadlineJobId } from '../src/deadlines/deadline-plan';
import { QUEUES } from '../src/queues/queue-names';
import { connect, login } from './support/clients';
import { blowWhistle, only, registeredIncident } from './support/flows';
import { TestEnv } from './support/test-app';
import { waitUntil } from './support/wait';
import { createWorld, type World } from './support/world';

/**
 * The process that commits a change emits its events itself; the queue path behind it still moves
 * the deadline timers and emits nothing a second time.
 */
describe('live delivery fast path', () => {
  let env: TestEnv;
  let world: World;

  beforeAll(async () => {
    env = await TestEnv.create();
    world = await createWorld(env);
  });

  afterAll(() => env.destroy());

  it('reaches sockets from an api process with no worker; the worker then sets the timer, once', async () => {
    const api = await env.start('api');
    const street = await login(api.url, world.users.operatorA);
    const officer = await login(api.url, world.users.officerX);
    const socket = await connect(api.url, officer.token);
    const deadlines = api.get<Queue>(getQueueToken(QUEUES.deadlines.name) as never);

    const incident = await registeredIncident(street, world.streetA);
    const dispatch = only((await blowWhistle(street, incident.id, [world.deptX.id], 'emergency')).dispatches);
    await socket.waitFor('dispatch.created', (e) => e.payload.id === dispatch.id);
    // No worker runs: the event came straight from the committing process, and no timer exists yet.
    expect(await deadlines.getJob(deadlineJobId(dispatch.id, 'accept'))).toBeUndefined();

    const worker = await env.start('worker');
    await waitUntil(async () => (await deadlines.getJob(deadlineJobId(dispatch.id, 'accept'))) !== undefined);
    // The worker has handled the batch by now; give a stray second emit time to arrive, then count.
    const accepted = await officer.post(`/api/dispatches/${dispatch.id}/accept`);
    expect(accepted.status).toBe(200);
    await socket.waitFor(
      'dispatch.updated',
      (e) => e.payload.id === dispatch.id && e.payload.status === 'accepted',
    );
    await waitUntil(async () => (await deadlines.getJob(deadlineJobId(dispatch.id, 'arrive'))) !== undefined);
    expect(socket.of('dispatch.created').filter((e) => e.payload.id === dispatch.id)).toHaveLength(1);
    expect(socket.of('dispatch.updated').filter((e) => e.payload.id === dispatch.id)).toHaveLength(1);
    const ids = socket.events.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);

    socket.close();
    await worker.close();
    await api.close();
  });

  it('reaches a socket on another api process once, through the adapter, and the committing process’s own sockets once', async () => {
    const committing = await env.start('api');
    const other = await env.start('api');
    const street = await login(committing.url, world.users.operatorA);
    const officer = await login(committing.url, world.users.officerX);
    const local = await connect(committing.url, officer.token);
    const remote = await connect(other.url, officer.token);

    const incident = await registeredIncident(street, world.streetA);
    const dispatch = only((await blowWhistle(street, incident.id, [world.deptX.id], 'emergency')).dispatches);
    await local.waitFor('dispatch.created', (e) => e.payload.id === dispatch.id);
    await remote.waitFor('dispatch.created', (e) => e.payload.id === dispatch.id);
    // A second copy (local emit and adapter echo, or the emitter path as well) would arrive by now.
    const accepted = await officer.post(`/api/dispatches/${dispatch.id}/accept`);
    expect(accepted.status).toBe(200);
    for (const socket of [local, remote]) {
      await socket.waitFor(
        'dispatch.updated',
        (e) => e.payload.id === dispatch.id && e.payload.status === 'accepted',
      );
      expect(socket.of('dispatch.created').filter((e) => e.payload.id === dispatch.id)).toHaveLength(1);
    }

    local.close();
    remote.close();
    await other.close();
    await committing.close();
  });

  it('emits the events of a claimer that died between claim and publish, once its claim runs out', async () => {
    const app = await env.start('both');
    const street = await login(app.url, world.users.operatorA);
    const officer = await login(app.url, world.users.officerX);
    const socket = await connect(app.url, officer.token);
    // A process that claimed the next events and died before publishing them: its claims stay
    // pending until they run out, and nothing else marks them done.
    const [{ next }] = await env.db.query<{ next: string }[]>(
      `SELECT (CASE WHEN is_called THEN last_value + 1 ELSE last_value END)::text AS next FROM events_id_seq`,
    );
    const redis = new IORedis(env.config().REDIS_URL);
    const claimed = Array.from({ length: 50 }, (_, i) => (BigInt(next) + BigInt(i)).toString());
    for (const id of claimed) await redis.set(`${env.redisPrefix}:delivered:${id}`, 'pending', 'PX', 2_000);

    const incident = await registeredIncident(street, world.streetA);
    const dispatch = only((await blowWhistle(street, incident.id, [world.deptX.id], 'emergency')).dispatches);
    const created = await socket.waitFor('dispatch.created', (e) => e.payload.id === dispatch.id, 20_000);
    expect(claimed).toContain(created.id);
    // Emitted by the worker, once, and marked done.
    expect(socket.of('dispatch.created').filter((e) => e.payload.id === dispatch.id)).toHaveLength(1);
    expect(await redis.get(`${env.redisPrefix}:delivered:${created.id}`)).toBe('done');

    await redis.quit();
    socket.close();
    await app.close();
  });
});
