import type { IncidentDetail, IncidentView, Page } from '@whistle/shared';
import { login, type Api } from './support/clients';
import { blowWhistle, registeredIncident } from './support/flows';
import { TestEnv, type RunningTestApp } from './support/test-app';
import { createWorld, type World } from './support/world';

/** Incident lists (filters, both paginations), duplicates and the standing register. */
describe('incidents', () => {
  let env: TestEnv;
  let app: RunningTestApp;
  let world: World;
  let streetA: Api;
  let district: Api;
  const made: IncidentView[] = [];

  beforeAll(async () => {
    env = await TestEnv.create();
    world = await createWorld(env);
    app = await env.start();
    streetA = await login(app.url, world.users.operatorA);
    district = await login(app.url, world.users.districtOperator);
    const categories = ['street_vending', 'noise', 'fire_hazard'];
    for (let i = 0; i < 12; i++) {
      const res = await streetA.post('/api/incidents', {
        title: i === 5 ? '夫子庙 燃气异味 100%' : `事件 ${i}`,
        description: i === 7 ? '楼道堆放杂物，存在消防隐患' : undefined,
        category: categories[i % 3],
        priority: i % 4 === 0 ? 'urgent' : 'normal',
        location: world.streetA.points[i % 4],
        source: 'operator',
      });
      made.push(res.body as IncidentView);
    }
    const streetB = await login(app.url, world.users.operatorB);
    await registeredIncident(streetB, world.streetB);
  });

  afterAll(() => env.destroy());

  const list = async (api: Api, query: string) =>
    (await api.get(`/api/incidents?${query}`)).body as Page<IncidentView>;

  it('filters by street, status, category, priority, text and bbox', async () => {
    expect((await list(district, `streetId=${world.streetA.street.id}`)).total).toBe(12);
    expect((await list(district, '')).total).toBe(13);
    expect((await list(district, 'status=registered')).total).toBe(1);
    expect((await list(district, 'status=reported,registered')).total).toBe(13);
    expect((await list(streetA, 'category=noise')).items.every((i) => i.category === 'noise')).toBe(true);
    expect((await list(streetA, 'category=noise')).total).toBe(4);
    expect((await list(streetA, 'priority=urgent')).total).toBe(3);
    expect((await list(streetA, 'q=100%25')).items.map((i) => i.id)).toEqual([made[5]?.id]);
    expect((await list(streetA, 'q=消防')).items.map((i) => i.id)).toEqual([made[7]?.id]);
    const p = world.streetA.points[0] ?? { lng: 0, lat: 0 };
    const bbox = [p.lng - 0.001, p.lat - 0.001, p.lng + 0.001, p.lat + 0.001].join(',');
    expect((await list(streetA, `bbox=${bbox}`)).total).toBe(3);
    expect((await list(streetA, 'overdue=true')).total).toBe(0);
    // A street sees only itself, whatever it asks for.
    expect((await list(streetA, '')).total).toBe(12);
  });

  it('pages by cursor without gaps or repeats, and by page number', async () => {
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page: Page<IncidentView> = await list(streetA, `limit=5${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    }
    expect(seen.length).toBe(12);
    expect(new Set(seen).size).toBe(12);
    expect(new Set(seen)).toEqual(new Set(made.map((i) => i.id)));
    const page3 = await list(streetA, 'limit=5&page=3');
    expect(page3.items.map((i) => i.id)).toEqual(seen.slice(10));
    expect(page3.nextCursor).toBeNull();
  });

  it('merges a duplicate into its original, which then shows both timelines', async () => {
    const [original, duplicate] = [made[0], made[4]] as [IncidentView, IncidentView];
    const merged = await streetA.post(`/api/incidents/${duplicate.id}/merge`, {
      intoIncidentId: original.id,
    });
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({ status: 'merged', mergedIntoId: original.id });
    const detail = (await streetA.get(`/api/incidents/${original.id}`)).body as IncidentDetail;
    const changes = new Set(detail.timeline.map((t) => t.summary.change));
    expect(changes.has('merge')).toBe(true);
    expect(detail.timeline.filter((t) => t.summary.change === 'created').length).toBe(2);
    // Merging an incident into itself is refused.
    expect(
      (await streetA.post(`/api/incidents/${made[1]?.id}/merge`, { intoIncidentId: made[1]?.id })).status,
    ).toBe(422);
  });

  it('keeps an incident on the standing register counted and visible', async () => {
    const incident = await registeredIncident(streetA, world.streetA, { title: '历史遗留违建' });
    await blowWhistle(streetA, incident.id, [world.deptX.id], 'tough');
    const res = await district.post(`/api/incidents/${incident.id}/standing`, {
      reason: '需市级协调产权',
      reviewOn: '2027-03-31',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'dispatched',
      standing: { reason: '需市级协调产权', reviewOn: '2027-03-31' },
    });
    expect((await list(streetA, 'status=dispatched')).items.map((i) => i.id)).toContain(incident.id);
    expect(
      (await streetA.post(`/api/incidents/${incident.id}/standing`, { reason: 'x', reviewOn: '2027-01-01' }))
        .status,
    ).toBe(403);
    expect(
      (
        await district.post(`/api/incidents/${incident.id}/standing`, {
          reason: '原因',
          reviewOn: '31/03/2027',
        })
      ).status,
    ).toBe(400);
  });
});
