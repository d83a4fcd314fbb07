import { FINAL_DISPATCH_STATUSES, type DispatchView } from '@whistle/shared';
import { driveDispatch, incidentDetail, loginAll, type Actors } from './support/api-driver';
import { blowWhistle, registeredIncident } from './support/flows';
import { TestEnv, type RunningTestApp } from './support/test-app';
import { createWorld, type World } from './support/world';

/**
 * Closing an incident locks the incident, then its open leader dispatches; acting on a dispatch
 * locks the same two rows. Taken in opposite orders they deadlocked and one side got a 500. Every
 * race here must end in an answer the state machine allows, with nothing left running.
 */
describe('one lock order: closing an incident while its summoned leader acts', () => {
  let env: TestEnv;
  let app: RunningTestApp;
  let world: World;
  let actors: Actors;

  beforeAll(async () => {
    env = await TestEnv.create();
    world = await createWorld(env);
    app = await env.start();
    actors = await loginAll(app.url, world);
  });

  afterAll(() => env.destroy());

  /** An incident verified by its department, with the tough whistle's leader dispatch still pending. */
  async function closableWithLeaderPending(): Promise<{ incidentId: string; leaderDispatch: DispatchView }> {
    const incident = await registeredIncident(actors.operatorA, world.streetA);
    const whistle = await blowWhistle(actors.operatorA, incident.id, [world.deptX.id], 'tough');
    await driveDispatch(
      { assignee: actors.officerX, requester: actors.operatorA },
      whistle.dispatches[0].id,
      'verified',
    );
    const [leaderDispatch] = whistle.leaderDispatches;
    if (!leaderDispatch) throw new Error('the tough whistle summoned no leader');
    return { incidentId: incident.id, leaderDispatch };
  }

  it('answers every close/accept race with 200 or 409, never 500, and leaves nothing open', async () => {
    const rounds = await Promise.all(Array.from({ length: 6 }, () => closableWithLeaderPending()));
    const answers = await Promise.all(
      rounds.flatMap(({ incidentId, leaderDispatch }) => [
        actors.operatorA.post(`/api/incidents/${incidentId}/close`),
        actors.leaderA.post(`/api/dispatches/${leaderDispatch.id}/accept`),
      ]),
    );
    const statuses = answers.map((res) => res.status);
    expect(statuses.filter((s) => s !== 200 && s !== 409)).toEqual([]);
    // Closing never loses to the leader: it is allowed whether or not the leader accepted first.
    expect(statuses.filter((_s, i) => i % 2 === 0)).toEqual(rounds.map(() => 200));

    for (const { incidentId } of rounds) {
      const detail = await incidentDetail(actors.admin, incidentId);
      expect(detail.status).toBe('closed');
      const open = detail.whistles
        .flatMap((w) => [...w.dispatches, ...w.leaderDispatches])
        .filter((d) => !FINAL_DISPATCH_STATUSES.includes(d.status));
      expect(open).toEqual([]);
    }
  });
});
