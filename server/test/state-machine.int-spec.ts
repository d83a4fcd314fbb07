import {
  DISPATCH_ACTIONS,
  DISPATCH_MACHINE,
  DISPATCH_STATUSES,
  FINAL_DISPATCH_STATUSES,
  INCIDENT_MACHINE,
  WHISTLEABLE_INCIDENT_STATUSES,
  actionsFrom,
  allActionsFrom,
  type DispatchAction,
  type DispatchStatus,
  type DispatchView,
  type IncidentStatus,
  type IncidentView,
} from '@whistle/shared';
import { Rating } from '../src/dispatches/rating.entity';
import {
  blowWhistle,
  dispatchOf,
  dispatchView,
  driveDispatch,
  incidentDetail,
  loginAll,
  must,
  registeredIncident,
  reportIncident,
  type Actors,
} from './support/api-driver';
import type { Api } from './support/clients';
import { admit } from './support/factories';
import { TestEnv, type RunningTestApp } from './support/test-app';
import { createWorld, type World } from './support/world';

/**
 * The state machines hold at the API: every transition the machine does not allow from a status
 * answers 409 naming the status and the actions it does allow (DISPATCH_MACHINE / INCIDENT_MACHINE,
 * via allActionsFrom), and changes nothing — same status, no new event in the log or the timeline.
 */
