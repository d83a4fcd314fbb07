import { randomUUID } from 'node:crypto';
import type { LngLat } from '@whistle/shared';
import type { AuthUser } from '../src/access/auth-user';
import type { IndexedGrid } from '../src/grids/grid-index';
import { IncidentIntake } from '../src/incidents/incident-intake';
import { connect, login, type Api } from './support/clients';
import { raiseIncidentAt } from './support/flows';
import { TestEnv, type RunningTestApp } from './support/test-app';
import { waitUntil } from './support/wait';
import { createWorld, type World } from './support/world';

/** New incidents arriving together are written together (group commit) — and still one by one to everyone who sees them. */
describe('incident intake under concurrent requests', () => {
  let env: TestEnv;
  let app: RunningTestApp;
  let world: World;
  let streetA: Api;
  let streetB: Api;

  beforeAll(async () => {
    env = await TestEnv.create();
    world = await createWorld(env);
    app = await env.start();
    streetA = await login(app.url, world.users.operatorA);
    streetB = await login(app.url, world.users.operatorB);
  });

  afterAll(() => env.destroy());

  const raise = (api: Api, location: LngLat, title: string, category = 'sanitation') =>
    raiseIncidentAt(api, location, category, title);

  it('answers 40 simultaneous requests with 40 committed incidents, each announced exactly once', async () => {
    const district = await login(app.url, world.users.districtOperator);
    const wall = await connect(app.url, district.token);
    const requests = Array.from({ length: 40 }, (_, n) => {
      const street = n % 2 === 0 ? world.streetA : world.streetB;
      return raise(n % 2 === 0 ? streetA : streetB, street.points[n % street.points.length], `并发 ${n}`);
    });
    const created = await Promise.all(requests);

    const ids = created.map((c) => c.id);
    expect(new Set(ids).size).toBe(40);
    created.forEach((c, n) => expect(c.title).toBe(`并发 ${n}`));
    const [{ count }] = await env.db.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM incidents WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    expect(count).toBe(40);
    const announced = () => ids.every((id) => wall.of('incident.created').some((e) => e.payload.id === id));
    await waitUntil(() => Promise.resolve(announced()));
    for (const id of ids)
      expect(wall.of('incident.created').filter((e) => e.payload.id === id)).toHaveLength(1);
    wall.close();
  });

  /** Calls the intake directly, as the street operator, so several requests surely share a batch. */
  const direct = () => {
    const operator = world.users.operatorA;
    const user: AuthUser = {
      id: operator.id,
      username: operator.username,
      sessionId: '00000000-0000-4000-8000-000000000000',
      mustChangePassword: false,
      role: 'street_operator',
      districtId: world.districtId,
      streetId: world.streetA.street.id,
      departmentId: null,
    };
    const grid = world.streetA.grids[0];
    const realGrid = {
      id: grid.id,
      streetId: world.streetA.street.id,
      communityId: grid.communityId,
      districtId: world.districtId,
    } as IndexedGrid;
    const input = (title: string, at: { grid?: IndexedGrid; location?: LngLat; category?: string } = {}) => ({
      title,
      category: at.category ?? 'sanitation',
      priority: 'normal' as const,
      source: 'operator' as const,
      location: at.location ?? world.streetA.points[0],
      grid: at.grid ?? realGrid,
      reportedById: user.id,
    });
    return { intake: app.get(IncidentIntake), user, realGrid, input };
  };

  it('offers incidents written in the same batch as each other’s likely duplicates', async () => {
    const { intake, user, input } = direct();
    // A category nothing else in this file uses, so nothing older crowds the short list.
    const here = world.streetA.points[0];
    const category = 'noise';
    // Raised in the same turn of the event loop: one batch, one transaction.
    const [first, second] = await Promise.all([
      intake.raise(user, input('同时上报 1', { location: here, category })),
      intake.raise(
        user,
        input('同时上报 2', { location: { lng: here.lng + 0.0001, lat: here.lat }, category }),
      ),
    ]);
    expect(first.likelyDuplicates.map((d) => d.id)).toContain(second.id);
    expect(second.likelyDuplicates.map((d) => d.id)).toContain(first.id);
    expect(first.likelyDuplicates.map((d) => d.id)).not.toContain(first.id);
  });

  it('fails only the incident that cannot be written when a batch holds a bad one', async () => {
    const { intake, user, realGrid, input } = direct();
    // A grid the database does not know: its foreign key fails the INSERT it is part of.
    const missingGrid = { ...realGrid, id: randomUUID() } as IndexedGrid;
    const outcomes = await Promise.allSettled([
      intake.raise(user, input('批次 1')),
      intake.raise(user, input('批次 坏', { grid: missingGrid })),
      intake.raise(user, input('批次 2')),
      intake.raise(user, input('批次 3')),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    const titles = await env.db.query<{ title: string }[]>(
      `SELECT title FROM incidents WHERE title LIKE '批次%' ORDER BY title`,
    );
    expect(titles.map((t) => t.title)).toEqual(['批次 1', '批次 2', '批次 3']);
    const [{ events }] = await env.db.query<{ events: number }[]>(
      `SELECT count(*)::int AS events FROM events WHERE type = 'incident.created' AND payload->>'title' LIKE '批次%'`,
    );
    expect(events).toBe(3);
  });
});
