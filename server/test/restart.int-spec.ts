import { Queue } from 'bullmq';
import type { LiveEvent } from '@whistle/shared';
import { rooms } from '@whistle/shared';
import { Dispatch } from '../src/dispatches/dispatch.entity';
import { RecordingTx } from '../src/events/event-log';
import { QUEUES } from '../src/queues/queue-names';
import { workerConnectionOptions } from '../src/queues/redis';
import { connect, login, type Recorder } from './support/clients';
import { blowWhistle, only, registeredIncident } from './support/flows';
import { TestEnv } from './support/test-app';
import { createWorld, type World } from './support/world';
import { waitUntil } from './support/wait';

/**
 * Nothing is lost across restarts and nothing is doubled: deadlines are rebuilt from PostgreSQL
 * even when Redis lost every timer, outbox rows committed while no relay ran are delivered once,
 * and rows relayed twice reach nobody twice.
 */
describe('restart', () => {
  let env: TestEnv;
  let world: World;
  const sockets: Recorder[] = [];

  beforeAll(async () => {
    env = await TestEnv.create();
    world = await createWorld(env);
  });

  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await env.destroy();
  });

  it('rebuilds lost timers, delivers undelivered events once, and fires each notice once', async () => {
    // 1. A whistle under a running server; then the accept deadline is moved three seconds ahead.
    const first = await env.start('both', { OVERDUE_REPEAT_SECONDS: '600' });
    const street = await login(first.url, world.users.operatorA);
    const incident = await registeredIncident(street, world.streetA);
    const dispatch = only((await blowWhistle(street, incident.id, [world.deptX.id], 'emergency')).dispatches);
    await waitUntil(async () => {
      const [row]: { pending: string }[] = await env.db.query(
        'SELECT count(*) AS pending FROM outbox WHERE relayed_at IS NULL',
      );
      return Number(row?.pending) === 0;
    });
    await new Promise((r) => setTimeout(r, 300));
    await first.close();
    await env.db.query(`UPDATE dispatches SET accept_by = now() + interval '3 seconds' WHERE id = $1`, [
      dispatch.id,
    ]);

    // 2. While everything is down: Redis loses every timer, an event commits that no relay moved,
    //    and the rows already delivered are marked unrelayed, as if the relay died before stamping.
    const queue = new Queue(QUEUES.deadlines.name, {
      connection: workerConnectionOptions(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'),
      prefix: `${env.redisPrefix}:bull`,
    });
    await queue.obliterate({ force: true });
    await queue.close();
    const [{ max: deliveredUpTo }]: { max: string }[] = await env.db.query(
      'SELECT max(id)::text AS max FROM events',
    );
    await env.db.query('UPDATE outbox SET relayed_at = NULL');
    const undelivered = await env.db.transaction(async (manager) => {
      const tx = new RecordingTx(manager);
      tx.record({
        type: 'incident.updated',
        change: 'note',
        actorId: world.users.operatorA.id,
        incidentId: incident.id,
        rooms: [rooms.street(world.streetA.street.id), rooms.dept(world.deptX.id)],
        payload: { ...incident, change: 'note' },
      });
      return only(await tx.flush());
    });

    // 3. The API comes back first (its relay queues the rows; no worker runs yet) and clients connect.
    const api = await env.start('api', { OVERDUE_REPEAT_SECONDS: '600' });
    const officerSocket = await connect(api.url, (await login(api.url, world.users.officerX)).token);
    const streetSocket = await connect(api.url, (await login(api.url, world.users.operatorA)).token);
    sockets.push(officerSocket, streetSocket);

    // 4. Then a separate worker process: it delivers the backlog and rebuilds the timers.
    const worker = await env.start('worker', { OVERDUE_REPEAT_SECONDS: '600' });
    await officerSocket.waitFor('incident.updated', (e) => e.id === undelivered.id);
    await streetSocket.waitFor('incident.updated', (e) => e.id === undelivered.id);
    const overdue = await officerSocket.waitFor(
      'deadline.overdue',
      (e) => e.payload.dispatchId === dispatch.id,
    );
    expect(overdue.payload).toMatchObject({ stage: 'accept', notice: 1 });
    await streetSocket.waitFor('deadline.overdue', (e) => e.payload.dispatchId === dispatch.id);

    // Nothing doubled: each id once, and none of the re-relayed old events went out again.
    const ids = (events: LiveEvent[]) => events.map((e) => e.id);
    for (const socket of [officerSocket, streetSocket]) {
      expect(new Set(ids(socket.events)).size).toBe(socket.events.length);
      expect(socket.events.filter((e) => BigInt(e.id) <= BigInt(deliveredUpTo))).toEqual([]);
    }

    // 5. Another worker restart: the notice already sent is not sent again.
    await worker.close();
    const again = await env.start('worker', { OVERDUE_REPEAT_SECONDS: '600' });
    await new Promise((r) => setTimeout(r, 2000));
    const notices: { n: string }[] = await env.db.query(
      `SELECT count(*) AS n FROM events WHERE type = 'deadline.overdue' AND dispatch_id = $1`,
      [dispatch.id],
    );
    expect(Number(notices[0]?.n)).toBe(1);
    const stored = await env.db.getRepository(Dispatch).findOneByOrFail({ id: dispatch.id });
    expect(stored).toMatchObject({ overdueStages: ['accept'], overdueNotices: 1 });
    expect(officerSocket.of('deadline.overdue').length).toBe(1);
    await again.close();
    await api.close();
  });
});