describe('state machines at the API', () => {
  let env: TestEnv;
  let app: RunningTestApp;
  let world: World;
  let actors: Actors;
  /** One street-A dispatch of department X in every dispatch status. */
  const dispatches = new Map<DispatchStatus, DispatchView>();
  /** One street-A incident in every incident status reachable through the API. */
  const incidents = new Map<IncidentStatus, IncidentView>();
  /** A reported incident the merge attempts point at. */
  let mergeTarget: IncidentView;

  const REACHABLE_INCIDENT_STATUSES = [
    'reported',
    'registered',
    'dispatched',
    'in_progress',
    'resolved',
    'verified',
    'closed',
    'rejected',
    'merged',
    'reopened',
  ] as const satisfies readonly IncidentStatus[];

  beforeAll(async () => {
    env = await TestEnv.create();
    world = await createWorld(env);
    app = await env.start();
    actors = await loginAll(app.url, world);
    const point = world.streetA.points[0];
    const { operatorA, officerX } = actors;

    for (const status of DISPATCH_STATUSES) {
      dispatches.set(status, await dispatchOf(operatorA, officerX, point, world.deptX.id, status));
    }

    mergeTarget = await reportIncident(operatorA, point);
    const viaDispatch = async (status: DispatchStatus) => {
      const d = await dispatchOf(operatorA, officerX, point, world.deptX.id, status);
      return incidentDetail(operatorA, d.incidentId);
    };
    incidents.set('reported', await reportIncident(operatorA, point));
    incidents.set('registered', await registeredIncident(operatorA, point));
    incidents.set('dispatched', await viaDispatch('pending'));
    incidents.set('in_progress', await viaDispatch('accepted'));
    incidents.set('resolved', await viaDispatch('resolved'));
    incidents.set('verified', await viaDispatch('verified'));
    const toClose = await viaDispatch('verified');
    await must(operatorA.post(`/api/incidents/${toClose.id}/close`), 200, 'close');
    incidents.set('closed', toClose);
    const toReject = await reportIncident(operatorA, point);
    await must(operatorA.post(`/api/incidents/${toReject.id}/reject`, { reason: '不属实' }), 200, 'reject');
    incidents.set('rejected', toReject);
    const toMerge = await reportIncident(operatorA, point);
    const into = await reportIncident(operatorA, point);
    await must(
      operatorA.post(`/api/incidents/${toMerge.id}/merge`, { intoIncidentId: into.id }),
      200,
      'merge',
    );
    incidents.set('merged', toMerge);
    incidents.set('reopened', await viaDispatch('reopened'));
  }, 180_000);

  afterAll(async () => {
    await env.destroy();
  }, 60_000);

  const eventCount = async (incidentId: string) => {
    const rows = await env.db.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM events WHERE incident_id = $1',
      [incidentId],
    );
    return rows[0]?.n;
  };

  /** What a refused change must leave alone: the dispatch, its incident, the event log and the timeline. */
  async function dispatchSnapshot(d: DispatchView) {
    const now = await dispatchView(actors.admin, d.id);
    const incident = await incidentDetail(actors.operatorA, d.incidentId);
    return {
      status: now.status,
      updatedAt: now.updatedAt,
      rejectReason: now.rejectReason,
      resolutionNote: now.resolutionNote,
      incidentStatus: incident.status,
      timeline: incident.timeline.map((t) => t.eventId),
      events: await eventCount(d.incidentId),
      ratings: await env.db.getRepository(Rating).countBy({ dispatchId: d.id }),
    };
  }

  async function incidentSnapshot(id: string) {
    const detail = await incidentDetail(actors.admin, id);
    return {
      status: detail.status,
      updatedAt: detail.updatedAt,
      rejectReason: detail.rejectReason,
      mergedIntoId: detail.mergedIntoId,
      standing: detail.standing,
      whistles: detail.whistles.length,
      timeline: detail.timeline.map((t) => t.eventId),
      events: await eventCount(id),
    };
  }

  /** How each dispatch action is fired through the API, and by which side. */
  const DISPATCH_CALLS: Record<
    DispatchAction,
    { route: string; body: object; by: 'assignee' | 'requester' }
  > = {
    accept: { route: 'accept', body: {}, by: 'assignee' },
    reject: { route: 'reject', body: { reason: '不属于本部门职责' }, by: 'assignee' },
    arrive: { route: 'arrive', body: { location: { lng: 118.705, lat: 32.005 } }, by: 'assignee' },
    resolve: { route: 'resolve', body: { note: '已处置' }, by: 'assignee' },
    verify: { route: 'verify', body: { passed: true, rating: 3, comment: '一般' }, by: 'requester' },
    reopen: { route: 'verify', body: { passed: false, reason: '问题反弹' }, by: 'requester' },
    cancel: { route: 'cancel', body: { reason: '撤回' }, by: 'requester' },
  };

  const sideOf = (by: 'assignee' | 'requester'): Api =>
    by === 'assignee' ? actors.officerX : actors.operatorA;

  // ---- dispatches ---------------------------------------------------------------------------------

  it.each(DISPATCH_STATUSES.map((s) => [s]))(
    'a dispatch driven to %s through the API is there, offering each party exactly the machine’s actions',
    async (status) => {
      const d = dispatches.get(status) as DispatchView;
      expect((await dispatchView(actors.officerX, d.id)).actions).toEqual(
        actionsFrom(DISPATCH_MACHINE, status, ['assignee']),
      );
      expect((await dispatchView(actors.operatorA, d.id)).actions).toEqual(
        actionsFrom(DISPATCH_MACHINE, status, ['requester']),
      );
      expect((await dispatchView(actors.districtOperator, d.id)).actions).toEqual(
        actionsFrom(DISPATCH_MACHINE, status, ['oversight']),
      );
      expect((await dispatchView(actors.admin, d.id)).status).toBe(status);
    },
  );

  const illegalDispatchMoves = DISPATCH_STATUSES.flatMap((status) =>
    DISPATCH_ACTIONS.filter((action) => !allActionsFrom(DISPATCH_MACHINE, status).includes(action)).map(
      (action) => [status, action] as const,
    ),
  );

  it('the illegal dispatch moves cover every status', () => {
    // verified, rejected and cancelled are final: every action is illegal there.
    for (const final of ['verified', 'rejected', 'cancelled'] as const) {
      expect(illegalDispatchMoves.filter(([s]) => s === final)).toHaveLength(DISPATCH_ACTIONS.length);
    }
    expect(new Set(illegalDispatchMoves.map(([s]) => s))).toEqual(new Set(DISPATCH_STATUSES));
  });

  it.each(illegalDispatchMoves)(
    'dispatch %s: %s → 409 with the allowed actions, nothing changes',
    async (status, action) => {
      const d = dispatches.get(status) as DispatchView;
      const call = DISPATCH_CALLS[action];
      const before = await dispatchSnapshot(d);
      const res = await sideOf(call.by).post(`/api/dispatches/${d.id}/${call.route}`, call.body);
      expect({ status: res.status, body: res.body as unknown }).toMatchObject({
        status: 409,
        body: {
          statusCode: 409,
          error: 'Conflict',
          currentStatus: status,
          allowedActions: allActionsFrom(DISPATCH_MACHINE, status),
        },
      });
      expect((res.body as { message: string }).message).toContain(status);
      expect(await dispatchSnapshot(d)).toEqual(before);
    },
  );

  it('an illegal dispatch move is 409 whoever of its parties fires it, even one who could never fire it', async () => {
    const verified = dispatches.get('verified') as DispatchView;
    for (const api of [actors.officerX, actors.operatorA, actors.districtOperator, actors.admin]) {
      const res = await api.post(`/api/dispatches/${verified.id}/accept`);
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ currentStatus: 'verified', allowedActions: [] });
    }
  });

  it('racing the same move: exactly one wins, the others get 409, one event and one rating are written', async () => {
    const pending = await dispatchOf(
      actors.operatorA,
      actors.officerX,
      world.streetA.points[1],
      world.deptX.id,
      'pending',
    );
    const accepts = await Promise.all(
      Array.from({ length: 5 }, () => actors.officerX.post(`/api/dispatches/${pending.id}/accept`)),
    );
    expect(accepts.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409]);
    for (const lost of accepts.filter((r) => r.status === 409)) {
      expect(lost.body).toMatchObject({ currentStatus: 'accepted', allowedActions: ['arrive', 'cancel'] });
    }
    const acceptEvents = await env.db.query<{ n: number }[]>(
      "SELECT count(*)::int AS n FROM events WHERE dispatch_id = $1 AND change = 'accept'",
      [pending.id],
    );
    expect(acceptEvents[0]?.n).toBe(1);

    await must(actors.officerX.post(`/api/dispatches/${pending.id}/arrive`, {}), 200, 'arrive');
    await must(
      actors.officerX.post(`/api/dispatches/${pending.id}/resolve`, { note: '已处置' }),
      200,
      'resolve',
    );
    const verifies = await Promise.all(
      [1, 2, 3].map((rating) =>
        actors.operatorA.post(`/api/dispatches/${pending.id}/verify`, { passed: true, rating }),
      ),
    );
    expect(verifies.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    expect(await env.db.getRepository(Rating).countBy({ dispatchId: pending.id })).toBe(1);
  });

  // ---- incidents ----------------------------------------------------------------------------------

  const INCIDENT_CALLS = {
    register: { body: () => ({}) },
    reject: { body: () => ({ reason: '不予立案' }) },
    merge: { body: () => ({ intoIncidentId: mergeTarget.id }) },
    close: { body: () => ({}) },
  } as const;
  type ManualIncidentAction = keyof typeof INCIDENT_CALLS;
  const MANUAL_INCIDENT_ACTIONS = Object.keys(INCIDENT_CALLS) as ManualIncidentAction[];

  it.each(REACHABLE_INCIDENT_STATUSES.map((s) => [s]))(
    'an incident brought to %s through the API is there and offers the machine’s actions',
    async (status) => {
      const incident = incidents.get(status) as IncidentView;
      const detail = await incidentDetail(actors.operatorA, incident.id);
      expect(detail.status).toBe(status);
      expect(detail.actions).toEqual(actionsFrom(INCIDENT_MACHINE, status, ['street_operator']));
    },
  );

  const illegalIncidentMoves = REACHABLE_INCIDENT_STATUSES.flatMap((status) =>
    MANUAL_INCIDENT_ACTIONS.filter(
      (action) => !allActionsFrom(INCIDENT_MACHINE, status).includes(action),
    ).map((action) => [status, action] as const),
  );

  it.each(illegalIncidentMoves)(
    'incident %s: %s → 409 with the allowed actions, nothing changes',
    async (status, action) => {
      const incident = incidents.get(status) as IncidentView;
      const before = await incidentSnapshot(incident.id);
      const res = await actors.operatorA.post(
        `/api/incidents/${incident.id}/${action}`,
        INCIDENT_CALLS[action].body(),
      );
      expect({ status: res.status, body: res.body as unknown }).toMatchObject({
        status: 409,
        body: {
          statusCode: 409,
          currentStatus: status,
          allowedActions: allActionsFrom(INCIDENT_MACHINE, status),
        },
      });
      expect(await incidentSnapshot(incident.id)).toEqual(before);
    },
  );

  const unwhistleable = REACHABLE_INCIDENT_STATUSES.filter((s) => !WHISTLEABLE_INCIDENT_STATUSES.includes(s));

  it('whistles may only be blown on registered, dispatched, in-progress and reopened incidents', () => {
    expect(unwhistleable).toEqual(['reported', 'resolved', 'verified', 'closed', 'rejected', 'merged']);
  });

  it.each(unwhistleable.map((s) => [s]))(
    'whistle on a %s incident → 409, no whistle or dispatch written',
    async (status) => {
      const incident = incidents.get(status) as IncidentView;
      const before = await incidentSnapshot(incident.id);
      const counts = async () => ({
        whistles: Number((await env.db.query('SELECT count(*)::int AS n FROM whistles'))[0].n),
        dispatches: Number((await env.db.query('SELECT count(*)::int AS n FROM dispatches'))[0].n),
      });
      const rowsBefore = await counts();
      const res = await actors.operatorA.post(`/api/incidents/${incident.id}/whistles`, {
        type: 'enforcement',
        departmentIds: [world.deptX.id],
      });
      expect({ status: res.status, body: res.body as unknown }).toMatchObject({
        status: 409,
        body: { statusCode: 409, currentStatus: status, allowedActions: [] },
      });
      expect(await counts()).toEqual(rowsBefore);
      expect(await incidentSnapshot(incident.id)).toEqual(before);
    },
  );

  it.each((['verified', 'closed', 'rejected', 'merged'] as const).map((s) => [s]))(
    'standing register on a %s incident → 409, nothing changes',
    async (status) => {
      const incident = incidents.get(status) as IncidentView;
      const before = await incidentSnapshot(incident.id);
      const res = await actors.districtOperator.post(`/api/incidents/${incident.id}/standing`, {
        reason: '历史遗留问题',
        reviewOn: '2031-01-15',
      });
      expect({ status: res.status, body: res.body as unknown }).toMatchObject({
        status: 409,
        body: { currentStatus: status, allowedActions: [] },
      });
      expect(await incidentSnapshot(incident.id)).toEqual(before);
    },
  );

  it('a rejected dispatch hands the incident back to the street, which may whistle again', async () => {
    const rejected = dispatches.get('rejected') as DispatchView;
    expect((await incidentDetail(actors.operatorA, rejected.incidentId)).status).toBe('registered');
    const again = await blowWhistle(actors.operatorA, rejected.incidentId, [world.deptY.id]);
    expect(again.dispatches.map((d) => d.departmentId)).toEqual([world.deptY.id]);
    expect((await incidentDetail(actors.operatorA, rejected.incidentId)).status).toBe('dispatched');
  });

  it('a closed incident leaves no dispatch open (the leader summoned by a tough whistle included)', async () => {
    const incident = await registeredIncident(actors.operatorA, world.streetA.points[0]);
    const whistle = await blowWhistle(actors.operatorA, incident.id, [world.deptX.id], 'tough');
    expect(whistle.leaderDispatches).toHaveLength(1);
    await driveDispatch(
      { assignee: actors.officerX, requester: actors.operatorA },
      whistle.dispatches[0].id,
      'verified',
    );
    // The department's work is verified, so the incident is verified and may be closed …
    expect((await incidentDetail(actors.operatorA, incident.id)).status).toBe('verified');
    const close = await actors.operatorA.post(`/api/incidents/${incident.id}/close`);
    const detail = await incidentDetail(actors.admin, incident.id);
    // … but whether closing is refused or closes the rest, a closed incident must have nothing still running.
    const stillOpen =
      detail.status === 'closed'
        ? [...detail.whistles.flatMap((w) => [...w.dispatches, ...w.leaderDispatches]), ...detail.tasks]
            .filter((d) => !FINAL_DISPATCH_STATUSES.includes(d.status))
            .map((d) => ({ assigneeKind: d.assigneeKind, status: d.status, actions: d.actions }))
        : [];
    expect({ close: close.status, stillOpen }).toEqual({ close: close.status, stillOpen: [] });
  });

  // ---- two-way dispatch (街道与部门双向派单) ----------------------------------------------------------

  it('two-way dispatch: a task on the street’s admission list cannot be returned, one off it can', async () => {
    await admit(env.db, world.streetA.street.id, ['sanitation']);
    const sendTask = async (category: string) =>
      (
        await must(
          actors.officerX.post('/api/dispatches/tasks', {
            streetId: world.streetA.street.id,
            title: '背街小巷垃圾清运',
            category,
            priority: 'normal',
            location: world.streetA.points[3],
          }),
          201,
          'send task',
        )
      ).body as DispatchView;

    const onList = await sendTask('sanitation');
    expect(onList).toMatchObject({
      direction: 'dept_to_street',
      assigneeKind: 'street',
      departmentId: world.deptX.id,
      streetId: world.streetA.street.id,
      whistleId: null,
      whistleType: 'key_work',
      status: 'pending',
      actions: ['cancel'],
    });
    // key_work defaults: accept 2 h, arrive 1 day, resolve 7 days.
    expect(Date.parse(onList.acceptBy) - Date.parse(onList.createdAt)).toBe(2 * 3_600_000);
    expect(Date.parse(onList.resolveBy) - Date.parse(onList.createdAt)).toBe(7 * 86_400_000);
    const taskIncident = await incidentDetail(actors.operatorA, onList.incidentId);
    expect(taskIncident).toMatchObject({
      source: 'department',
      status: 'dispatched',
      category: 'sanitation',
    });
    expect(taskIncident.tasks.map((t) => t.id)).toEqual([onList.id]);
    expect((await dispatchView(actors.operatorA, onList.id)).actions).toEqual(['accept', 'reject']);

    const before = await dispatchSnapshot(onList);
    const refused = await actors.operatorA.post(`/api/dispatches/${onList.id}/reject`, {
      reason: '不归街道管',
    });
    expect({ status: refused.status, body: refused.body as unknown }).toMatchObject({
      status: 409,
      body: { statusCode: 409, currentStatus: 'pending', allowedActions: ['accept'] },
    });
    expect((refused.body as { message: string }).message).toMatch(/admission list/);
    expect(await dispatchSnapshot(onList)).toEqual(before);

    const offList = await sendTask('noise');
    const returned = await actors.operatorA.post(`/api/dispatches/${offList.id}/reject`, {
      reason: '不在准入清单内',
    });
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({ status: 'rejected', rejectReason: '不在准入清单内' });
    expect((await incidentDetail(actors.officerX, offList.incidentId)).status).toBe('registered');

    // The task on the list flows: the street accepts, arrives and resolves; the department verifies.
    const side = { assignee: actors.operatorA, requester: actors.officerX };
    expect((await actors.officerX.post(`/api/dispatches/${onList.id}/accept`)).status).toBe(403);
    expect((await actors.operatorB.post(`/api/dispatches/${onList.id}/accept`)).status).toBe(404);
    const resolved = await driveDispatch(side, onList.id, 'resolved');
    expect(resolved).toMatchObject({ status: 'resolved', resolutionNote: '已处置完毕' });
    expect((await incidentDetail(actors.operatorA, onList.incidentId)).status).toBe('resolved');
    expect(
      (await actors.operatorA.post(`/api/dispatches/${onList.id}/verify`, { passed: true, rating: 5 }))
        .status,
    ).toBe(403);
    const verified = await actors.officerX.post(`/api/dispatches/${onList.id}/verify`, {
      passed: true,
      rating: 5,
    });
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ status: 'verified', actions: [] });
    expect((await incidentDetail(actors.operatorA, onList.incidentId)).status).toBe('verified');
    // Only departments are rated: the street's work on a task sent down leaves no rating.
    expect(await env.db.getRepository(Rating).countBy({ dispatchId: onList.id })).toBe(0);
    const timeline = (await incidentDetail(actors.officerX, onList.incidentId)).timeline.map(
      (t) => t.summary.change,
    );
    expect(timeline).toEqual(expect.arrayContaining(['created', 'accept', 'arrive', 'resolve', 'verify']));
    expect(timeline).not.toContain('reject');
  });
});
