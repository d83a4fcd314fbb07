import IORedis from 'ioredis';
import { DataSource } from 'typeorm';
import { typeormOptions } from '../src/database/typeorm-options';
import { OutboxCleanup } from '../src/events/outbox-cleanup.service';
import { login } from './support/clients';
import { registeredIncident } from './support/flows';
import { TestEnv } from './support/test-app';
import { waitUntil } from './support/wait';
import { createWorld } from './support/world';

/** More than one cleanup batch (5,000), so the loop over batches is exercised. */
const OLD_RELAYED = 6000;

/**
 * Relayed outbox rows past OUTBOX_RETENTION_HOURS are deleted on a schedule by one worker at a
 * time; rows not yet relayed and recent ones stay, and so does every event of the log.
 */
describe('outbox cleanup', () => {
  let env: TestEnv;

  beforeAll(async () => {
    env = await TestEnv.create();
  });

  afterAll(async () => {
    await env.destroy();
  });

  /** `count` events, each with an outbox row created and (unless null) relayed `hoursAgo` hours ago. */
  const seed = async (count: number, hoursAgo: number, relayedHoursAgo: number | null): Promise<string[]> => {
    const rows = await env.db.query<{ id: string }[]>(
      `WITH e AS (
         INSERT INTO events (type, change, rooms, payload)
         SELECT 'incident.created', 'created', '{street:cleanup}', '{}' FROM generate_series(1, $1)
         RETURNING id
       )
       INSERT INTO outbox (event_id, created_at, relayed_at)
       SELECT id, now() - make_interval(hours => $2),
              CASE WHEN $3::int IS NULL THEN NULL ELSE now() - make_interval(hours => $3::int) END
         FROM e
       RETURNING id::text AS id`,
      [count, hoursAgo, relayedHoursAgo],
    );
    return rows.map((r) => r.id);
  };

  const outboxIds = async (): Promise<string[]> =>
    (await env.db.query<{ id: string }[]>(`SELECT id::text AS id FROM outbox ORDER BY outbox.id`)).map(
      (r) => r.id,
    );

  const eventCount = async (): Promise<number> =>
    (await env.db.query<[{ n: number }]>(`SELECT count(*)::int AS n FROM events`))[0].n;

  it('deletes relayed rows past the retention in batches, keeps the rest and every event', async () => {
    const cleanup = new OutboxCleanup(env.db, env.config({ OUTBOX_RETENTION_HOURS: '24' }));
    await seed(OLD_RELAYED, 50, 48);
    const recent = await seed(3, 2, 1);
    // Never relayed (Redis was down for three days): still owed to somebody, so kept.
    const owed = await seed(2, 72, null);
    const events = await eventCount();

    expect(await cleanup.runOnce()).toEqual({ ran: true, deleted: OLD_RELAYED });
    expect(await outboxIds()).toEqual([...recent, ...owed].sort((a, b) => Number(a) - Number(b)));
    expect(await eventCount()).toBe(events);

    // Nothing left to do: a second pass deletes nothing.
    expect(await cleanup.runOnce()).toEqual({ ran: true, deleted: 0 });
  });

  it('runs in one worker at a time: another holding the lock means this one skips', async () => {
    const cleanup = new OutboxCleanup(env.db, env.config({ OUTBOX_RETENTION_HOURS: '24' }));
    const old = await seed(2, 30, 25);
    const other = env.db.createQueryRunner();
    await other.connect();
    try {
      await other.query(`SELECT pg_advisory_lock(hashtext('whistle:outbox-cleanup'))`);
      expect(await cleanup.runOnce()).toEqual({ ran: false, deleted: 0 });
      expect(await outboxIds()).toEqual(expect.arrayContaining(old));
      await other.query(`SELECT pg_advisory_unlock(hashtext('whistle:outbox-cleanup'))`);
      expect(await cleanup.runOnce()).toEqual({ ran: true, deleted: 2 });
    } finally {
      await other.release();
    }
  });

  it('two workers cleaning at once never delete at the same moment, and delete each row once', async () => {
    // Each cleanup statement notes when it began and ended, and takes a moment: two workers
    // without the lock would both be deleting during it.
    await env.db.query(`
      CREATE TABLE cleanup_batches (tx bigint PRIMARY KEY, started timestamptz NOT NULL, finished timestamptz);
      CREATE FUNCTION cleanup_batch_began() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          INSERT INTO cleanup_batches (tx, started) VALUES (txid_current(), clock_timestamp());
          PERFORM pg_sleep(0.2);
          RETURN NULL;
        END $$;
      CREATE FUNCTION cleanup_batch_ended() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          UPDATE cleanup_batches SET finished = clock_timestamp() WHERE tx = txid_current();
          RETURN NULL;
        END $$;
      CREATE TRIGGER cleanup_batch_began BEFORE DELETE ON outbox FOR EACH STATEMENT EXECUTE FUNCTION cleanup_batch_began();
      CREATE TRIGGER cleanup_batch_ended AFTER DELETE ON outbox FOR EACH STATEMENT EXECUTE FUNCTION cleanup_batch_ended();
    `);
    // The second worker's own pool, as another process would have.
    const otherDb = new DataSource(typeormOptions(env.databaseUrl));
    await otherDb.initialize();
    try {
      const config = env.config({ OUTBOX_RETENTION_HOURS: '24' });
      const workers = [new OutboxCleanup(env.db, config), new OutboxCleanup(otherDb, config)];
      // Three batches' worth.
      const old = await seed(12_000, 50, 48);

      const runs = await Promise.all(workers.map((w) => w.runOnce()));
      expect(runs.some((r) => r.ran)).toBe(true);
      expect(runs[0].deleted + runs[1].deleted).toBe(old.length);
      const left = new Set(await outboxIds());
      expect(old.filter((id) => left.has(id))).toEqual([]);

      const [batches] = await env.db.query<[{ n: number; open: number }]>(
        `SELECT count(*)::int AS n, count(*) FILTER (WHERE finished IS NULL)::int AS open FROM cleanup_batches`,
      );
      expect(batches.n).toBeGreaterThanOrEqual(3);
      expect(batches.open).toBe(0);
      const [{ overlapping }] = await env.db.query<[{ overlapping: number }]>(
        `SELECT count(*)::int AS overlapping FROM cleanup_batches a JOIN cleanup_batches b ON a.tx < b.tx
          WHERE a.started < b.finished AND b.started < a.finished`,
      );
      expect(overlapping).toBe(0);
    } finally {
      await otherDb.destroy();
      await env.db.query(`
        DROP TRIGGER cleanup_batch_began ON outbox;
        DROP TRIGGER cleanup_batch_ended ON outbox;
        DROP FUNCTION cleanup_batch_began, cleanup_batch_ended;
        DROP TABLE cleanup_batches;
      `);
    }
  });

  it('the worker role cleans up on its schedule; delivery claims expire on their own', async () => {
    const world = await createWorld(env);
    const app = await env.start('worker', { OUTBOX_RETENTION_HOURS: '1', OUTBOX_CLEANUP_EVERY_SECONDS: '1' });
    const api = await env.start('api');
    const redis = new IORedis(env.config().REDIS_URL, { lazyConnect: true });
    try {
      const events = await eventCount();
      const old = await seed(3, 5, 4);
      const recent = await seed(2, 1, 0);
      await waitUntil(async () => {
        const left = await outboxIds();
        return old.every((id) => !left.includes(id));
      });
      expect(await outboxIds()).toEqual(expect.arrayContaining(recent));
      expect(await eventCount()).toBe(events + 5);

      // A real change: its event is claimed for delivery with a TTL, so claims never pile up.
      const street = await login(api.url, world.users.operatorA);
      const incident = await registeredIncident(street, world.streetA);
      const [{ id }] = await env.db.query<[{ id: string }]>(
        `SELECT max(id)::text AS id FROM events WHERE incident_id = $1`,
        [incident.id],
      );
      const claim = `${env.config().REDIS_PREFIX}:delivered:${id}`;
      await redis.connect();
      await waitUntil(async () => (await redis.exists(claim)) === 1);
      expect(await redis.ttl(claim)).toBeGreaterThan(0);
    } finally {
      redis.disconnect();
      await api.close();
      await app.close();
    }
  });
});
