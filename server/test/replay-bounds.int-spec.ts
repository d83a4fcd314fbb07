import { compareEventIds, type LiveEvent } from '@whistle/shared';
import { connect, login, reconnect, type Api, type Recorder } from './support/clients';
import { blowWhistle, only, registeredIncident } from './support/flows';
import { TestEnv, type RunningTestApp } from './support/test-app';
import { waitUntil } from './support/wait';
import { createWorld, type World } from './support/world';

const MAX_EVENTS = 6;

/**
 * Replay is bounded by count (REPLAY_MAX_EVENTS) and age (REPLAY_MAX_AGE_MINUTES): within the
 * bound a reconnecting client gets exactly what it missed; past it, `replay.truncated` and then
 * only live events.
 */
describe('replay bounds', () => {
  let env: TestEnv;
  let app: RunningTestApp;
  let world: World;
  let street: Api;
  let officer: Api;
  let officerRooms: string[];
  /** The officer's socket, live throughout: once it has an event, so has every socket then in its rooms. */
  let watcher: Recorder;
  const sockets: Recorder[] = [];

  beforeAll(async () => {
    env = await TestEnv.create();
    world = await createWorld(env);
    app = await env.start('both', { REPLAY_MAX_EVENTS: String(MAX_EVENTS), REPLAY_MAX_AGE_MINUTES: '60' });
    street = await login(app.url, world.users.operatorA);
    officer = await login(app.url, world.users.officerX);
    officerRooms = [`dept:${world.deptX.id}`, `user:${world.users.officerX.id}`];
    watcher = await connect(app.url, officer.token);
    sockets.push(watcher);
  });

  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await env.destroy();
  });

  const missedSince = async (afterId: string): Promise<string[]> =>
    (
      await env.db.query<{ id: string }[]>(
        `SELECT id::text AS id FROM events WHERE id > $1 AND rooms && $2 ORDER BY events.id`,
        [afterId, officerRooms],
      )
    ).map((r) => r.id);

  const newestId = async (): Promise<string> => {
    const [newest] = await env.db.query<[{ id: string }]>(`SELECT max(id)::text AS id FROM events`);
    return newest.id;
  };

  /**
   * A whistle summoning department X: new events in the officer's scope. It returns once they have
   * gone out live (the answer comes before that), so a socket that connects afterwards can only get
   * them by replay, which is what the tests look for.
   */
  const summonX = async () => {
    const incident = await registeredIncident(street, world.streetA);
    const dispatch = only((await blowWhistle(street, incident.id, [world.deptX.id])).dispatches);
    await watcher.waitFor('dispatch.created', (e) => e.payload.id === dispatch.id);
    return dispatch;
  };

  /**
   * What a replay sent past the resume point: it also sends again a few seconds before it (events
   * that commit late, reconnect.int-spec), which the client drops by id.
   */
  const pastResume = (recorder: Recorder, resume: string): string[] =>
    recorder.events.map((e) => e.id).filter((id) => compareEventIds(id, resume) > 0);

  /** After `recorder` has seen `dispatchId` created live: no id twice, in order, none at or before `after`. */
  const expectOnlyLiveAfter = async (recorder: Recorder, after: string, dispatchId: string) => {
    await recorder.waitFor('dispatch.created', (e) => e.payload.id === dispatchId);
    const ids = recorder.events.map((e) => e.id);
    expect(ids.filter((id) => compareEventIds(id, after) <= 0)).toEqual([]);
    expect([...ids].sort(compareEventIds)).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  };

  it('within the bound: replays the missed events in order, exactly once, then goes live', async () => {
    const before = await connect(app.url, officer.token);
    sockets.push(before);
    const dispatch = await summonX();
    const lastSeen = await before.waitFor('dispatch.created', (e) => e.payload.id === dispatch.id);
    before.close();

    expect((await officer.post(`/api/dispatches/${dispatch.id}/accept`)).status).toBe(200);
    const missed = await missedSince(lastSeen.id);
    expect(missed.length).toBeGreaterThanOrEqual(1);
    expect(missed.length).toBeLessThanOrEqual(MAX_EVENTS);
    // Gone out live before the reconnect, as summonX's are: the replay is then their only way back.
    await watcher.waitForIds(missed);

    const back = await reconnect(app.url, officer.token, lastSeen.id);
    sockets.push(back);
    expect(back.truncated).toBeNull();
    expect(pastResume(back, lastSeen.id)).toEqual(missed);

    const next = await summonX();
    await back.waitFor('dispatch.created', (e) => e.payload.id === next.id);
    // Everything since the resume point arrived once: the replay and then the live events.
    await waitUntil(
      async () => pastResume(back, lastSeen.id).length === (await missedSince(lastSeen.id)).length,
    );
    expect(pastResume(back, lastSeen.id)).toEqual(await missedSince(lastSeen.id));
    const ids = back.events.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('past the count bound (lastEventId "0"): replay.truncated, nothing replayed, then live', async () => {
    while ((await missedSince('0')).length <= MAX_EVENTS) await summonX();
    const newest = await newestId();

    const back = await reconnect(app.url, officer.token, '0');
    sockets.push(back);
    expect(back.truncated).toEqual({ lastEventId: newest, reason: 'count' });
    expect(back.events).toEqual([]);

    const live = await summonX();
    await expectOnlyLiveAfter(back, newest, live.id);
    expect(back.events.map((e) => e.id)).toEqual(await missedSince(newest));
  });

  it('past the age bound: an old resume point is truncated, a recent one is replayed', async () => {
    const before = await connect(app.url, officer.token);
    sockets.push(before);
    const first = await summonX();
    const lastSeen = await before.waitFor('dispatch.created', (e) => e.payload.id === first.id);
    before.close();
    const gap = await summonX();
    const missed = await missedSince(lastSeen.id);
    expect(missed.length).toBeGreaterThanOrEqual(1);
    expect(missed.length).toBeLessThanOrEqual(MAX_EVENTS); // so only the age can truncate it

    // The log after the resume point now reaches back two hours: past the 60-minute bound.
    const [{ oldest }] = await env.db.query<[{ oldest: string }]>(
      `SELECT min(id)::text AS oldest FROM events WHERE id > $1`,
      [lastSeen.id],
    );
    await env.db.query(`UPDATE events SET occurred_at = now() - interval '2 hours' WHERE id = $1`, [oldest]);
    const newest = await newestId();

    const stale = await reconnect(app.url, officer.token, lastSeen.id);
    sockets.push(stale);
    expect(stale.truncated).toEqual({ lastEventId: newest, reason: 'age' });
    expect(stale.events).toEqual([]);
    const live = await summonX();
    await expectOnlyLiveAfter(stale, newest, live.id);

    // Resuming from the backdated event itself: what follows it is recent, so it is replayed.
    const fresh = await reconnect(app.url, officer.token, oldest);
    sockets.push(fresh);
    expect(fresh.truncated).toBeNull();
    expect(pastResume(fresh, oldest)).toEqual(await missedSince(oldest));
    expect(
      fresh.events.some(
        (e) => e.type === 'dispatch.created' && (e as LiveEvent<'dispatch.created'>).payload.id === gap.id,
      ),
    ).toBe(true);
  });
});
