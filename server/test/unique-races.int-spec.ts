import type { Response } from 'supertest';
import { CATEGORY_CODES, type AuditLogPage } from '@whistle/shared';
import { must } from './support/api-driver';
import { login, type Api } from './support/clients';
import { createUser } from './support/factories';
import { TestEnv, type RunningTestApp } from './support/test-app';
import { waitUntil } from './support/wait';
import { createWorld, type World } from './support/world';

/**
 * Two admins creating the same department code or user name at the same instant: each service
 * checks first and names the field (409), but both requests can pass that check; the unique index
 * then refuses the second, which must be the same 409 naming the field, never a 500.
 *
 * To make the race certain rather than likely, the test holds an uncommitted row with the same
 * value open: both requests pass their check (they cannot see it) and wait on the index behind it.
 * Rolling it back releases them together; the first insert wins and the second is refused by the
 * index, exactly as when two requests meet without help.
 */
describe('unique values created twice at once', () => {
  let env: TestEnv;
  let app: RunningTestApp;
  let world: World;
  let adminA: Api;
  let adminB: Api;

  beforeAll(async () => {
    env = await TestEnv.create();
    world = await createWorld(env);
    app = await env.start('api');
    const secondAdmin = await createUser(env.db, { districtId: world.districtId, role: 'admin' });
    adminA = await login(app.url, world.users.admin);
    adminB = await login(app.url, secondAdmin);
  }, 120_000);

  afterAll(() => env.destroy());

  /** Backends of this database waiting for a lock (here: on the unique index, behind the held row). */
  const waitingOnLocks = async (): Promise<number> => {
    const [row] = await env.db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    return row?.n ?? 0;
  };

  /**
   * Holds `heldRow` (an INSERT) uncommitted until both requests wait behind it on the index, then
   * rolls it back and answers both responses.
   */
  async function bothPastTheirCheck(
    heldRow: { sql: string; params: unknown[] },
    requests: () => [PromiseLike<Response>, PromiseLike<Response>],
  ): Promise<Response[]> {
    const holder = env.db.createQueryRunner();
    await holder.connect();
    try {
      await holder.startTransaction();
      await holder.query(heldRow.sql, heldRow.params);
      const answers = Promise.all(requests().map((r) => Promise.resolve(r)));
      await waitUntil(async () => (await waitingOnLocks()) >= 2, 20_000);
      await holder.rollbackTransaction();
      return await answers;
    } finally {
      if (holder.isTransactionActive) await holder.rollbackTransaction();
      await holder.release();
    }
  }

  /** One 201 and one 409 naming `field`, in either order; the 409 is answered. */
  function oneCreatedOneTaken(answers: Response[], field: string): Response {
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
    const refused = answers.find((r) => r.status === 409);
    if (!refused) throw new Error('no 409');
    expect(refused.body).toMatchObject({
      statusCode: 409,
      error: 'Conflict',
      fields: { [field]: ['is taken'] },
    });
    return refused;
  }

  const department = (code: string) => ({
    code,
    nameZh: '测试局',
    nameEn: 'Test Bureau',
    kind: 'department',
    categories: ['noise'],
  });

  const auditCount = async (action: string, targetId: string) =>
    (
      (await must(adminA.get(`/api/audit-log?action=${action}&targetId=${targetId}`), 200, 'audit'))
        .body as AuditLogPage
    ).items.length;

  it('the same department code: one 201, one 409 naming `code`, one department and one audit row', async () => {
    const answers = await bothPastTheirCheck(
      {
        sql: `INSERT INTO departments (code, name_zh, name_en) VALUES ($1, 'x', 'x')`,
        params: ['race-dept'],
      },
      () => [
        adminA.post('/api/departments', department('race-dept')),
        adminB.post('/api/departments', department('race-dept')),
      ],
    );
    const refused = oneCreatedOneTaken(answers, 'code');
    expect(refused.body).toMatchObject({ message: 'department code race-dept is taken' });
    const rows = await env.db.query<{ id: string }[]>(`SELECT id FROM departments WHERE code = 'race-dept'`);
    expect(rows).toHaveLength(1);
    expect(await auditCount('department.created', rows[0]?.id ?? '')).toBe(1);
  });

  it('the same user name: one 201, one 409 naming `username`, one account', async () => {
    const account = (displayName: string) => ({
      username: 'race.user',
      displayName,
      role: 'district_operator',
    });
    const answers = await bothPastTheirCheck(
      {
        sql: `INSERT INTO users (username, password_hash, display_name, role, district_id)
              VALUES ($1, 'x', 'x', 'district_operator', $2)`,
        params: ['race.user', world.districtId],
      },
      () => [adminA.post('/api/users', account('甲')), adminB.post('/api/users', account('乙'))],
    );
    const refused = oneCreatedOneTaken(answers, 'username');
    expect(refused.body).toMatchObject({ message: 'username race.user is taken' });
    const rows = await env.db.query<{ id: string }[]>(`SELECT id FROM users WHERE username = 'race.user'`);
    expect(rows).toHaveLength(1);
  });

  it('without help too: pairs of creates at once never answer 500', async () => {
    const pairs = await Promise.all(
      ['pair-a', 'pair-b', 'pair-c', 'pair-d'].map((code) =>
        Promise.all([
          Promise.resolve(adminA.post('/api/departments', department(code))),
          Promise.resolve(adminB.post('/api/departments', department(code))),
          Promise.resolve(
            adminA.post('/api/users', { username: `${code}.user`, displayName: 'x', role: 'admin' }),
          ),
          Promise.resolve(
            adminB.post('/api/users', { username: `${code}.user`, displayName: 'x', role: 'admin' }),
          ),
        ]),
      ),
    );
    for (const [deptA, deptB, userA, userB] of pairs) {
      oneCreatedOneTaken([deptA, deptB] as Response[], 'code');
      oneCreatedOneTaken([userA, userB] as Response[], 'username');
    }
  });

  it('a street’s admission list replaced several times at once: every replace lands, one list wins whole', async () => {
    const streetId = world.streetA.street.id;
    const lists = [0, 1, 2, 3, 4, 5].map((i) => [...CATEGORY_CODES].slice(i % 3, (i % 3) + 3).sort());
    const answers = await Promise.all(
      lists.map((categories, i) =>
        Promise.resolve(
          (i % 2 ? adminA : adminB).put(`/api/streets/${streetId}/admission-list`, { categories }),
        ),
      ),
    );
    expect(answers.map((r) => r.status)).toEqual(lists.map(() => 200));
    const final = (await must(adminA.get(`/api/streets/${streetId}/admission-list`), 200, 'list')).body as {
      categories: string[];
    };
    expect(lists).toContainEqual([...final.categories].sort());
  });
});
