import { Queue, Worker } from 'bullmq';
import { randomUUID } from 'node:crypto';
import type { QueryRunner } from 'typeorm';
import { DeadlineScheduler, type DeadlineJob } from '../src/deadlines/deadline-scheduler.service';
import { deadlineJobId } from '../src/deadlines/deadline-plan';
import { QUEUES } from '../src/queues/queue-names';
import { workerConnectionOptions } from '../src/queues/redis';
import { login, type Api } from './support/clients';
import { blowWhistle, only, registeredIncident } from './support/flows';
import { TestEnv, type RunningTestApp } from './support/test-app';
import { createWorld, type World } from './support/world';
import { waitUntil } from './support/wait';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * A deadline whose firing fails is retried until it fires, once; and a job of the same id left
 * in the failed set does not stop the timers from being rebuilt. The failure is a real one: this
 * file's database gives up lock waits after half a second, and the test holds the dispatch's row.
 */
describe('deadline retries', () => {
  let env: TestEnv;
  let world: World;
  let app: RunningTestApp;
  let street: Api;
  let queue: Queue<DeadlineJob>;
  let holder: QueryRunner | undefined;

  beforeAll(async () => {
    env = await TestEnv.create();
    world = await createWorld(env);
    const [{ name }]: { name: string }[] = await env.db.query('SELECT current_database() AS name');
    // Every connection opened from now on (the app's pool) gives up a lock wait after 500 ms.
    await env.db.query(`ALTER DATABASE "${name}" SET lock_timeout = '500ms'`);
    app = await env.start('both', { OVERDUE_REPEAT_SECONDS: '600' });
    street = await login(app.url, world.users.operatorA);
    queue = new Queue(QUEUES.deadlines.name, {
      connection: workerConnectionOptions(REDIS_URL),
      prefix: `${env.redisPrefix}:bull`,
    });
  });

  afterAll(async () => {
    if (holder?.isTransactionActive) await holder.rollbackTransaction();
    await holder?.release();
    await queue.close();
    await env.destroy();
  });

  async function pendingDispatch(gridIndex: number): Promise<string> {
    const incident = await registeredIncident(street, world.streetA, { gridIndex });
    const dispatch = only((await blowWhistle(street, incident.id, [world.deptX.id], 'emergency')).dispatches);
    // Its timer is set by the worker following dispatch.created, moments after the commit.
    await waitUntil(async () => (await queue.getJob(deadlineJobId(dispatch.id, 'accept'))) !== undefined);
    return dispatch.id;
  }

  async function noticesOf(dispatchId: string): Promise<number> {
    const [{ n }]: { n: string }[] = await env.db.query(
      `SELECT count(*) AS n FROM events WHERE type = 'deadline.overdue' AND dispatch_id = $1`,
      [dispatchId],
    );
    return Number(n);
  }

  it('retries a firing that hit a database error and sends its notice once', async () => {
    const dispatchId = await pendingDispatch(0);
    const jobId = deadlineJobId(dispatchId, 'accept');

    // Hold the dispatch's row (and, uncommitted, a deadline already passed): the firing's row lock
    // times out, and its transaction fails.
    holder = env.db.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    await holder.query(`UPDATE dispatches SET accept_by = now() - interval '1 second' WHERE id = $1`, [
      dispatchId,
    ]);
    await queue.remove(jobId);
    // Its accept stage due now: the scheduler plans the first notice at once.
    const dueNow = new Date();
    await app.get(DeadlineScheduler).apply({
      id: dispatchId,
      status: 'pending',
      acceptBy: dueNow,
      arriveBy: new Date(dueNow.getTime() + 3_600_000),
      resolveBy: new Date(dueNow.getTime() + 86_400_000),
      overdueStages: [],
      overdueNotices: 0,
      lastOverdueAt: null,
    });
    await waitUntil(async () => ((await queue.getJob(jobId))?.attemptsMade ?? 0) >= 1);
    const failedOnce = await queue.getJob(jobId);
    expect(failedOnce?.failedReason).toMatch(/lock timeout/);
    expect(await failedOnce?.getState()).not.toBe('failed');
    expect(await noticesOf(dispatchId)).toBe(0);

    // The database answers again: a retry fires the deadline.
    await holder.commitTransaction();
    await waitUntil(async () => (await noticesOf(dispatchId)) > 0, 20_000);
    // …and the job waits for the next repeat (10 minutes away), having notified exactly once.
    const repeating = await queue.getJob(jobId);
    expect(await repeating?.getState()).toBe('delayed');
    expect(await noticesOf(dispatchId)).toBe(1);
    const [row]: { overdue_notices: number }[] = await env.db.query(
      'SELECT overdue_notices FROM dispatches WHERE id = $1',
      [dispatchId],
    );
    expect(row?.overdue_notices).toBe(1);
  });

  it('rebuilds a timer whose id is held by a failed job', async () => {
    const dispatchId = await pendingDispatch(1);
    const jobId = deadlineJobId(dispatchId, 'accept');
    await app.close();
    await env.db.query(`UPDATE dispatches SET accept_by = now() - interval '1 second' WHERE id = $1`, [
      dispatchId,
    ]);

    // While no worker runs: the timer's id ends up in the failed set, as after a firing that gave up
    // (or a job that stalled too often).
    await queue.remove(jobId);
    await queue.add('stage-deadline', { dispatchId, stage: 'accept' }, { jobId, removeOnFail: false });
    const manual = new Worker<DeadlineJob>(QUEUES.deadlines.name, null, {
      connection: workerConnectionOptions(REDIS_URL),
      prefix: `${env.redisPrefix}:bull`,
      autorun: false,
    });
    const token = randomUUID();
    const taken = await manual.getNextJob(token);
    expect(taken?.id).toBe(jobId);
    await taken?.moveToFailed(new Error('an earlier firing gave up'), token);
    await manual.close();
    expect(await queue.getJobState(jobId)).toBe('failed');

    // A worker starts: its rebuild replaces the failed job, and the deadline fires.
    await env.start('worker', { OVERDUE_REPEAT_SECONDS: '600' });
    await waitUntil(async () => (await noticesOf(dispatchId)) > 0);
    expect(await queue.getJobState(jobId)).toBe('delayed');
    expect(await noticesOf(dispatchId)).toBe(1);
  });
});
