import type { Polygon } from 'geojson';
import { In } from 'typeorm';
import { AdmissionEntry } from '@whistle/server/dist/admission/admission-entry.entity';
import { TimerRuleEntity } from '@whistle/server/dist/timer-rules/timer-rule.entity';
import { GridWorker } from '@whistle/server/dist/users/grid-worker.entity';
import { Grid } from '@whistle/server/dist/grids/grid.entity';
import { Incident } from '@whistle/server/dist/incidents/incident.entity';
import { hashApiKey } from '@whistle/server/dist/open311/api-key-hash';
import { DEMO_OPEN311_KEY } from '@whistle/demo';
import { Open311ApiKey } from '@whistle/server/dist/open311/open311-api-key.entity';
import { ADMISSION_LISTS, timerRuleSeeds, userSeeds } from '../src/seed/demo-data';
import { demoLayout } from '../src/seed/geography/layout';
import { historyBlockers } from '../src/seed/history/history-preconditions';
import { seedReference, type SeedResult } from '../src/seed/seed-reference';
import { StreetLeader } from '@whistle/server/dist/users/street-leader.entity';
import { User } from '@whistle/server/dist/users/user.entity';
import { TestEnv } from '../../server/test/support/test-app';

/**
 * The demo seed on a database an administrator has since worked on: a second run inserts what is
 * missing and nothing else. Before, every `up` of the compose stack re-seeded, resetting demo
 * passwords, reactivating users, overwriting rules and lists, deleting imported grids (failing when
 * incidents lay in them) and un-revoking the demo Open311 key.
 */
