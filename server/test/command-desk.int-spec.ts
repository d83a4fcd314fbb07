import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import type {
  DispatchStatus,
  DispatchView,
  IncidentDetail,
  IncidentView,
  ReassignedDispatchView,
  StandingEntryView,
  SupervisionView,
} from '@whistle/shared';
import { deadlineJobId } from '../src/deadlines/deadline-plan';
import { Dispatch } from '../src/dispatches/dispatch.entity';
import { OverdueService } from '../src/dispatches/overdue.service';
import { StandingRegister } from '../src/incidents/standing-register';
import { QUEUES } from '../src/queues/queue-names';
import { dispatchOf, loginAll, must, type Actors } from './support/api-driver';
import { connect, type Recorder } from './support/clients';
import { blowWhistle, only, registeredIncident } from './support/flows';
import { TestEnv, type RunningTestApp } from './support/test-app';
import { waitUntil } from './support/wait';
import { createWorld, type World } from './support/world';

/**
 * The district command desk's server side on the real PostgreSQL and Redis: 督办 reaching the
 * department's socket and the timeline, reassigning in one transaction under an Idempotency-Key,
 * the standing register with its once-only review reminder, and tasks the district sends down.
 */
describe('command desk', () => {
  let env: TestEnv;
  let app: RunningTestApp;
  let world: World;
  let actors: Actors;
  const sockets: Recorder[] = [];

  beforeAll(async () => {
    env = await TestEnv.create();
    world = await createWorld(env);
    app = await env.start('both');
    actors = await loginAll(app.url, world);
  }, 60_000);

  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await env.destroy();
  });

  const socketOf = async (token: string) => {
    const socket = await connect(app.url, token);
    sockets.push(socket);
    return socket;
  };
  /** A dispatch of street A's whistle to department X, brought to `status`. */
  const forX = (status: DispatchStatus) =>
    dispatchOf(actors.operatorA, actors.officerX, world.streetA.points[0], world.deptX.id, status);
  const pendingForX = () => forX('pending');
  /** The district operator's 督办 or 改派 on a dispatch. */
  const desk = (act: 'supervise' | 'reassign', dispatchId: string, body: object) =>
    actors.districtOperator.post(`/api/dispatches/${dispatchId}/${act}`, body);
  const detail = async (incidentId: string) =>
    (await must(actors.districtOperator.get(`/api/incidents/${incidentId}`), 200, 'case file'))
      .body as IncidentDetail;

  describe('督办 (supervise)', () => {
    it('reaches the department’s socket live, not another department’s, and stays in the timeline', async () => {
      const officerX = await socketOf(actors.officerX.token);
      const officerY = await socketOf(actors.officerY.token);
      const dispatch = await pendingForX();
      const res = await must(desk('supervise', dispatch.id, { note: '请立即接单处置' }), 201, 'supervise');
      expect(res.body as SupervisionView).toMatchObject({
        dispatchId: dispatch.id,
        note: '请立即接单处置',
        supervisedById: world.users.districtOperator.id,
      });
      const heard = await officerX.waitFor(
        'dispatch.updated',
        (e) => e.payload.id === dispatch.id && e.payload.change === 'supervise',
      );
      expect(heard.payload.note).toBe('请立即接单处置');
      // The department of another dispatch hears nothing of it (its room is not named).
      await new Promise((r) => setTimeout(r, 300));
      expect(officerY.of('dispatch.updated').some((e) => e.payload.id === dispatch.id)).toBe(false);
      const entry = (await detail(dispatch.incidentId)).timeline.find(
        (e) => e.summary.change === 'supervise',
      );
      expect(entry).toMatchObject({
        type: 'dispatch.updated',
        actor: { id: world.users.districtOperator.id },
        summary: { note: '请立即接单处置', dispatchId: dispatch.id },
      });
      // The dispatch itself does not move.
      expect((await must(actors.admin.get(`/api/dispatches/${dispatch.id}`), 200, 'get')).body).toMatchObject(
        {
          status: 'pending',
        },
      );
    });

    it('records one note for a repeated Idempotency-Key', async () => {
      const dispatch = await pendingForX();
      const send = () =>
        desk('supervise', dispatch.id, { note: '请加快处置进度' }).set(
          'Idempotency-Key',
          `sup-${dispatch.id}`,
        );
      const first = await must(send(), 201, 'first');
      const second = await must(send(), 201, 'repeat');
      expect(second.body).toEqual(first.body);
      const notes = (await detail(dispatch.incidentId)).timeline.filter(
        (e) => e.summary.change === 'supervise',
      );
      expect(notes).toHaveLength(1);
    });

    it('refuses a finished dispatch with 409 naming what it allows, and an empty note with 400', async () => {
      const verified = await forX('verified');
      const refused = await must(
        desk('supervise', verified.id, { note: '请处置' }),
        409,
        'supervise verified',
      );
      expect(refused.body).toMatchObject({ currentStatus: 'verified', allowedActions: [] });
      const pending = await pendingForX();
      const bad = await must(desk('supervise', pending.id, { note: '' }), 400, 'empty note');
      expect(JSON.stringify(bad.body)).toContain('note');
    });
  });

  describe('改派 (reassign)', () => {
    it('cancels the dispatch and opens one for the new department on the same whistle, with timers', async () => {
      const officerY = await socketOf(actors.officerY.token);
      const dispatch = await pendingForX();
      // Sent twice below with the same key, as a retry would.
      const reassignToY = () =>
        desk('reassign', dispatch.id, { departmentId: world.deptY.id, reason: '职责调整' }).set(
          'Idempotency-Key',
          `re-${dispatch.id}`,
        );
      const res = await must(reassignToY(), 201, 'reassign');
      const { cancelled, opened } = res.body as ReassignedDispatchView;
      expect(cancelled).toMatchObject({ id: dispatch.id, status: 'cancelled', rejectReason: '职责调整' });
      expect(opened).toMatchObject({
        status: 'pending',
        departmentId: world.deptY.id,
        whistleId: dispatch.whistleId,
        incidentId: dispatch.incidentId,
        whistleType: dispatch.whistleType,
      });
      expect(new Date(opened.acceptBy).getTime()).toBeGreaterThan(new Date(dispatch.acceptBy).getTime());
      await officerY.waitFor('dispatch.created', (e) => e.payload.id === opened.id);

      // The timers follow: the new dispatch's accept deadline is scheduled, the cancelled one's gone.
      const queue = app.get<Queue>(getQueueToken(QUEUES.deadlines.name) as never);
      await waitUntil(async () => (await queue.getJob(deadlineJobId(opened.id, 'accept'))) !== undefined);
      await waitUntil(async () => (await queue.getJob(deadlineJobId(dispatch.id, 'accept'))) === undefined);

      // A retry with the same key answers the same and opens nothing more.
      const again = await must(reassignToY(), 201, 'retry');
      expect((again.body as ReassignedDispatchView).opened.id).toBe(opened.id);
      const onIncident = await env.db.getRepository(Dispatch).findBy({ incidentId: dispatch.incidentId });
      expect(onIncident.map((d) => [d.departmentId, d.status]).sort()).toEqual(
        [
          [world.deptX.id, 'cancelled'],
          [world.deptY.id, 'pending'],
        ].sort(),
      );
      // Department Y now sees the incident (it is a party); the timeline tells the story.
      await must(actors.officerY.get(`/api/incidents/${dispatch.incidentId}`), 200, 'Y sees the incident');
      const changes = (await detail(dispatch.incidentId)).timeline.map((e) => e.summary.change);
      expect(changes).toContain('reassign');
    });

    it('refuses a verified dispatch with 409 and allowed actions, leaving everything as it was', async () => {
      const verified = await forX('verified');
      const before = await env.db.getRepository(Dispatch).countBy({ incidentId: verified.incidentId });
      const res = await must(
        desk('reassign', verified.id, { departmentId: world.deptY.id }),
        409,
        'reassign verified',
      );
      expect(res.body).toMatchObject({ currentStatus: 'verified', allowedActions: [] });
      expect(await env.db.getRepository(Dispatch).countBy({ incidentId: verified.incidentId })).toBe(before);
    });

    it('refuses the same department (422) and an unknown one (422) without touching the dispatch', async () => {
      const dispatch = await pendingForX();
      await must(desk('reassign', dispatch.id, { departmentId: world.deptX.id }), 422, 'same department');
      await must(
        desk('reassign', dispatch.id, { departmentId: '00000000-0000-4000-8000-000000000000' }),
        422,
        'unknown department',
      );
      const rows = await env.db.getRepository(Dispatch).findBy({ incidentId: dispatch.incidentId });
      expect(rows.map((d) => d.status)).toEqual(['pending']);
    });

    it('refuses a department the whistle already summons (422), leaving both dispatches as they were', async () => {
      const incident = await registeredIncident(actors.operatorA, world.streetA);
      const whistle = await blowWhistle(actors.operatorA, incident.id, [world.deptX.id, world.deptY.id]);
      const toX = whistle.dispatches.find((d) => d.departmentId === world.deptX.id);
      if (!toX) throw new Error('no dispatch to X');
      const res = await must(desk('reassign', toX.id, { departmentId: world.deptY.id }), 422, 'twice');
      expect((res.body as { fields: Record<string, string[]> }).fields.departmentId).toEqual([
        'is already summoned by this whistle',
      ]);
      const rows = await env.db.getRepository(Dispatch).findBy({ incidentId: incident.id });
      expect(rows.map((d) => d.status)).toEqual(['pending', 'pending']);
    });
  });

  describe('overdue first', () => {
    it('lists overdue running dispatches before the rest, and filters by street and overdue', async () => {
      const late = await pendingForX();
      await pendingForX();
      const overdue = app.get(OverdueService);
      const now = new Date(Date.now() + 3 * 3_600_000);
      expect((await overdue.fire(late.id, 'accept', now)).kind).toBe('notified');
      const list = (
        await must(
          actors.districtOperator.get('/api/dispatches?sort=overdue_first&status=pending,accepted,arrived'),
          200,
          'desk list',
        )
      ).body as DispatchView[];
      expect(list[0]?.id).toBe(late.id);
      const onlyOverdue = (
        await must(
          actors.districtOperator.get(`/api/dispatches?overdue=true&streetId=${world.streetA.street.id}`),
          200,
          'overdue filter',
        )
      ).body as DispatchView[];
      expect(onlyOverdue.length).toBeGreaterThan(0);
      expect(
        onlyOverdue.every((d) => d.overdueStages.length > 0 && d.streetId === world.streetA.street.id),
      ).toBe(true);
      const streetB = (
        await must(
          actors.districtOperator.get(`/api/dispatches?streetId=${world.streetB.street.id}`),
          200,
          'B',
        )
      ).body as DispatchView[];
      expect(streetB.some((d) => d.id === late.id)).toBe(false);
    });
  });

  describe('incidents, overdue first', () => {
    it('lists overdue incidents, then those waiting for a whistle, each oldest first, and pages by page', async () => {
      const waiting = await registeredIncident(actors.operatorA, world.streetA, { title: '等待吹哨' });
      const late = await pendingForX();
      await must(
        actors.operatorB.post('/api/incidents', {
          title: '刚上报',
          category: 'street_vending',
          priority: 'normal',
          location: world.streetB.points[0],
          source: 'operator',
        }),
        201,
        'reported in street B',
      );
      await app.get(OverdueService).fire(late.id, 'accept', new Date(Date.now() + 3 * 3_600_000));
      const page = (
        await must(
          actors.districtOperator.get(
            '/api/incidents?sort=overdue_first&status=reported,registered,dispatched,in_progress,resolved,reopened&limit=500',
          ),
          200,
          'desk incidents',
        )
      ).body as { items: IncidentView[]; nextCursor: string | null };
      const items = page.items;
      const firstCalm = items.findIndex((i) => !i.overdue);
      expect(items[0]?.overdue).toBe(true);
      expect(items.some((i) => i.id === late.incidentId && i.overdue)).toBe(true);
      // After the overdue ones: what waits for a whistle, then the rest; each group oldest first.
      const calm = items.slice(firstCalm);
      expect(calm.every((i) => !i.overdue)).toBe(true);
      const lastWaiting = calm.map((i) => ['reported', 'registered'].includes(i.status)).lastIndexOf(true);
      const firstWorking = calm.findIndex((i) => !['reported', 'registered'].includes(i.status));
      if (firstWorking >= 0) expect(lastWaiting).toBeLessThan(firstWorking);
      const waitingTimes = calm.slice(0, lastWaiting + 1).map((i) => Date.parse(i.createdAt));
      expect(waitingTimes).toEqual([...waitingTimes].sort((a, b) => a - b));
      expect(calm.some((i) => i.id === waiting.id)).toBe(true);
      // Every street's, for the district.
      expect(new Set(items.map((i) => i.streetId)).size).toBeGreaterThan(1);
      expect(page.nextCursor).toBeNull();
      // A cursor follows newest only; mixing them is a 400 naming the field.
      const mixed = await actors.districtOperator.get('/api/incidents?sort=overdue_first&cursor=abc');
      expect(mixed.status).toBe(400);
      expect(Object.keys((mixed.body as { fields: object }).fields)).toContain('cursor');
      const paged = (
        await must(
          actors.districtOperator.get('/api/incidents?sort=overdue_first&limit=1&page=2'),
          200,
          'page 2',
        )
      ).body as { items: IncidentView[] };
      const all = (
        await must(actors.districtOperator.get('/api/incidents?sort=overdue_first&limit=2'), 200, 'page 1')
      ).body as { items: IncidentView[] };
      expect(paged.items[0]?.id).toBe(all.items[1]?.id);
    });
  });

  describe('挂账 (standing register)', () => {
    it('lists, reminds once on the review date (also after a restart), and takes off', async () => {
      const district = await socketOf(actors.districtOperator.token);
      const incident = await registeredIncident(actors.operatorA, world.streetA);
      await must(
        actors.districtOperator.post(`/api/incidents/${incident.id}/standing`, {
          reason: '涉及历史遗留产权问题',
          reviewOn: '2030-06-30',
        }),
        200,
        'put on register',
      );
      const listed = async () =>
        (
          (await must(actors.districtOperator.get('/api/incidents/standing'), 200, 'list'))
            .body as StandingEntryView[]
        ).find((e) => e.incident.id === incident.id);
      expect(await listed()).toMatchObject({
        reviewDue: false,
        remindedOn: null,
        incident: { standing: { reviewOn: '2030-06-30' } },
      });

      const register = app.get(StandingRegister);
      // Not yet: the day before the review date (China time).
      expect(await register.remindDue(new Date('2030-06-29T15:00:00Z'))).toBe(0);
      // 2030-06-30 00:30 in China is still 06-29 in UTC: the reminder follows China's calendar.
      expect(await register.remindDue(new Date('2030-06-29T16:30:00Z'))).toBe(1);
      const reminder = await district.waitFor(
        'incident.updated',
        (e) => e.payload.id === incident.id && e.payload.change === 'standing_review_due',
      );
      expect(reminder.payload.standing).toMatchObject({ reviewOn: '2030-06-30' });
      expect(await register.remindDue(new Date('2030-07-02T00:00:00Z'))).toBe(0);

      // A process started afterwards (a restart) finds nothing owed either.
      const restarted = await env.start('worker');
      expect(await restarted.get(StandingRegister).remindDue(new Date('2030-07-02T00:00:00Z'))).toBe(0);
      await restarted.close();
      const reminders = (await detail(incident.id)).timeline.filter(
        (e) => e.summary.change === 'standing_review_due',
      );
      expect(reminders).toHaveLength(1);
      expect(await listed()).toMatchObject({ remindedOn: '2030-06-30' });

      // A new review date arms a new reminder.
      await must(
        actors.districtOperator.post(`/api/incidents/${incident.id}/standing`, {
          reason: '市级协调中',
          reviewOn: '2030-09-30',
        }),
        200,
        'new review date',
      );
      expect(await register.remindDue(new Date('2030-10-01T00:00:00Z'))).toBe(1);

      const removed = await must(
        actors.districtOperator.post(`/api/incidents/${incident.id}/standing/remove`, {
          reason: '问题已解决',
        }),
        200,
        'take off',
      );
      expect((removed.body as IncidentView).standing).toBeNull();
      expect(await listed()).toBeUndefined();
      const off = (await detail(incident.id)).timeline.find((e) => e.summary.change === 'standing_removed');
      expect(off?.summary).toMatchObject({ reason: '问题已解决' });
      const again = await must(
        actors.districtOperator.post(`/api/incidents/${incident.id}/standing/remove`, {
          reason: '问题已解决',
        }),
        409,
        'take off twice',
      );
      expect(again.body).toMatchObject({ allowedActions: ['standing'] });
    });
  });

  describe('tasks sent down by the district', () => {
    it('opens a task for the street that the district command verifies', async () => {
      const res = await must(
        actors.districtOperator.post('/api/dispatches/tasks', {
          streetId: world.streetA.street.id,
          title: '背街小巷环境整治',
          category: 'environment',
          priority: 'normal',
          location: world.streetA.points[1],
        }),
        201,
        'district task',
      );
      const task = res.body as DispatchView;
      expect(task).toMatchObject({ direction: 'dept_to_street', assigneeKind: 'street', departmentId: null });
      const incident = (
        await must(actors.operatorA.get(`/api/incidents/${task.incidentId}`), 200, 'incident')
      ).body as IncidentDetail;
      expect(incident.source).toBe('district');
      for (const action of ['accept', 'arrive']) {
        await must(actors.operatorA.post(`/api/dispatches/${task.id}/${action}`, {}), 200, action);
      }
      await must(
        actors.operatorA.post(`/api/dispatches/${task.id}/resolve`, { note: '已完成整治' }),
        200,
        'resolve',
      );
      // A department did not ask for it, so no department may verify it.
      await must(actors.officerX.post(`/api/dispatches/${task.id}/verify`, { passed: true }), 404, 'officer');
      const verified = await must(
        actors.districtOperator.post(`/api/dispatches/${task.id}/verify`, { passed: true }),
        200,
        'verify',
      );
      expect(verified.body).toMatchObject({ status: 'verified' });
    });
  });

  it('escalation: a tough whistle by the district summons the late department and the paired leader', async () => {
    const incident = await registeredIncident(actors.operatorA, world.streetA);
    const whistle = await blowWhistle(actors.districtOperator, incident.id, [world.deptX.id], 'tough');
    expect(only(whistle.dispatches).departmentId).toBe(world.deptX.id);
    expect(only(whistle.leaderDispatches).leaderUserId).toBe(world.users.leaderA.id);
  });
});
