import { DataSource, In, Not, type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AdmissionEntry } from '../admission/admission-entry.entity';
import { hashPassword } from '../auth/password';
import { TimerRuleEntity } from '../deadlines/timer-rule.entity';
import { Department } from '../departments/department.entity';
import { Rating } from '../dispatches/rating.entity';
import { Dispatch } from '../dispatches/dispatch.entity';
import { EventRecord } from '../events/event.entity';
import { OutboxEntry } from '../events/outbox.entity';
import { GridWorker } from '../grids/grid-worker.entity';
import { Grid } from '../grids/grid.entity';
import { Incident } from '../incidents/incident.entity';
import { Community } from '../streets/community.entity';
import { District } from '../streets/district.entity';
import { StreetLeader } from '../streets/street-leader.entity';
import { Street } from '../streets/street.entity';
import { User } from '../users/user.entity';
import { Whistle } from '../whistles/whistle.entity';
import { HotlineOrder } from '../hotline/hotline-order.entity';
import { seedDemoOpen311Key } from '../open311/demo-key';
import {
  ADMISSION_LISTS,
  DEMO_PASSWORD,
  DEPARTMENTS,
  timerRuleSeeds,
  userSeeds,
  type UserSeed,
} from './demo-data';
import { demoLayout, type DemoLayout } from './geography/layout';

export interface SeedOptions {
  /** Also delete every incident, whistle, dispatch, rating, event and outbox row first. */
  reset?: boolean;
  /** A ready hash of DEMO_PASSWORD, so test suites seeding many databases hash only once. */
  passwordHash?: string;
  /** Defaults to the generated Qinhuai layout. */
  layout?: DemoLayout;
}

export interface SeedResult {
  counts: {
    streets: number;
    communities: number;
    comprehensiveGrids: number;
    dedicatedGrids: number;
    departments: number;
    users: number;
    streetLeaders: number;
    gridWorkers: number;
    admissionEntries: number;
    timerRules: number;
    /** Rows removed by `reset`, summed over the operational tables. */
    deletedOperationalRows: number;
  };
  /** Ids by natural key, for tests and for the history seed. */
  ids: {
    district: string;
    streets: Record<string, string>;
    communities: Record<string, string>;
    grids: Record<string, string>;
    departments: Record<string, string>;
    users: Record<string, string>;
  };
}

/** Rows are written in batches well under PostgreSQL's 65,535 bind parameters. */
const BATCH = 300;

let demoHash: Promise<string> | undefined;

/** scrypt is deliberately slow: hash the shared demo password once per process. */
function demoPasswordHash(): Promise<string> {
  demoHash ??= hashPassword(DEMO_PASSWORD);
  return demoHash;
}

/**
 * Writes the reference data — district, streets, communities, grids, departments, demo users,
 * leader pairings, grid assignments, admission lists and timer rules — in one transaction.
 * Idempotent: rows are upserted by their natural key (code, username, type + priority), so ids
 * survive a re-run and existing incidents keep pointing at valid grids and users; link rows owned
 * by the demo are replaced; grids and communities the layout no longer has are removed.
 */
export async function seedReference(dataSource: DataSource, options: SeedOptions = {}): Promise<SeedResult> {
  const layout = options.layout ?? demoLayout();
  const passwordHash = options.passwordHash ?? (await demoPasswordHash());
  return dataSource.transaction(async (m) => {
    const deletedOperationalRows = options.reset ? await deleteOperationalData(m) : 0;
    const areas = await writeAreas(m, layout);
    const people = await writePeople(m, layout, areas, passwordHash);
    const links = await writeLinks(m, layout, areas, people);
    const timerRules = await replaceTimerRules(m);
    await seedDemoOpen311Key(m, people.users.admin ?? null);
    await removeStaleAreas(
      m,
      Object.values(areas.streets),
      Object.values(areas.grids),
      Object.values(areas.communities),
    );
    return {
      counts: {
        streets: layout.streets.length,
        communities: layout.communities.length,
        comprehensiveGrids: layout.grids.filter((g) => g.kind === 'comprehensive').length,
        dedicatedGrids: layout.grids.filter((g) => g.kind === 'dedicated').length,
        departments: DEPARTMENTS.length,
        users: people.specs.length,
        ...links,
        timerRules,
        deletedOperationalRows,
      },
      ids: { ...areas, departments: people.departments, users: people.users },
    };
  });
}

