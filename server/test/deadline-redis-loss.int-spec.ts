import { Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { QUEUES } from '../src/queues/queue-names';
import { workerConnectionOptions } from '../src/queues/redis';
import { login } from './support/clients';
import { blowWhistle, registeredIncident } from './support/flows';
import { PrivateRedis } from './support/private-redis';
import { scrape } from './support/prometheus';
import { TestEnv, type RunningTestApp } from './support/test-app';
import { createWorld, type World } from './support/world';
import { waitUntil } from './support/wait';
import { deadlineJobId } from '../src/deadlines/deadline-plan';

/**
 * Redis losing its data under running workers loses no deadline, and a Redis that would evict
 * queued jobs is refused at start-up. Each case runs its own redis-server.
 */
describe('deadline timers and Redis', () => {
  let env: TestEnv;
  let world: World;
  const servers: PrivateRedis[] = [];

  async function privateRedis(extraArgs: string[] = []): Promise<PrivateRedis> {
    const redis = new PrivateRedis(undefined, extraArgs);
    servers.push(redis);
    await redis.start();
    return redis;
  }

  beforeAll(async () => {
    env = await TestEnv.create();
    world = await createWorld(env);
  });

  afterAll(async () => {
    await env.destroy();
    for (const redis of servers) await redis.stop();
  });

  it('rebuilds the timers once when Redis restarts empty under running workers, and every deadline fires once', async () => {
    const redis = await privateRedis();
    const settings = { REDIS_URL: redis.url, OVERDUE_REPEAT_SECONDS: '600', DEADLINE_TIMERS_CHECK_MS: '200' };
    // Two worker processes watch the same Redis: one of them rebuilds.
    const apps: RunningTestApp[] = [await env.start('both', settings), await env.start('worker', settings)];
    const street = await login(apps[0].url, world.users.operatorA);
    const queue = new Queue(QUEUES.deadlines.name, {
      connection: workerConnectionOptions(redis.url),
      prefix: `${env.redisPrefix}:bull`,
    });
    try {
      const dispatchIds: string[] = [];
      for (let i = 0; i < 10; i++) {
        const incident = await registeredIncident(street, world.streetA, {
          gridIndex: i % world.streetA.points.length,
          title: `占道经营 ${i}`,
        });
        const whistle = await blowWhistle(street, incident.id, [world.deptX.id, world.deptY.id], 'emergency');
        dispatchIds.push(...whistle.dispatches.map((d) => d.id));
      }
      // Every accept timer is in Redis, minutes away (emergency: 5 min to accept).
      await waitUntil(async () => {
        const jobs = await Promise.all(dispatchIds.map((id) => queue.getJob(deadlineJobId(id, 'accept'))));
        return jobs.every((job) => job !== undefined);
      });

      // The deadlines pass in PostgreSQL — which only a rebuild can tell Redis — and Redis comes
      // back empty while both processes keep running.
      await env.db.query(`UPDATE dispatches SET accept_by = now() - interval '1 second' WHERE id = ANY($1)`, [
        dispatchIds,
      ]);
      const rebuildsBefore = await rebuildCount(apps);
      await redis.stop();
      await redis.start();

      const noticesPerDispatch = async () => {
        const rows: { dispatch_id: string; n: string }[] = await env.db.query(
          `SELECT dispatch_id, count(*) AS n FROM events
            WHERE type = 'deadline.overdue' AND dispatch_id = ANY($1) GROUP BY dispatch_id`,
          [dispatchIds],
        );
        return rows;
      };
      await waitUntil(async () => (await noticesPerDispatch()).length === dispatchIds.length, 30_000);
      expect((await noticesPerDispatch()).every((row) => Number(row.n) === 1)).toBe(true);
      expect((await rebuildCount(apps)) - rebuildsBefore).toBe(1);
    } finally {
      await queue.close();
      for (const app of apps) await app.close();
    }
  });

  it('refuses to start, in one line, on a Redis that evicts keys', async () => {
    const redis = await privateRedis(['--maxmemory-policy', 'allkeys-lru']);
    const refused = await env.start('both', { REDIS_URL: redis.url }).then(
      () => null,
      (err: Error) => err,
    );
    expect(refused?.message).toMatch(/maxmemory-policy is allkeys-lru, but it must be noeviction/);
    expect(refused?.message).not.toContain('\n');
  });

  it('starts with a warning where Redis does not allow CONFIG', async () => {
    const redis = await privateRedis(['--rename-command', 'CONFIG', 'config-hidden-from-clients']);
    // Watched, not replaced: the warning is still written.
    const warn = jest.spyOn(Logger.prototype, 'warn');
    try {
      const app = await env.start('both', { REDIS_URL: redis.url });
      await app.close();
      expect(warn).toHaveBeenCalledWith(
        expect.stringMatching(
          /could not check Redis maxmemory-policy \(the server does not allow CONFIG GET\)/,
        ),
      );
    } finally {
      warn.mockRestore();
    }
  });
});

/** Rebuilds after lost timers, summed over the processes' metrics. */
async function rebuildCount(apps: RunningTestApp[]): Promise<number> {
  let total = 0;
  for (const app of apps) {
    const { samples } = await scrape(app.metricsUrl);
    total += samples.get('whistle_deadline_timer_rebuilds_total{reason="redis_lost"}') ?? 0;
  }
  return total;
}
