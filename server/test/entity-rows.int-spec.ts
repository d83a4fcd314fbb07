import type { EntityTarget, ObjectLiteral } from 'typeorm';
import { Dispatch } from '../src/dispatches/dispatch.entity';
import { Incident } from '../src/incidents/incident.entity';
import { lockIncident } from '../src/incidents/incident-lock';
import { lockDispatchWithIncident } from '../src/dispatches/dispatch-lock';
import { entityRowsOf } from '../src/database/entity-rows';
import { persist } from '../src/database/persist';
import { loginAll, type Actors } from './support/api-driver';
import { blowWhistle, registeredIncident } from './support/flows';
import { TestEnv, type RunningTestApp } from './support/test-app';
import { createWorld, type World } from './support/world';

/**
 * The hot paths read incidents and dispatches with plain SQL (entityRows) instead of TypeORM's
 * find(): what they get must be exactly what find() gives — every column, its JS type, dates,
 * arrays and nulls — or a view, an event or a write built from it would differ.
 */
describe('plain-SQL entity rows read as TypeORM reads them', () => {
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

  async function asTypeormReads<T extends ObjectLiteral>(target: EntityTarget<T>, id: string): Promise<T> {
    return env.db.manager.findOneByOrFail(target, { id } as never);
  }

  it('an incident with a standing entry, parties and no grid reporter: equal to findOne, row-locked', async () => {
    const incident = await registeredIncident(actors.operatorA, world.streetA);
    const whistle = await blowWhistle(actors.operatorA, incident.id, [world.deptX.id], 'tough');
    // A date column, a timestamp and a nullable text, as the standing register writes them.
    await env.db.query(
      `UPDATE incidents SET standing_reason = 'needs the district', standing_review_on = '2026-12-31',
         standing_since = now() WHERE id = $1`,
      [incident.id],
    );
    const expected = await asTypeormReads(Incident, incident.id);
    expect(expected.partyDepartmentIds).toEqual([world.deptX.id]);
    expect(expected.standingReviewOn).toBe('2026-12-31');

    await env.db.transaction(async (manager) => {
      const locked = await lockIncident(manager, incident.id);
      expect(locked).toBeInstanceOf(Incident);
      expect(locked).toEqual(expected);
      // Locked: another transaction cannot take the row now.
      const other = await env.db.query(`SELECT id FROM incidents WHERE id = $1 FOR UPDATE SKIP LOCKED`, [
        incident.id,
      ]);
      expect(other).toEqual([]);
    });

    const dispatchId = whistle.dispatches[0].id;
    await env.db.transaction(async (manager) => {
      const locked = await lockDispatchWithIncident(manager, dispatchId);
      expect(locked?.dispatch).toBeInstanceOf(Dispatch);
      expect(locked?.dispatch).toEqual(await asTypeormReads(Dispatch, dispatchId));
      expect(locked?.incident).toEqual(expected);
    });
    expect(
      await env.db.transaction((m) => lockIncident(m, '00000000-0000-4000-8000-000000000000')),
    ).toBeNull();
  });

  it('persist() writes back every column of a loaded row, which TypeORM then reads as written', async () => {
    const incident = await registeredIncident(actors.operatorA, world.streetA);
    const whistle = await blowWhistle(actors.operatorA, incident.id, [world.deptX.id, world.deptY.id]);
    const written = await env.db.transaction(async (manager) => {
      const locked = await lockDispatchWithIncident(manager, whistle.dispatches[0].id);
      if (!locked) throw new Error('dispatch not found');
      const { dispatch, incident: row } = locked;
      dispatch.overdueStages = ['accept'];
      dispatch.overdueNotices = 2;
      dispatch.rejectReason = '“引号” and \\ backslash';
      dispatch.arrivalLng = 118.79;
      dispatch.arrivalLat = 32.02;
      await persist(manager, Dispatch, dispatch);
      row.standingReason = 'waits for the district';
      row.standingReviewOn = '2027-01-15';
      row.partyLeaderIds = [];
      row.overdue = true;
      await persist(manager, Incident, row);
      return { dispatch, incident: row };
    });
    expect(await asTypeormReads(Dispatch, written.dispatch.id)).toEqual(written.dispatch);
    expect(await asTypeormReads(Incident, written.incident.id)).toEqual(written.incident);
  });

  it('refuses, on first use, an entity with a column it would read differently from TypeORM', () => {
    const metadata = env.db.getMetadata(Dispatch);
    const column = metadata.columns.find((c) => c.propertyName === 'overdueStages');
    if (!column) throw new Error('Dispatch.overdueStages is gone');
    expect(entityRowsOf(metadata).columns).toContain('"overdue_stages" AS "overdueStages"');
    const original = column.transformer;
    // A transformer changes what TypeORM hands back; plain SQL would not apply it.
    column.transformer = { to: (v: unknown) => v, from: (v: unknown) => v };
    try {
      expect(() => entityRowsOf(metadata)).toThrow(/Dispatch.overdueStages/);
    } finally {
      column.transformer = original;
    }
  });
});
