import { departmentScore, type MetricsSummary, type RankingRow } from '@whistle/shared';
import { MetricsService } from '../src/metrics/metrics.service';
import { shanghaiPeriodStarts } from '../src/common/shanghai-calendar';
import { dispatchOf, loginAll, must, type ActorName, type Actors } from './support/api-driver';
import { connect, type Recorder } from './support/clients';
import { TestEnv, type RunningTestApp } from './support/test-app';
import { createWorld, type World } from './support/world';

const DAY_MS = 86_400_000;

/**
 * Back-to-back rating (背对背) against the real app: a department sees rating figures (its own,
 * every department's in the ranking, and the scores that weigh them) only from a daily snapshot of
 * the ratings given before today (Beijing time), only once it holds five, and moving only by five
 * or more. The district sees them live. Ratings get past timestamps by SQL; everything else goes
 * through the API.
 *
 * The tests build on each other, in order: four past ratings of X, then six given today, then
 * those moved into the past a few at a time.
 */
describe('rating snapshots (背对背)', () => {
  let env: TestEnv;
  let app: RunningTestApp;
  let world: World;
  let actors: Actors;
  const sockets: Recorder[] = [];
  /** X's dispatches verified today, in order, with the score each was given. */
  const ratedToday: { dispatchId: string; score: number }[] = [];

  beforeAll(async () => {
    env = await TestEnv.create();
    world = await createWorld(env);
    app = await env.start('both');
    actors = await loginAll(app.url, world);
  });

  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await env.destroy();
  });

  const summaryOf = async (who: ActorName) =>
    (await must(actors[who].get('/api/metrics/summary'), 200, 'summary')).body as MetricsSummary;
  const rowOf = (summary: MetricsSummary, departmentId: string): RankingRow => {
    const row = summary.departmentRanking.find((r) => r.id === departmentId);
    if (!row) throw new Error(`no ranking row for ${departmentId}`);
    return row;
  };
  /** What a department may see moving when its dispatches are verified: its open counts only. */
  const withoutOpen = ({ generatedAt: _g, open: _o, ...rest }: MetricsSummary) => rest;
  const withoutTime = ({ generatedAt: _g, ...rest }: MetricsSummary) => rest;

  /** A dispatch of X resolved in street A or B, waiting for the street's verdict. */
  const resolvedForX = (street: 'A' | 'B') =>
    street === 'A'
      ? dispatchOf(actors.operatorA, actors.officerX, world.streetA.points[0], world.deptX.id, 'resolved')
      : dispatchOf(actors.operatorB, actors.officerX, world.streetB.points[0], world.deptX.id, 'resolved');

  async function verify(street: 'A' | 'B', dispatchId: string, score: number): Promise<void> {
    const operator = street === 'A' ? actors.operatorA : actors.operatorB;
    await must(
      operator.post(`/api/dispatches/${dispatchId}/verify`, { passed: true, rating: score }),
      200,
      'verify',
    );
  }

  /** The start of today in Beijing, plus whole days. */
  const dayStart = (plusDays = 0) =>
    new Date(shanghaiPeriodStarts(new Date()).dayStart.getTime() + plusDays * DAY_MS);

  /** Dates the ratings of these dispatches as if given at `at`. */
  async function rateAt(dispatchIds: string[], at: Date): Promise<void> {
    await env.db.query(`UPDATE ratings SET created_at = $2 WHERE dispatch_id = ANY($1)`, [dispatchIds, at]);
  }

  /** Yesterday, an hour into it: before the start of today. */
  const moveIntoThePast = (dispatchIds: string[]) =>
    rateAt(dispatchIds, new Date(dayStart(-1).getTime() + 3_600_000));

  /** X's ratings given before the start of today, straight from the table. */
  async function pastRatingsOfX(): Promise<{ count: number; average: number | null }> {
    const [row] = await env.db.query<{ count: number; average: number | null }[]>(
      `SELECT count(*)::int AS count, round(avg(score), 2)::float8 AS average FROM ratings
       WHERE department_id = $1 AND created_at < $2`,
      [world.deptX.id, dayStart()],
    );
    return row ?? { count: 0, average: null };
  }

  /** X's score with the given rating average and the live rates the district sees. */
  function scoreOfX(district: MetricsSummary, averageRating: number | null): number {
    const c = rowOf(district, world.deptX.id).components;
    return departmentScore({
      responseRate: c.responseRate ?? null,
      onTimeArrivalRate: c.onTimeArrivalRate ?? null,
      resolutionRate: c.resolutionRate ?? null,
      reopenRate: c.reopenRate ?? null,
      averageRating,
    });
  }

  it('shows a department no rating figure while fewer than five ratings exist, even past ones', async () => {
    const scores = [5, 4, 5, 3];
    const rated: string[] = [];
    for (const score of scores) {
      const d = await resolvedForX('A');
      await verify('A', d.id, score);
      rated.push(d.id);
    }
    await moveIntoThePast(rated);
    expect(await pastRatingsOfX()).toEqual({ count: 4, average: 4.25 });

    // The district (above the raters) sees them live …
    const district = await summaryOf('leaderA');
    expect(rowOf(district, world.deptX.id).components).toMatchObject({ averageRating: 4.25, ratings: 4 });
    expect(district.ratings).toEqual({ average: 4.25, count: 4 });
    // … no department does: not X of itself, nor through X's score; Y is shown no row of X at all.
    for (const officer of ['officerX', 'officerY'] as const) {
      const seen = await summaryOf(officer);
      expect({ officer, ratings: seen.ratings }).toEqual({
        officer,
        ratings: { average: null, count: null },
      });
    }
    const x = rowOf(await summaryOf('officerX'), world.deptX.id);
    expect(x.components).toMatchObject({ averageRating: null, ratings: null });
    expect(x.score).toBe(scoreOfX(district, null));
    expect(x.score).not.toBe(rowOf(district, world.deptX.id).score);
    expect((await summaryOf('officerY')).departmentRanking.map((r) => r.id)).toEqual([world.deptY.id]);
  });

  it('moves nothing a department sees when ratings are given today, not even five or more', async () => {
    const streets = ['B', 'A', 'B', 'A', 'B', 'A'] as const;
    const scores = [1, 2, 5, 5, 1, 3];
    const waiting = [];
    for (const street of streets) waiting.push({ street, dispatch: await resolvedForX(street) });
    const xSocket = await connect(app.url, actors.officerX.token);
    const districtSocket = await connect(app.url, actors.leaderA.token);
    sockets.push(xSocket, districtSocket);
    const xBefore = await summaryOf('officerX');
    const yBefore = await summaryOf('officerY');

    for (const [i, { street, dispatch }] of waiting.entries()) {
      const score = scores[i] ?? 5;
      await verify(street, dispatch.id, score);
      ratedToday.push({ dispatchId: dispatch.id, score });
      // X learns at once which dispatch was verified …
      await xSocket.waitFor(
        'dispatch.updated',
        (e) => e.payload.id === dispatch.id && e.payload.change === 'verify',
      );
      // … and its summary, its ranking row and its score stay exactly as they were.
      expect({ after: i + 1, seen: withoutOpen(await summaryOf('officerX')) }).toEqual({
        after: i + 1,
        seen: withoutOpen(xBefore),
      });
    }
    expect(withoutTime(await summaryOf('officerY'))).toEqual(withoutTime(yBefore));

    // The ratings did land: the district's live figures and its push moved with them.
    const district = await summaryOf('leaderA');
    expect(district.ratings).toEqual({ average: 3.4, count: 10 });
    const pushed = await districtSocket.waitFor('metrics.updated', (e) => e.payload.ratings?.count === 10);
    // The push that carries the new ratings carries the ranking they moved (one summary, one push).
    const pushedRanking = pushed.payload.departmentRanking ?? [];
    expect(rowOf({ ...district, departmentRanking: pushedRanking }, world.deptX.id).components).toMatchObject(
      {
        averageRating: 3.4,
        ratings: 10,
      },
    );
    // Pushes reach district rooms only; a department has only its own summary to look at.
    expect(xSocket.of('metrics.updated')).toEqual([]);
    // Nor do the period views answer a department.
    const period = `from=${new Date(Date.now() - DAY_MS).toISOString()}&to=${new Date().toISOString()}`;
    for (const path of ['rankings', 'trends', 'grid-load']) {
      expect({ path, status: (await actors.officerX.get(`/api/metrics/${path}?${period}`)).status }).toEqual({
        path,
        status: 403,
      });
    }
  });

  it('shows ratings from before today once there are five, then moves only by five or more a day', async () => {
    const [first, ...rest] = ratedToday;
    if (!first || rest.length !== 5) throw new Error('the previous test rates six dispatches');

    // Five past ratings: the snapshot is published and shown, to X and to Y alike.
    await moveIntoThePast([first.dispatchId]);
    const past = await pastRatingsOfX();
    expect(past).toEqual({ count: 5, average: 3.6 });
    const district = await summaryOf('leaderA');
    const seenByX = await summaryOf('officerX');
    const x = rowOf(seenByX, world.deptX.id);
    expect(x.components).toMatchObject({ averageRating: 3.6, ratings: 5 });
    expect(x.score).toBe(scoreOfX(district, 3.6));
    expect(seenByX.ratings).toEqual({ average: 3.6, count: 5 });

    // More past ratings the same day: the day's snapshot is taken; nothing moves until tomorrow.
    const [second, third, fourth, ...lastTwo] = rest.map((r) => r.dispatchId);
    await moveIntoThePast([second, third, fourth].filter((id): id is string => id !== undefined));
    expect((await pastRatingsOfX()).count).toBe(8);
    expect((await summaryOf('officerX')).ratings).toEqual({ average: 3.6, count: 5 });

    // Days ahead, through the service's clock. The last two ratings are given tomorrow.
    await rateAt(lastTwo, new Date(dayStart(1).getTime() + 3_600_000));
    const metrics = app.get(MetricsService);
    const asX = { kind: 'department', districtId: world.districtId, departmentId: world.deptX.id } as const;
    const inDays = (days: number) => new Date(dayStart(days).getTime() + 2 * 3_600_000);
    // Tomorrow: three new ratings since the snapshot are too few to tell apart; it stays.
    expect((await metrics.summary(asX, inDays(1))).ratings).toEqual({ average: 3.6, count: 5 });
    // The day after: five new ones since the snapshot, so a new snapshot of all ten is
    // published, and comparing the two shows only the sum of five marks.
    const later = await metrics.summary(asX, inDays(2));
    expect(later.ratings).toEqual({ average: 3.4, count: 10 });
    expect(rowOf(later, world.deptX.id).components).toMatchObject({ averageRating: 3.4, ratings: 10 });
    const [stored] = await env.db.query<{ count: number; sum: number }[]>(
      `SELECT rating_count AS count, rating_sum AS sum FROM rating_snapshots
       WHERE district_id = $1 AND department_id = $2`,
      [world.districtId, world.deptX.id],
    );
    expect(stored).toEqual({ count: 10, sum: 34 });
  });

  it('counts every rating once across one summary, however ratings and reads interleave', async () => {
    const waiting = [];
    for (const street of ['A', 'B', 'A', 'B', 'A', 'B'] as const) {
      waiting.push({ street, dispatch: await resolvedForX(street) });
    }
    let verifying = true;
    const verified = Promise.all(
      waiting.map(({ street, dispatch }) => verify(street, dispatch.id, 4)),
    ).finally(() => (verifying = false));
    // Read while the ratings commit: the district's total and its ranking rows come from one
    // snapshot, so they always agree (read side by side on the pool, they once did not).
    const seen: { total: number | null; rows: number }[] = [];
    while (verifying || seen.length < 3) {
      const district = await summaryOf('leaderA');
      const rows = district.departmentRanking.reduce((sum, r) => sum + (r.components.ratings ?? 0), 0);
      seen.push({ total: district.ratings.count, rows });
    }
    await verified;
    expect(seen.filter(({ total, rows }) => total !== rows)).toEqual([]);
    // The loop's last read may have begun before the last rating committed; one read after all of
    // them counts every one.
    expect((await summaryOf('leaderA')).ratings.count).toBe(16);
  });
});
