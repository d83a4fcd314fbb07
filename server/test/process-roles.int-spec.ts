import { IdempotencyService } from '../src/idempotency/idempotency.service';
import { StandingRegister } from '../src/incidents/standing-register';
import { BACKGROUND_SWEEPS, BackgroundSweeps } from '../src/queues/background-sweeps';
import { registeredIncident } from './support/api-driver';
import { login } from './support/clients';
import { TestEnv } from './support/test-app';
import { waitUntil } from './support/wait';
import { createWorld, type World } from './support/world';

/**
 * The background sweeps (outbox cleanup, idempotency sweep, standing review reminders) run in the
 * worker role only: an API process, however many run, starts none of them. `both`, the demo's
 * single process, runs them like a worker.
 */
describe('which process role runs the background sweeps', () => {
  let env: TestEnv;
  let world: World;

  beforeAll(async () => {
    env = await TestEnv.create();
    world = await createWorld(env);
  }, 120_000);

  afterAll(() => env.destroy());

  /** An incident on the standing register whose review date has long come, not yet reminded of. */
  async function reviewDueIncident(apiUrl: string): Promise<string> {
    const operator = await login(apiUrl, world.users.operatorA);
    const incident = await registeredIncident(operator, world.streetA.points[0] ?? { lng: 0, lat: 0 });
    await env.db.query(
      `UPDATE incidents SET standing_since = now(), standing_reason = 'test', standing_review_on = '2020-01-01'
        WHERE id = $1`,
      [incident.id],
    );
    return incident.id;
  }

  const remindedOn = async (incidentId: string): Promise<string | null> => {
    const [row] = await env.db.query<{ on: string | null }[]>(
      `SELECT standing_reminded_on::text AS on FROM incidents WHERE id = $1`,
      [incidentId],
    );
    return row?.on ?? null;
  };

  it('an api process starts no sweep; a worker starts every one and reminds of what is due', async () => {
    const api = await env.start('api');
    try {
      const incidentId = await reviewDueIncident(api.url);
      expect(api.get(StandingRegister).reminders.started).toBe(false);
      expect(api.get(IdempotencyService).sweeper.started).toBe(false);
      // The reminders would run at start; give an api process time it would have taken, and more.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(await remindedOn(incidentId)).toBeNull();

      const worker = await env.start('worker');
      try {
        expect(worker.get(BackgroundSweeps).running().sort()).toEqual([...BACKGROUND_SWEEPS].sort());
        expect(worker.get(StandingRegister).reminders.started).toBe(true);
        await waitUntil(async () => (await remindedOn(incidentId)) === '2020-01-01');
      } finally {
        await worker.close();
      }
      // Stopped with the worker: nothing runs on after it.
      expect(worker.get(StandingRegister).reminders.started).toBe(false);
    } finally {
      await api.close();
    }
  });

  it('the single process (`both`) runs every sweep too', async () => {
    const both = await env.start('both');
    try {
      expect(both.get(BackgroundSweeps).running().sort()).toEqual([...BACKGROUND_SWEEPS].sort());
      expect(both.get(IdempotencyService).sweeper.started).toBe(true);
    } finally {
      await both.close();
    }
  });
});
