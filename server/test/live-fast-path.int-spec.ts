import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { deadlineJobId } from '../src/deadlines/deadline-plan';
import { LiveEmitter } from '../src/events/live-emitter';
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

  it('delivers each event once when two processes race to deliver the same events', async () => {
    const api = await env.start('api');
    const worker = await env.start('worker');
    const officer = await login(api.url, world.users.officerX);
    const socket = await connect(api.url, officer.token);
    // Event ids far above the log's, so nothing real collides with them.
    const base = 9_000_000_000 + Math.floor(Math.random() * 1_000_000);
    const deliveries = Array.from({ length: 40 }, (_, i) => ({
      rooms: [`dept:${world.deptX.id}`],
      envelope: {
        id: String(base + i),
        type: 'deadline.overdue' as const,
        occurredAt: new Date().toISOString(),
        payload: { dispatchId: `race-${i}` } as never,
      },
    }));

    // The committing process's fast path and the worker's relayed batch, in halves and at once.
    const published = await Promise.all([
      api.get(LiveEmitter).deliver(deliveries),
      worker.get(LiveEmitter).deliver(deliveries.slice(20)),
      worker.get(LiveEmitter).deliver(deliveries),
      api.get(LiveEmitter).deliver(deliveries.slice(0, 20)),
    ]);
    expect(published.reduce((a, b) => a + b, 0)).toBe(deliveries.length);
    // Every publish above is done; Redis sends its subscribers messages in the order it took
    // them, so once a later one arrives, a second copy of any of these would have too.
    const sentinel = { ...deliveries[0], envelope: { ...deliveries[0].envelope, id: String(base + 100) } };
    expect(await api.get(LiveEmitter).deliver([sentinel])).toBe(1);
    await socket.waitFor('deadline.overdue', (e) => e.id === sentinel.envelope.id);
    const ids = deliveries.map((d) => d.envelope.id);
    const received = socket.events.filter((e) => ids.includes(e.id)).map((e) => e.id);
    expect(received.sort()).toEqual([...ids].sort());
    // Delivered is delivered: running them again publishes nothing.
    expect(await worker.get(LiveEmitter).deliver(deliveries)).toBe(0);

    socket.close();
    await worker.close();
    await api.close();
  });
});