describe('seeding the demo reference data', () => {
  const layout = demoLayout();
  const specs = userSeeds(layout);
  let env: TestEnv;
  let first: SeedResult;

  beforeAll(async () => {
    env = await TestEnv.create();
    // No ready hash: the seed hashes the demo password itself, as `npm run seed` does.
    first = await seedReference(env.db);
  });

  afterAll(async () => {
    await env?.destroy();
  });

  it('fills an empty database with everything the demo has', async () => {
    const { counts: c, inserted: i } = first;
    expect(i).toEqual({
      streets: c.streets,
      communities: c.communities,
      grids: c.comprehensiveGrids + c.dedicatedGrids,
      departments: c.departments,
      users: c.users,
      streetLeaders: c.streetLeaders,
      gridWorkers: c.gridWorkers,
      admissionEntries: c.admissionEntries,
      timerRules: c.timerRules,
      open311Keys: 1,
    });
    expect(c.users).toBe(specs.length);
    expect(await env.db.getRepository(User).count()).toBe(specs.length);
    expect(await env.db.getRepository(Grid).count()).toBe(layout.grids.length);
    // The demo password was hashed once for every demo account (see demoPasswordHash).
    const [hashes] = await env.db.query<{ n: number }[]>(
      'SELECT count(DISTINCT password_hash)::int AS n FROM users',
    );
    expect(hashes?.n).toBe(1);
    expect(await historyBlockers(env.db)).toEqual([]);
  });

  describe('after an administrator has changed things', () => {
    const changedHash = 'scrypt$131072$8$1$c2FsdHNhbHRzYWx0c2FsdA==$a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5';
    const street = 'fuzimiao';
    let leaderName: string;
    let workerName: string;
    let removedWorker: (typeof specs)[number];
    let second: SeedResult;
    let importedGridId: string;
    let incidentId: string;
    let movedGrid: Grid;
    const movedPolygon: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [118.78, 32.02],
          [118.781, 32.02],
          [118.781, 32.021],
          [118.78, 32.021],
          [118.78, 32.02],
        ],
      ],
    };

    beforeAll(async () => {
      const db = env.db;
      const users = db.getRepository(User);
      // A deactivated account, a changed password, a changed role.
      await users.update({ username: `street.${street}` }, { active: false });
      await users.update({ username: 'admin' }, { passwordHash: changedHash });
      await users.update({ username: 'district.operator' }, { role: 'district_leader' });
      // A timer rule changed; an admission list replaced by a shorter one.
      await db
        .getRepository(TimerRuleEntity)
        .update({ whistleType: 'enforcement', priority: 'any' }, { acceptMinutes: 7 });
      const streetId = first.ids.streets[street] ?? '';
      await db.getRepository(AdmissionEntry).delete({ streetId, category: 'noise' });
      // A leader's pairing and a grid worker's assignment taken away.
      leaderName = 'district.leader';
      await db.getRepository(StreetLeader).delete({
        userId: first.ids.users[leaderName] ?? '',
        streetId: first.ids.streets.shuangtang ?? '',
      });
      workerName = `grid.${street}.01`;
      const workerId = first.ids.users[workerName] ?? '';
      const [keptGrid] = await db.getRepository(GridWorker).findBy({ userId: workerId });
      await db.getRepository(GridWorker).delete({ userId: workerId, gridId: In([keptGrid?.gridId]) });
      // The demo key revoked.
      await db
        .getRepository(Open311ApiKey)
        .update({ keyHash: hashApiKey(DEMO_OPEN311_KEY) }, { revokedAt: new Date('2030-01-02T03:04:05Z') });
      // A boundary import: a grid added to a demo street, with an incident in it, and a border moved.
      const demoGrid = layout.grids.find((g) => g.streetCode === street);
      if (!demoGrid) throw new Error('the demo street has no grid');
      const communityId = first.ids.communities[demoGrid.communityCode] ?? '';
      const imported = await db.getRepository(Grid).save({
        code: 'imported-grid-001',
        name: '导入网格',
        kind: 'comprehensive' as const,
        streetId,
        communityId,
        polygon: movedPolygon,
        minLng: 118.78,
        minLat: 32.02,
        maxLng: 118.781,
        maxLat: 32.021,
      });
      importedGridId = imported.id;
      const incident = await db.getRepository(Incident).save({
        title: '导入网格里的事件',
        category: 'sanitation',
        priority: 'normal' as const,
        source: 'operator' as const,
        lng: 118.7805,
        lat: 32.0205,
        gridId: imported.id,
        communityId,
        streetId,
        districtId: first.ids.district,
      });
      incidentId = incident.id;
      const movedId = first.ids.grids[demoGrid.code] ?? '';
      await db.getRepository(Grid).update({ id: movedId }, { polygon: movedPolygon, minLng: 118.78 });
      movedGrid = await db.getRepository(Grid).findOneByOrFail({ id: movedId });
      // Things the demo has that are gone: a timer rule, and a grid worker with their assignments.
      await db.getRepository(TimerRuleEntity).delete({ whistleType: 'emergency', priority: 'urgent' });
      const worker = specs.find((u) => u.username === `grid.${street}.02`);
      if (!worker) throw new Error('the demo street has no second grid worker');
      removedWorker = worker;
      const removedId = first.ids.users[removedWorker.username] ?? '';
      await db.getRepository(GridWorker).delete({ userId: removedId });
      await users.delete({ id: removedId });

      second = await seedReference(env.db);
    });

    it('succeeds, inserting only what was missing', () => {
      expect(second.inserted).toEqual({
        streets: 0,
        communities: 0,
        grids: 0,
        departments: 0,
        users: 1,
        streetLeaders: 0,
        gridWorkers: removedWorker.gridCodes.length,
        admissionEntries: 0,
        timerRules: 1,
        open311Keys: 0,
      });
      expect(second.ids.users).toEqual({
        ...first.ids.users,
        [removedWorker.username]: second.ids.users[removedWorker.username],
      });
      expect(second.ids.grids).toEqual(first.ids.grids);
    });

    it('keeps users as the administrator left them', async () => {
      const users = env.db.getRepository(User);
      expect(await users.findOneByOrFail({ username: `street.${street}` })).toMatchObject({ active: false });
      expect(await users.findOneByOrFail({ username: 'admin' })).toMatchObject({ passwordHash: changedHash });
      expect(await users.findOneByOrFail({ username: 'district.operator' })).toMatchObject({
        role: 'district_leader',
      });
    });

    it('keeps the timer rules and admission lists, and adds only a missing rule', async () => {
      const rules = env.db.getRepository(TimerRuleEntity);
      expect(await rules.findOneByOrFail({ whistleType: 'enforcement', priority: 'any' })).toMatchObject({
        acceptMinutes: 7,
      });
      const restored = timerRuleSeeds().find((r) => r.whistleType === 'emergency' && r.priority === 'urgent');
      expect(await rules.findOneByOrFail({ whistleType: 'emergency', priority: 'urgent' })).toMatchObject({
        acceptMinutes: restored?.acceptMinutes,
      });
      expect(await rules.count()).toBe(timerRuleSeeds().length);
      const list = await env.db
        .getRepository(AdmissionEntry)
        .findBy({ streetId: first.ids.streets[street] ?? '' });
      expect(list.map((e) => e.category).sort()).toEqual(
        (ADMISSION_LISTS[street] ?? []).filter((c) => c !== 'noise').sort(),
      );
    });

    it('keeps pairings and grid assignments, and gives a re-created grid worker the demo grids', async () => {
      const pairings = await env.db
        .getRepository(StreetLeader)
        .findBy({ userId: first.ids.users[leaderName] ?? '' });
      expect(pairings.map((p) => p.streetId)).toEqual([first.ids.streets.fuzimiao]);
      const kept = await env.db
        .getRepository(GridWorker)
        .findBy({ userId: first.ids.users[workerName] ?? '' });
      const demo = specs.find((u) => u.username === workerName)?.gridCodes ?? [];
      expect(kept).toHaveLength(demo.length - 1);
      const recreated = await env.db
        .getRepository(GridWorker)
        .findBy({ userId: second.ids.users[removedWorker.username] ?? '' });
      expect(recreated.map((g) => g.gridId).sort()).toEqual(
        removedWorker.gridCodes.map((code) => first.ids.grids[code]).sort(),
      );
    });

    it('keeps the imported grid, its incident and a moved border', async () => {
      expect(await env.db.getRepository(Grid).findOneBy({ id: importedGridId })).not.toBeNull();
      expect(await env.db.getRepository(Incident).findOneBy({ id: incidentId })).toMatchObject({
        gridId: importedGridId,
      });
      expect(await env.db.getRepository(Grid).findOneByOrFail({ id: movedGrid.id })).toMatchObject({
        polygon: movedPolygon,
        minLng: 118.78,
      });
    });

    it('leaves the demo Open311 key revoked', async () => {
      const key = await env.db
        .getRepository(Open311ApiKey)
        .findOneByOrFail({ keyHash: hashApiKey(DEMO_OPEN311_KEY) });
      expect(key.revokedAt).toEqual(new Date('2030-01-02T03:04:05Z'));
    });

    it('says why the demo history cannot be played on it any more', async () => {
      const blockers = await historyBlockers(env.db);
      expect(blockers).toEqual([
        expect.stringContaining('timer rules differ from the demo'),
        expect.stringMatching(/demo accounts are inactive or have another role \(.*street\.fuzimiao/),
      ]);
      expect(blockers[0]).toContain('enforcement/any');
      expect(blockers[1]).toContain('district.operator');
    });
  });
});
