import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import type { IncidentDetail } from '@whistle/shared';
import { DeadlineScheduler } from '../src/deadlines/deadline-scheduler.service';
import { deadlineJobId } from '../src/deadlines/deadline-plan';
import { Dispatch } from '../src/dispatches/dispatch.entity';
import { QUEUES } from '../src/queues/queue-names';
import { connect, login, type Api, type Recorder } from './support/clients';
import { blowWhistle, only, registeredIncident } from './support/flows';
import { TestEnv, type RunningTestApp } from './support/test-app';
import { createWorld, type World } from './support/world';
import { waitUntil } from './support/wait';

/**
 * Stage deadlines fire from real BullMQ delayed jobs. Timer rules count in minutes, so each test
 * moves one stage's deadline a second into the future in PostgreSQL and re-schedules it.
 */
describe('deadlines', () => {
  let env: TestEnv;
  let app: RunningTestApp;
  let world: World;
  let street: Api;
  let officer: Api;
  let officerSocket: Recorder;
  let streetSocket: Recorder;
  let districtSocket: Recorder;

  beforeAll(async () => {
    env = await TestEnv.create();
    world = await createWorld(env);
    app = await env.start('both', { OVERDUE_REPEAT_SECONDS: '2' });
    street = await login(app.url, world.users.operatorA);
    officer = await login(app.url, world.users.officerX);
    officerSocket = await connect(app.url, officer.token);
    streetSocket = await connect(app.url, street.token);
    districtSocket = await connect(app.url, (await login(app.url, world.users.districtOperator)).token);
  });

  afterAll(async () => {
    [officerSocket, streetSocket, districtSocket].forEach((s) => s.close());
    await env.destroy();
  });

  /** Moves the running stage's deadline to `seconds` from now and re-schedules its job. */
  async function dueIn(
    dispatchId: string,
    column: 'accept_by' | 'arrive_by',
    stage: 'accept' | 'arrive',
    seconds: number,
  ) {
    await env.db.query(`UPDATE dispatches SET ${column} = now() + make_interval(secs => $2) WHERE id = $1`, [
      dispatchId,
      seconds,
    ]);
    const queue = app.get<Queue>(getQueueToken(QUEUES.deadlines.name) as never);
    await queue.remove(deadlineJobId(dispatchId, stage));
    await app
      .get(DeadlineScheduler)
      .apply(await env.db.getRepository(Dispatch).findOneByOrFail({ id: dispatchId }));
  }

  it('marks a missed stage overdue, notifies department, street and district, repeats, and stops when met', async () => {
    const incident = await registeredIncident(street, world.streetA);
    const dispatch = only((await blowWhistle(street, incident.id, [world.deptX.id], 'emergency')).dispatches);
    // The timer is set by the worker that delivers dispatch.created, moments after the commit.
    const queue = app.get<Queue>(getQueueToken(QUEUES.deadlines.name) as never);
    await waitUntil(async () => (await queue.getJob(deadlineJobId(dispatch.id, 'accept'))) !== undefined);

    await dueIn(dispatch.id, 'accept_by', 'accept', 1);
    const first = await officerSocket.waitFor(
      'deadline.overdue',
      (e) => e.payload.dispatchId === dispatch.id,
    );
    expect(first.payload).toMatchObject({
      stage: 'accept',
      notice: 1,
      missedStages: 1,
      escalation: 'district_command',
    });
    await streetSocket.waitFor('deadline.overdue', (e) => e.payload.dispatchId === dispatch.id);
    await districtSocket.waitFor('deadline.overdue', (e) => e.payload.dispatchId === dispatch.id);
    await streetSocket.waitFor('incident.updated', (e) => e.payload.id === incident.id && e.payload.overdue);

    // The notice repeats every OVERDUE_REPEAT_SECONDS until the stage is met.
    const second = await officerSocket.waitFor(
      'deadline.overdue',
      (e) => e.payload.dispatchId === dispatch.id && e.payload.notice === 2,
    );
    expect(Date.parse(second.occurredAt) - Date.parse(first.occurredAt)).toBeGreaterThanOrEqual(1500);

    expect((await officer.post(`/api/dispatches/${dispatch.id}/accept`)).status).toBe(200);
    await streetSocket.waitFor('incident.updated', (e) => e.payload.id === incident.id && !e.payload.overdue);
    const acceptNotices = () =>
      officerSocket
        .of('deadline.overdue')
        .filter((e) => e.payload.dispatchId === dispatch.id && e.payload.stage === 'accept');
    const countAfterAccept = acceptNotices().length;
    await new Promise((r) => setTimeout(r, 3000));
    expect(acceptNotices().length).toBe(countAfterAccept);
    const dbNotices: { n: string }[] = await env.db.query(
      `SELECT count(*) AS n FROM events WHERE type = 'deadline.overdue' AND dispatch_id = $1`,
      [dispatch.id],
    );
    expect(Number(dbNotices[0]?.n)).toBe(countAfterAccept);

    // A second missed stage suggests a tough-problem whistle.
    await dueIn(dispatch.id, 'arrive_by', 'arrive', 1);
    const arriveMiss = await officerSocket.waitFor(
      'deadline.overdue',
      (e) => e.payload.dispatchId === dispatch.id && e.payload.stage === 'arrive',
    );
    expect(arriveMiss.payload).toMatchObject({
      notice: 1,
      missedStages: 2,
      escalation: 'suggest_tough_whistle',
    });

    const detail = (await street.get(`/api/incidents/${incident.id}`)).body as IncidentDetail;
    expect(detail.timeline.filter((t) => t.type === 'deadline.overdue').length).toBeGreaterThanOrEqual(3);
    expect(only(detail.whistles).dispatches[0]?.overdueStages).toEqual(['accept', 'arrive']);
  });

  it('removes the job of a stage met before its deadline', async () => {
    const incident = await registeredIncident(street, world.streetA, { gridIndex: 1 });
    const dispatch = only((await blowWhistle(street, incident.id, [world.deptX.id])).dispatches);
    const queue = app.get<Queue>(getQueueToken(QUEUES.deadlines.name) as never);
    await waitUntil(async () => (await queue.getJob(deadlineJobId(dispatch.id, 'accept'))) !== undefined);
    expect((await officer.post(`/api/dispatches/${dispatch.id}/accept`)).status).toBe(200);
    // The delivery worker follows the dispatch.updated event: accept's job goes, arrive's comes.
    await waitUntil(async () => (await queue.getJob(deadlineJobId(dispatch.id, 'arrive'))) !== undefined);
    expect(await queue.getJob(deadlineJobId(dispatch.id, 'accept'))).toBeUndefined();
  });
});