type AreaIds = Pick<SeedResult['ids'], 'district' | 'streets' | 'communities' | 'grids'>;

async function writeAreas(m: EntityManager, layout: DemoLayout): Promise<AreaIds> {
  const { district } = layout;
  const districts = await upsertByKey(m, District, 'code', [
    { ...names(district), boundary: district.boundary },
  ]);
  const districtId = required(districts, district.code, 'district');
  const streets = await upsertByKey(
    m,
    Street,
    'code',
    layout.streets.map((s) => ({
      ...names(s),
      districtId,
      centerLng: s.center[0],
      centerLat: s.center[1],
      boundary: s.boundary,
    })),
  );
  const communities = await upsertByKey(
    m,
    Community,
    'code',
    layout.communities.map((c) => ({
      ...names(c),
      streetId: required(streets, c.streetCode, 'street'),
      boundary: c.boundary,
    })),
  );
  const grids = await upsertByKey(
    m,
    Grid,
    'code',
    layout.grids.map((g) => ({
      code: g.code,
      name: g.name,
      kind: g.kind,
      streetId: required(streets, g.streetCode, 'street'),
      communityId: required(communities, g.communityCode, 'community'),
      polygon: g.polygon,
      ...g.bbox,
    })),
  );
  return { district: districtId, streets, communities, grids };
}

interface People {
  specs: UserSeed[];
  departments: Record<string, string>;
  users: Record<string, string>;
}

/** Every demo user gets the same hash: the password is the same and scrypt is slow on purpose. */
async function writePeople(
  m: EntityManager,
  layout: DemoLayout,
  areas: AreaIds,
  passwordHash: string,
): Promise<People> {
  const departments = await upsertByKey(
    m,
    Department,
    'code',
    DEPARTMENTS.map((d) => ({ ...d })),
  );
  const specs = userSeeds(layout);
  const users = await upsertByKey(
    m,
    User,
    'username',
    specs.map((u) => ({
      username: u.username,
      displayName: u.displayName,
      role: u.role,
      passwordHash,
      districtId: areas.district,
      // Written as null, not left out, so a re-run also clears a scope the demo no longer gives.
      streetId: u.streetCode ? required(areas.streets, u.streetCode, 'street') : null,
      departmentId: u.departmentCode ? required(departments, u.departmentCode, 'department') : null,
      active: true,
    })),
  );
  return { specs, departments, users };
}

/** Leader pairings, grid assignments and admission lists: the demo's rows are replaced wholesale. */
async function writeLinks(m: EntityManager, layout: DemoLayout, areas: AreaIds, people: People) {
  const streetIds = Object.values(areas.streets);
  const userId = (username: string) => required(people.users, username, 'user');

  const leaderRows = people.specs.flatMap((u) =>
    u.pairedStreets.map((code) => ({
      streetId: required(areas.streets, code, 'street'),
      userId: userId(u.username),
    })),
  );
  await m.delete(StreetLeader, { streetId: In(streetIds) });
  await insertAll(m, StreetLeader, leaderRows);

  const workerIds = people.specs.filter((u) => u.role === 'grid_worker').map((u) => userId(u.username));
  const workerRows = people.specs.flatMap((u) =>
    u.gridCodes.map((code) => ({ userId: userId(u.username), gridId: required(areas.grids, code, 'grid') })),
  );
  if (workerIds.length > 0) await m.delete(GridWorker, { userId: In(workerIds) });
  await insertAll(m, GridWorker, workerRows);

  const admissionRows = layout.streets.flatMap((s) =>
    (ADMISSION_LISTS[s.code] ?? []).map((category) => ({
      streetId: required(areas.streets, s.code, 'street'),
      category,
    })),
  );
  await m.delete(AdmissionEntry, { streetId: In(streetIds) });
  await insertAll(m, AdmissionEntry, admissionRows);

  return {
    streetLeaders: leaderRows.length,
    gridWorkers: workerRows.length,
    admissionEntries: admissionRows.length,
  };
}

