import { compareEventIds, type LiveEvent } from '@whistle/shared';
import { connect, login, reconnect, type Api, type Recorder } from './support/clients';
import { blowWhistle, only, registeredIncident } from './support/flows';
import { TestEnv, type RunningTestApp } from './support/test-app';
import { createWorld, type World } from './support/world';

/** A client that reconnects with `lastEventId` gets what it missed, in order, before live events. */
describe('reconnect with lastEventId', () => {
  let env: TestEnv;
  let app: RunningTestApp;
  let world: World;
  let street: Api;
  let officer: Api;
  const sockets: Recorder[] = [];

  beforeAll(async () => {
    env = await TestEnv.create();
    world = await createWorld(env);
    app = await env.start();
    street = await login(app.url, world.users.operatorA);
    officer = await login(app.url, world.users.officerX);
  });

  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await env.destroy();
  });

  it('replays the missed events of its scope in order, then goes live', async () => {
    const before = await connect(app.url, officer.token);
    // Another of the officer's sockets, live throughout: once it has an event, so has every socket
    // then in its rooms.
    const watcher = await connect(app.url, officer.token);
    sockets.push(before, watcher);
    const incident = await registeredIncident(street, world.streetA);
    const firstDispatch = only((await blowWhistle(street, incident.id, [world.deptX.id])).dispatches);
    const lastSeen = await before.waitFor('dispatch.created', (e) => e.payload.id === firstDispatch.id);
    before.close();

    // While the officer is away: their dispatch moves, another whistle summons them, and street B
    // raises an incident they must never see.
    expect((await officer.post(`/api/dispatches/${firstDispatch.id}/accept`)).status).toBe(200);
    const second = await registeredIncident(street, world.streetA, { gridIndex: 2 });
    const secondDispatch = only(
      (await blowWhistle(street, second.id, [world.deptX.id, world.deptY.id])).dispatches.filter(
        (d) => d.departmentId === world.deptX.id,
      ),
    );
    const streetB = await login(app.url, world.users.operatorB);
    await registeredIncident(streetB, world.streetB);

    const expected: { id: string }[] = await env.db.query(
      `SELECT id::text AS id FROM events WHERE id > $1 AND rooms && $2 ORDER BY events.id`,
      [lastSeen.id, [`dept:${world.deptX.id}`, `user:${world.users.officerX.id}`]],
    );
    expect(expected.length).toBeGreaterThanOrEqual(3);
    // Gone out live before the reconnect (the answers come before that): the replay is then their
    // only way to it, and a late live copy cannot pass for one.
    await watcher.waitForIds(expected.map((e) => e.id));

    const back = await reconnect(app.url, officer.token, lastSeen.id);
    sockets.push(back);
    // The replay starts a few seconds before the resume point (late commits, next test); what is
    // past it is exactly what the officer missed.
    const missed = back.events.filter((e) => compareEventIds(e.id, lastSeen.id) > 0);
    expect(missed.map((e) => e.id)).toEqual(expected.map((e) => e.id));
    const types = back.events.map((e) => e.type);
    expect(types).toEqual(
      expect.arrayContaining(['dispatch.updated', 'incident.updated', 'dispatch.created']),
    );
    expect(
      back.events.some(
        (e) =>
          e.type === 'dispatch.created' &&
          (e as LiveEvent<'dispatch.created'>).payload.id === secondDispatch.id,
      ),
    ).toBe(true);
    expect(back.events.filter((e) => JSON.stringify(e.payload).includes(world.streetB.street.id))).toEqual(
      [],
    );

    // Then live: a new event arrives after everything replayed.
    const replayed = back.events.length;
    expect((await officer.post(`/api/dispatches/${secondDispatch.id}/accept`)).status).toBe(200);
    const live = await back.waitFor(
      'dispatch.updated',
      (e) => e.payload.id === secondDispatch.id && e.payload.status === 'accepted',
    );
    expect(back.events.indexOf(live)).toBeGreaterThanOrEqual(replayed);
    const ids = back.events.map((e) => e.id);
    expect([...ids].sort(compareEventIds)).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('refuses a handshake without a valid token or with a malformed lastEventId', async () => {
    await expect(connect(app.url, 'not-a-token')).rejects.toThrow('unauthorized');
    await expect(connect(app.url, officer.token, 'abc')).rejects.toThrow('lastEventId');
  });

  it('sends again an event numbered below the resume point that committed after it', async () => {
    const before = await connect(app.url, officer.token);
    sockets.push(before);
    // A transaction has taken its event's id but not committed (a slow commit on another process).
    const held = env.db.createQueryRunner();
    await held.connect();
    await held.startTransaction();
    try {
      const [{ id: heldId }] = (await held.query(
        `INSERT INTO events (type, change, rooms, payload)
         VALUES ('incident.updated', 'overdue', $1, '{}') RETURNING id::text AS id`,
        [[`dept:${world.deptX.id}`]],
      )) as { id: string }[];
      // A later-numbered event commits and reaches the officer, who then drops.
      const incident = await registeredIncident(street, world.streetA, { gridIndex: 3 });
      const dispatch = only((await blowWhistle(street, incident.id, [world.deptX.id])).dispatches);
      const lastSeen = await before.waitFor('dispatch.created', (e) => e.payload.id === dispatch.id);
      expect(compareEventIds(lastSeen.id, heldId)).toBeGreaterThan(0);
      before.close();
      await held.commitTransaction();

      const back = await reconnect(app.url, officer.token, lastSeen.id);
      sockets.push(back);
      expect(back.events.map((e) => e.id)).toContain(heldId);
    } finally {
      if (held.isTransactionActive) await held.rollbackTransaction();
      await held.release();
    }
  });
});
