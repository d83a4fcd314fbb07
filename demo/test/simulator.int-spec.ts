import { randomBytes, scryptSync } from 'node:crypto';
import { runSimulation } from '../../simulator/src/simulation';
import type { Stats } from '../../simulator/src/stats';
import { DEMO_PASSWORD } from '../src/world';
import { seedReference } from '../src/seed/seed-reference';
import { TestEnv, type RunningTestApp } from '../../server/test/support/test-app';

/**
 * The demo password in the server's stored form, with a lower scrypt cost than production's: the
 * simulator signs in about a hundred accounts, and the stored parameters are what login uses.
 */
function quickDemoPasswordHash(): string {
  const [n, r, p] = [1024, 8, 1];
  const salt = randomBytes(16);
  const key = scryptSync(DEMO_PASSWORD, salt, 32, { N: n, r, p });
  return ['scrypt', n, r, p, salt.toString('base64'), key.toString('base64')].join('$');
}

/**
 * Every part of the day has been played at least once: reports from grid workers and 12345,
 * whistles, departments accepting, reporting in and resolving, streets verifying and closing.
 */
function dayCovered(stats: Stats): boolean {
  return (
    (stats.reported.grid_worker ?? 0) > 0 &&
    (stats.reported.hotline_12345 ?? 0) > 0 &&
    stats.departmentsReportedIn.size >= 3 &&
    stats.resolved > 0 &&
    stats.verifiedPassed > 0 &&
    stats.closed > 0
  );
}

/** The simulation stops once the day is covered (seconds on a quiet machine), or after this. */
const MAX_PLAY_SECONDS = 60;
/** Setting up the district and playing it take longer than one ordinary test on a busy machine. */
const SETUP_TIMEOUT_MS = 150_000;

/**
 * The traffic simulator against the real server, as `npm run demo` runs it: the Qinhuai reference
 * data and demo accounts, the public API and sockets only. A compressed district day (an hour of
 * simulated time per real second) must bring every kind of actor into play, and what the
 * simulator says it did must be what the database holds.
 */
describe('traffic simulator', () => {
  let env: TestEnv;
  let app: RunningTestApp;
  let stats: Stats;
  let summary: string;
  const log: string[] = [];

  beforeAll(async () => {
    env = await TestEnv.create();
    await seedReference(env.db, { passwordHash: quickDemoPasswordHash() });
    app = await env.start();
    ({ stats, summary } = await runSimulation(
      {
        url: app.url,
        // About two new incidents per real second by day: every step in play within seconds, yet
        // light enough that a busy two-core machine answers well inside the simulator's timeouts.
        rate: 0.03,
        compression: 3600,
        seed: 'simulator-int-spec',
        durationSeconds: MAX_PLAY_SECONDS,
        // Deliberately late work waits minutes for a real deadline: none within this run.
        lateShare: 0,
        password: DEMO_PASSWORD,
      },
      (line) => log.push(line),
      dayCovered,
    ));
  }, SETUP_TIMEOUT_MS);

  afterAll(() => env.destroy());

  it('plays every part of the day without errors', () => {
    // Each error is also a warning line in the simulator's log (socket reconnect notices aside):
    // compared as lines, a failure shows which step went wrong and how.
    const failedSteps = log.filter((line) => line.includes(' ! ') && !line.includes(' ! socket '));
    expect(failedSteps).toEqual([]);
    expect(stats.errors).toBe(0);
    expect(stats.reported.grid_worker ?? 0).toBeGreaterThan(0);
    expect(stats.reported.hotline_12345 ?? 0).toBeGreaterThan(0);
    expect(stats.registered).toBeGreaterThan(5);
    const whistles = Object.values(stats.whistles).reduce((s, n) => s + n, 0);
    expect(whistles).toBeGreaterThan(5);
    expect(stats.whistles.enforcement + stats.whistles.key_work).toBeGreaterThan(0);
    expect(stats.dispatchesOpened).toBeGreaterThanOrEqual(whistles);
    expect(stats.accepted).toBeGreaterThan(0);
    expect(stats.arrived).toBeGreaterThan(0);
    expect(stats.resolved).toBeGreaterThan(0);
    expect(stats.departmentsReportedIn.size).toBeGreaterThanOrEqual(3);
    expect(stats.verifiedPassed).toBeGreaterThan(0);
    expect(stats.closed).toBeGreaterThan(0);
    // Every bot acts on what its socket delivers: no events, no dispatch would ever be accepted.
    expect(stats.eventsReceived).toBeGreaterThan(stats.accepted);
    expect(summary).toMatch(/── simulation summary: \d+ s real ≈ [\d.]+ h simulated ──/);
  });

  it('leaves in the database exactly what its summary reports', async () => {
    const count = async (sql: string): Promise<number> => {
      const [row] = await env.db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${sql}`);
      return row?.n ?? -1;
    };
    expect(await count(`incidents WHERE source = 'grid_worker'`)).toBe(stats.reported.grid_worker ?? 0);
    expect(await count(`incidents WHERE source = 'hotline_12345'`)).toBe(stats.reported.hotline_12345 ?? 0);
    // Tasks sent down by departments arrive registered (source `department`): not the streets' 立案.
    expect(await count(`incidents WHERE registered_at IS NOT NULL AND source <> 'department'`)).toBe(
      stats.registered,
    );
    expect(await count(`incidents WHERE source = 'department'`)).toBe(stats.tasksSent);
    expect(await count(`incidents WHERE status = 'closed'`)).toBe(stats.closed);
    expect(await count('whistles')).toBe(Object.values(stats.whistles).reduce((s, n) => s + n, 0));
    const summoned = `dispatches WHERE direction = 'street_to_dept'`;
    expect(await count(`${summoned} AND assignee_kind = 'department'`)).toBe(stats.dispatchesOpened);
    expect(await count(`${summoned} AND assignee_kind = 'leader'`)).toBe(stats.leaderDispatches);
    expect(await count(`${summoned} AND accepted_at IS NOT NULL`)).toBe(stats.accepted);
    expect(await count(`${summoned} AND arrived_at IS NOT NULL`)).toBe(stats.arrived);
    expect(await count('ratings')).toBe(stats.ratings.length);
  });
});