/** Children before parents, so this also holds once foreign keys are added. */
async function deleteOperationalData(m: EntityManager): Promise<number> {
  let deleted = 0;
  for (const entity of [OutboxEntry, EventRecord, Rating, Dispatch, Whistle, HotlineOrder, Incident]) {
    const result = await m.createQueryBuilder().delete().from(entity).execute();
    deleted += result.affected ?? 0;
  }
  return deleted;
}

/** Upserts one row per natural key and returns key → id for every row (inserted or updated). */
async function upsertByKey<E extends ObjectLiteral & { id: string }>(
  m: EntityManager,
  entity: EntityTarget<E>,
  key: keyof E & string,
  rows: QueryDeepPartialEntity<E>[],
): Promise<Record<string, string>> {
  for (let i = 0; i < rows.length; i += BATCH) await m.upsert(entity, rows.slice(i, i + BATCH), [key]);
  const keys = rows.map((r): unknown => r[key]).filter((k): k is string => typeof k === 'string');
  const found = await m
    .createQueryBuilder(entity, 't')
    .select(['t.id', `t.${key}`])
    .where(`t.${key} = ANY(:keys)`, { keys })
    .getMany();
  return Object.fromEntries(found.map((row) => [String(row[key]), row.id]));
}

async function insertAll<E extends ObjectLiteral>(
  m: EntityManager,
  entity: EntityTarget<E>,
  rows: QueryDeepPartialEntity<E>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    await m
      .createQueryBuilder()
      .insert()
      .into(entity)
      .values(rows.slice(i, i + BATCH))
      .execute();
  }
}

/** The demo's rules replace whatever rules exist, keeping the ids of rules that stay. */
async function replaceTimerRules(m: EntityManager): Promise<number> {
  const rules = timerRuleSeeds();
  await m.upsert(TimerRuleEntity, rules, ['whistleType', 'priority']);
  const existing = await m.find(TimerRuleEntity);
  const stale = existing.filter(
    (r) => !rules.some((s) => s.whistleType === r.whistleType && s.priority === r.priority),
  );
  if (stale.length > 0) await m.delete(TimerRuleEntity, { id: In(stale.map((r) => r.id)) });
  return rules.length;
}

/**
 * Grids and communities of the demo streets that the current layout no longer produces (after a
 * change to the generator). Fails, rolling everything back, if incidents still point at them —
 * run with --reset then.
 */
async function removeStaleAreas(
  m: EntityManager,
  streetIds: string[],
  gridIds: string[],
  communityIds: string[],
) {
  const staleGrids = await m.find(Grid, {
    select: ['id'],
    where: { streetId: In(streetIds), id: Not(In(gridIds)) },
  });
  if (staleGrids.length > 0) {
    const ids = staleGrids.map((g) => g.id);
    const used = await m.count(Incident, { where: { gridId: In(ids) } });
    if (used > 0)
      throw new Error(`${used} incident(s) lie in grids the layout no longer has; seed with --reset`);
    await m.delete(GridWorker, { gridId: In(ids) });
    await m.delete(Grid, { id: In(ids) });
  }
  await m.delete(Community, { streetId: In(streetIds), id: Not(In(communityIds)) });
}

function names<T extends { code: string; nameZh: string; nameEn: string }>({ code, nameZh, nameEn }: T) {
  return { code, nameZh, nameEn };
}

function required(ids: Record<string, string>, key: string, what: string): string {
  const id = ids[key];
  if (!id) throw new Error(`unknown ${what} ${key}`);
  return id;
}
