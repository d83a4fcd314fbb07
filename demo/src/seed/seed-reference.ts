import { DataSource, type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { categoriesSuggesting } from '@whistle/shared';
import { AdmissionEntry } from '@whistle/server/dist/admission/admission-entry.entity';
import { hashPassword } from '@whistle/server/dist/users/password';
import { TimerRuleEntity } from '@whistle/server/dist/timer-rules/timer-rule.entity';
import { Department } from '@whistle/server/dist/departments/department.entity';
import { Rating } from '@whistle/server/dist/dispatches/rating.entity';
import { RatingSnapshotEntity } from '@whistle/server/dist/metrics/rating-snapshot.entity';
import { Dispatch } from '@whistle/server/dist/dispatches/dispatch.entity';
import { EventRecord } from '@whistle/server/dist/events/event.entity';
import { OutboxEntry } from '@whistle/server/dist/events/outbox.entity';
import { GridWorker } from '@whistle/server/dist/users/grid-worker.entity';
import { Grid } from '@whistle/server/dist/grids/grid.entity';
import { Incident } from '@whistle/server/dist/incidents/incident.entity';
import { Community } from '@whistle/server/dist/streets/community.entity';
import { District } from '@whistle/server/dist/streets/district.entity';
import { StreetLeader } from '@whistle/server/dist/users/street-leader.entity';
import { Street } from '@whistle/server/dist/streets/street.entity';
import { User } from '@whistle/server/dist/users/user.entity';
import { Whistle } from '@whistle/server/dist/whistles/whistle.entity';
import { HotlineOrder } from '@whistle/server/dist/hotline/hotline-order.entity';
import { issueKnownKey } from '@whistle/server/dist/open311/known-key';
import { DEMO_OPEN311_KEY, DEMO_PASSWORD } from '../world';
import { ADMISSION_LISTS, DEPARTMENTS, timerRuleSeeds, userSeeds, type UserSeed } from './demo-data';
import { demoLayout, type DemoLayout } from './geography/layout';

export interface SeedOptions {
  /** Also delete every incident, whistle, dispatch, rating, rating snapshot, event and outbox row first. */
  reset?: boolean;
  /** A ready hash of DEMO_PASSWORD, so test suites seeding many databases hash only once. */
  passwordHash?: string;
  /** Defaults to the generated Qinhuai layout. */
  layout?: DemoLayout;
}

export interface SeedResult {
  /** What the demo has, whether this run inserted it or found it already there. */
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
  /** What this run inserted: everything into an empty database, only what is missing after that. */
  inserted: {
    streets: number;
    communities: number;
    grids: number;
    departments: number;
    users: number;
    streetLeaders: number;
    gridWorkers: number;
    admissionEntries: number;
    timerRules: number;
    open311Keys: number;
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

/**
 * Every demo account shares one published password, so one hash serves them all: a salt per user
 * would protect nothing anyone does not already know, while scrypt at its production cost (~0.3 s
 * a hash) for each of the ~100 demo users would make every seed take half a minute. Hashed once per
 * process, and only when a demo user is missing.
 */
function demoPasswordHash(): Promise<string> {
  demoHash ??= hashPassword(DEMO_PASSWORD);
  return demoHash;
}

/**
 * Writes the reference data — district, streets, communities, grids, departments, demo users,
 * leader pairings, grid assignments, admission lists, timer rules and the demo Open311 key — in one
 * transaction, inserting only what is missing. A row whose natural key (code, username, type +
 * priority, key hash) exists is left exactly as it is, so a re-run never undoes an administrator's
 * work: a password, a deactivation, a role or scope, a timer rule, a boundary import's grids, a
 * revoked key. What hangs off one row — a street's admission list, a leader's pairings, a grid
 * worker's grids — is written only together with that row: once it exists, the list is the
 * administrator's to change, or to empty.
 */
export async function seedReference(dataSource: DataSource, options: SeedOptions = {}): Promise<SeedResult> {
  const layout = options.layout ?? demoLayout();
  const passwordHash = () =>
    options.passwordHash ? Promise.resolve(options.passwordHash) : demoPasswordHash();
  return dataSource.transaction(async (m) => {
    const deletedOperationalRows = options.reset ? await deleteOperationalData(m) : 0;
    const areas = await writeAreas(m, layout);
    const people = await writePeople(m, layout, areas.ids, passwordHash);
    const links = await writeLinks(m, layout, areas, people);
    const timerRules = await insertMissingTimerRules(m);
    const open311Keys = await issueKnownKey(m, {
      name: 'Demo Open311 client',
      secret: DEMO_OPEN311_KEY,
      createdById: people.users.admin ?? null,
    });
    return {
      counts: {
        streets: layout.streets.length,
        communities: layout.communities.length,
        comprehensiveGrids: layout.grids.filter((g) => g.kind === 'comprehensive').length,
        dedicatedGrids: layout.grids.filter((g) => g.kind === 'dedicated').length,
        departments: DEPARTMENTS.length,
        users: people.specs.length,
        ...links.counts,
        timerRules: timerRules.total,
        deletedOperationalRows,
      },
      inserted: {
        ...areas.inserted,
        departments: people.inserted.departments.size,
        users: people.inserted.users.size,
        ...links.inserted,
        timerRules: timerRules.inserted,
        open311Keys,
      },
      ids: { ...areas.ids, departments: people.departments, users: people.users },
    };
  });
}

type AreaIds = Pick<SeedResult['ids'], 'district' | 'streets' | 'communities' | 'grids'>;

interface Areas {
  ids: AreaIds;
  inserted: Pick<SeedResult['inserted'], 'streets' | 'communities' | 'grids'>;
  /** Codes of the streets this run inserted: their admission lists are written with them. */
  newStreets: Set<string>;
}

/**
 * Areas are inserted by code and never updated: a boundary import may since have moved a border or
 * added grids to a demo street, and those stay as the import left them.
 */
async function writeAreas(m: EntityManager, layout: DemoLayout): Promise<Areas> {
  const { district } = layout;
  const districts = await insertMissing(m, District, 'code', [
    { ...names(district), boundary: district.boundary },
  ]);
  const districtId = required(districts.ids, district.code, 'district');
  const streets = await insertMissing(
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
  const communities = await insertMissing(
    m,
    Community,
    'code',
    layout.communities.map((c) => ({
      ...names(c),
      streetId: required(streets.ids, c.streetCode, 'street'),
      boundary: c.boundary,
    })),
  );
  const grids = await insertMissing(
    m,
    Grid,
    'code',
    layout.grids.map((g) => ({
      code: g.code,
      name: g.name,
      kind: g.kind,
      streetId: required(streets.ids, g.streetCode, 'street'),
      communityId: required(communities.ids, g.communityCode, 'community'),
      polygon: g.polygon,
      ...g.bbox,
    })),
  );
  return {
    ids: { district: districtId, streets: streets.ids, communities: communities.ids, grids: grids.ids },
    inserted: {
      streets: streets.inserted.size,
      communities: communities.inserted.size,
      grids: grids.inserted.size,
    },
    newStreets: streets.inserted,
  };
}

interface People {
  specs: UserSeed[];
  departments: Record<string, string>;
  users: Record<string, string>;
  inserted: { departments: Set<string>; users: Set<string> };
}

/**
 * Departments and demo users missing by code and username. An existing user keeps its password,
 * active flag, role and scope, whatever the demo says.
 */
async function writePeople(
  m: EntityManager,
  layout: DemoLayout,
  areas: AreaIds,
  passwordHash: () => Promise<string>,
): Promise<People> {
  const departments = await insertMissing(
    m,
    Department,
    'code',
    // Each handles the categories that usually summon it (editable later in 系统管理 · 部门).
    DEPARTMENTS.map((d) => ({ ...d, categories: categoriesSuggesting(d.code) })),
  );
  const specs = userSeeds(layout);
  const existing = await idsByKey(
    m,
    User,
    'username',
    specs.map((u) => u.username),
  );
  const missing = specs.filter((u) => !(u.username in existing));
  const hash = missing.length > 0 ? await passwordHash() : '';
  const users = await insertMissing(
    m,
    User,
    'username',
    missing.map((u) => ({
      username: u.username,
      displayName: u.displayName,
      role: u.role,
      passwordHash: hash,
      districtId: areas.district,
      streetId: u.streetCode ? required(areas.streets, u.streetCode, 'street') : null,
      departmentId: u.departmentCode ? required(departments.ids, u.departmentCode, 'department') : null,
      active: true,
    })),
  );
  return {
    specs,
    departments: departments.ids,
    users: { ...existing, ...users.ids },
    inserted: { departments: departments.inserted, users: users.inserted },
  };
}

/**
 * Leader pairings and grid assignments for the demo users this run inserted, admission lists for
 * the streets it inserted. Conflicts are skipped, never overwritten.
 */
async function writeLinks(m: EntityManager, layout: DemoLayout, areas: Areas, people: People) {
  const userId = (username: string) => required(people.users, username, 'user');
  const isNew = (u: UserSeed) => people.inserted.users.has(u.username);

  const leaderRows = people.specs.flatMap((u) =>
    u.pairedStreets.map((code) => ({
      streetId: required(areas.ids.streets, code, 'street'),
      userId: userId(u.username),
      isNew: isNew(u),
    })),
  );
  const workerRows = people.specs.flatMap((u) =>
    u.gridCodes.map((code) => ({
      userId: userId(u.username),
      gridId: required(areas.ids.grids, code, 'grid'),
      isNew: isNew(u),
    })),
  );
  const admissionRows = layout.streets.flatMap((s) =>
    (ADMISSION_LISTS[s.code] ?? []).map((category) => ({
      streetId: required(areas.ids.streets, s.code, 'street'),
      category,
      isNew: areas.newStreets.has(s.code),
    })),
  );
  const onlyNew = <T extends { isNew: boolean }>(rows: T[]) =>
    rows.filter((r) => r.isNew).map(({ isNew: _isNew, ...row }) => row);
  return {
    counts: {
      streetLeaders: leaderRows.length,
      gridWorkers: workerRows.length,
      admissionEntries: admissionRows.length,
    },
    inserted: {
      streetLeaders: await insertIgnoringConflicts(m, StreetLeader, onlyNew(leaderRows)),
      gridWorkers: await insertIgnoringConflicts(m, GridWorker, onlyNew(workerRows)),
      admissionEntries: await insertIgnoringConflicts(m, AdmissionEntry, onlyNew(admissionRows)),
    },
  };
}

/** Children before parents, so this also holds once foreign keys are added. */
async function deleteOperationalData(m: EntityManager): Promise<number> {
  let deleted = 0;
  const entities = [
    OutboxEntry,
    EventRecord,
    RatingSnapshotEntity,
    Rating,
    Dispatch,
    Whistle,
    HotlineOrder,
    Incident,
  ];
  for (const entity of entities) {
    const result = await m.createQueryBuilder().delete().from(entity).execute();
    deleted += result.affected ?? 0;
  }
  return deleted;
}

interface InsertedByKey {
  /** key → id for every row asked for, inserted now or found. */
  ids: Record<string, string>;
  /** Keys of the rows this call inserted. */
  inserted: Set<string>;
}

/** Inserts the rows whose natural key is not there yet; existing rows are not touched. */
async function insertMissing<E extends ObjectLiteral & { id: string }>(
  m: EntityManager,
  entity: EntityTarget<E>,
  key: keyof E & string,
  rows: QueryDeepPartialEntity<E>[],
): Promise<InsertedByKey> {
  const keyOf = (row: QueryDeepPartialEntity<E>): string => {
    const value: unknown = row[key];
    if (typeof value !== 'string') throw new Error(`a seed row has no ${key}`);
    return value;
  };
  const keys = rows.map(keyOf);
  const existing = await idsByKey(m, entity, key, keys);
  const missing = rows.filter((row) => !(keyOf(row) in existing));
  if (missing.length === 0) return { ids: existing, inserted: new Set() };
  await insertIgnoringConflicts(m, entity, missing);
  return { ids: await idsByKey(m, entity, key, keys), inserted: new Set(missing.map(keyOf)) };
}

async function idsByKey<E extends ObjectLiteral & { id: string }>(
  m: EntityManager,
  entity: EntityTarget<E>,
  key: keyof E & string,
  keys: string[],
): Promise<Record<string, string>> {
  if (keys.length === 0) return {};
  const found = await m
    .createQueryBuilder(entity, 't')
    .select(['t.id', `t.${key}`])
    .where(`t.${key} = ANY(:keys)`, { keys })
    .getMany();
  return Object.fromEntries(found.map((row) => [String(row[key]), row.id]));
}

/**
 * INSERT … ON CONFLICT DO NOTHING, in batches: a row that exists by any unique key (including one a
 * concurrent seed just wrote) is skipped, never updated. Returns how many rows went in.
 */
async function insertIgnoringConflicts<E extends ObjectLiteral>(
  m: EntityManager,
  entity: EntityTarget<E>,
  rows: QueryDeepPartialEntity<E>[],
): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < rows.length; i += BATCH) {
    const result = await m
      .createQueryBuilder()
      .insert()
      .into(entity)
      .values(rows.slice(i, i + BATCH))
      .orIgnore()
      // One row back per row that went in, to count them; the generated ids are looked up by key.
      .returning('1')
      .updateEntity(false)
      .execute();
    inserted += (result.raw as unknown[] | undefined)?.length ?? 0;
  }
  return inserted;
}

/**
 * The demo's rules for every (whistle type, priority) that has none. An administrator's rule stays
 * as it is; the service has no way to delete one, so a missing rule was never there.
 */
async function insertMissingTimerRules(m: EntityManager): Promise<{ total: number; inserted: number }> {
  const rules = timerRuleSeeds();
  const existing = await m.find(TimerRuleEntity, { select: ['whistleType', 'priority'] });
  const missing = rules.filter(
    (s) => !existing.some((r) => r.whistleType === s.whistleType && r.priority === s.priority),
  );
  return { total: rules.length, inserted: await insertIgnoringConflicts(m, TimerRuleEntity, missing) };
}

function names<T extends { code: string; nameZh: string; nameEn: string }>({ code, nameZh, nameEn }: T) {
  return { code, nameZh, nameEn };
}

function required(ids: Record<string, string>, key: string, what: string): string {
  const id = ids[key];
  if (!id) throw new Error(`unknown ${what} ${key}`);
  return id;
}
