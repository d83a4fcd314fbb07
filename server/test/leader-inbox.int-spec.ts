import type { DispatchView } from '@whistle/shared';
import { connect, login, type Api } from './support/clients';
import { createUser } from './support/factories';
import { blowWhistle, only, registeredIncident } from './support/flows';
import { TestEnv, type RunningTestApp } from './support/test-app';
import { createWorld, type World } from './support/world';

/**
 * The leaders' inbox (DESIGN.md §7): a district leader summoned by a tough whistle (攻坚哨) finds
 * the summons in GET /api/dispatches, hears it live, and takes it through accept, report-in and
 * resolve under the same clocks as a department. The inbox reads the list the dashboard reads.
 */
describe('leaders’ inbox: the dispatches of a tough whistle that summon a leader', () => {
  let env: TestEnv;
  let app: RunningTestApp;
  let world: World;
  let street: Api;
  let leader: Api;
  let otherLeader: Api;

  beforeAll(async () => {
    env = await TestEnv.create();
    world = await createWorld(env);
    app = await env.start('both');
    street = await login(app.url, world.users.operatorA);
    leader = await login(app.url, world.users.leaderA);
    // Paired with street B only: a tough whistle on street A does not summon this one.
    const unpaired = await createUser(env.db, {
      role: 'district_leader',
      districtId: world.districtId,
      pairedStreetIds: [world.streetB.street.id],
    });
    otherLeader = await login(app.url, unpaired);
  });

  afterAll(async () => {
    await env.destroy();
  });

  const list = async (api: Api): Promise<DispatchView[]> => {
    const res = await api.get('/api/dispatches?limit=500');
    expect(res.status).toBe(200);
    return res.body as DispatchView[];
  };

  it('lists the summons first with the assignee’s actions, live, and takes it to resolved', async () => {
    // An ordinary whistle first: the leader sees the district's dispatches, but none is theirs.
    const plain = await registeredIncident(street, world.streetA, { gridIndex: 0 });
    await blowWhistle(street, plain.id, [world.deptX.id]);

    const socket = await connect(app.url, leader.token);
    const incident = await registeredIncident(street, world.streetA, { gridIndex: 1 });
    const whistle = await blowWhistle(street, incident.id, [world.deptX.id], 'tough');
    const summons = only(whistle.leaderDispatches);
    expect(summons).toMatchObject({ assigneeKind: 'leader', leaderUserId: world.users.leaderA.id });
    try {
      const heard = await socket.waitFor('dispatch.created', (e) => e.payload.id === summons.id);
      expect(heard.payload).toMatchObject({ assigneeKind: 'leader', leaderUserId: world.users.leaderA.id });
    } finally {
      socket.close();
    }

    const inbox = await list(leader);
    // Their own summons lead the list, with what the assignee may do; the rest is oversight.
    expect(inbox[0]).toMatchObject({ id: summons.id, status: 'pending' });
    expect(inbox[0]?.actions).toContain('accept');
    const departments = inbox.filter((d) => d.assigneeKind === 'department');
    expect(departments.length).toBeGreaterThanOrEqual(2);
    for (const d of departments) expect(d.actions).not.toContain('accept');
    // Same clocks as a department of the same whistle.
    const dept = only(whistle.dispatches);
    expect([summons.acceptBy, summons.arriveBy, summons.resolveBy]).toEqual([
      dept.acceptBy,
      dept.arriveBy,
      dept.resolveBy,
    ]);

    // Another leader sees it (district-wide) but may not act on it.
    const seenByOther = (await list(otherLeader)).find((d) => d.id === summons.id);
    expect(seenByOther?.actions).toEqual([]);
    expect((await otherLeader.post(`/api/dispatches/${summons.id}/accept`)).status).toBe(403);

    const step = async (path: string, body: object, status: DispatchView['status']) => {
      const res = await leader.post(`/api/dispatches/${summons.id}/${path}`, body);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: summons.id, status });
    };
    await step('accept', {}, 'accepted');
    await step('arrive', {}, 'arrived');
    await step('resolve', { note: '已到现场协调解决' }, 'resolved');
    const after = (await list(leader)).find((d) => d.id === summons.id);
    expect(after).toMatchObject({ status: 'resolved', resolutionNote: '已到现场协调解决' });
    expect(after?.acceptedAt).not.toBeNull();
    expect(after?.arrivedAt).not.toBeNull();
  });
});
