import request from 'supertest';
import type { ApiErrorBody, LoginResponse, TemporaryPasswordResponse } from '@whistle/shared';
import { AuditEntry } from '../src/audit/audit-entry.entity';
import type { User } from '../src/users/user.entity';
import { Api, connect, type Recorder } from './support/clients';
import { createUser, PASSWORD } from './support/factories';
import { TestEnv, type RunningTestApp } from './support/test-app';
import { createWorld, type World } from './support/world';

/** A browser's side of a session: the access token and the refresh cookie the server set. */
interface Signed {
  token: string;
  cookie: string;
  body: LoginResponse;
}

function refreshCookieOf(setCookie: string[] | string | undefined): string {
  const all = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const found = all.find((c) => c.startsWith('whistle_refresh='));
  if (!found) throw new Error(`no refresh cookie in ${JSON.stringify(all)}`);
  return found;
}

async function signIn(url: string, username: string, password = PASSWORD): Promise<Signed> {
  const res = await request(url).post('/api/auth/login').send({ username, password });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  const cookie = refreshCookieOf(res.headers['set-cookie']);
  const body = res.body as LoginResponse;
  return { token: body.accessToken, cookie: cookie.split(';')[0] ?? '', body };
}

function refresh(url: string, cookie: string) {
  return request(url).post('/api/auth/refresh').set('Cookie', cookie);
}

const me = (url: string, token: string) =>
  request(url).get('/api/auth/me').set('Authorization', `Bearer ${token}`);

/** Resolves with the time it took the server to close the socket, from `since`. */
function closedAfter(socket: Recorder, since: () => number): Promise<number> {
  return new Promise((resolve) => {
    if (socket.socket.disconnected) resolve(Date.now() - since());
    socket.socket.once('disconnect', () => resolve(Date.now() - since()));
  });
}

describe('sessions: refresh, logout, revocation', () => {
  let env: TestEnv;
  let world: World;
  let a: RunningTestApp;
  let b: RunningTestApp;
  let admin: Api;
  const sockets: Recorder[] = [];

  beforeAll(async () => {
    env = await TestEnv.create();
    world = await createWorld(env);
    // Two API processes and a worker: what one node revokes, the other must honour.
    a = await env.start('api');
    b = await env.start('api');
    await env.start('worker');
    admin = new Api(b.url, (await signIn(b.url, world.users.admin.username)).token);
  }, 120_000);

  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await env.destroy();
  }, 60_000);

  const fresh = (role: User['role'] = 'district_operator') =>
    createUser(env.db, { role, districtId: world.districtId });
  const auditOf = (userId: string) =>
    env.db
      .getRepository(AuditEntry)
      .find({ where: [{ actorId: userId }, { targetId: userId }], order: { id: 'ASC' } });

  it('login sets a 15-minute access token and an httpOnly, SameSite=Strict refresh cookie on /api/auth', async () => {
    const user = await fresh();
    const res = await request(a.url)
      .post('/api/auth/login')
      .send({ username: user.username, password: PASSWORD });
    expect(res.status).toBe(200);
    const body = res.body as LoginResponse;
    const lifetime = Date.parse(body.accessTokenExpiresAt) - Date.now();
    expect(lifetime).toBeGreaterThan(14 * 60_000);
    expect(lifetime).toBeLessThanOrEqual(15 * 60_000);
    expect(body.mustChangePassword).toBe(false);
    const cookie = refreshCookieOf(res.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/api\/auth/);
    expect(JSON.stringify(body)).not.toContain(cookie.split(';')[0]?.split('=')[1] ?? '');
  });

  it('refresh rotates the token; presenting a rotated one revokes the whole family', async () => {
    const user = await fresh();
    const first = await signIn(a.url, user.username);
    const r1 = await refresh(b.url, first.cookie);
    expect(r1.status).toBe(200);
    const second = refreshCookieOf(r1.headers['set-cookie']).split(';')[0] ?? '';
    expect(second).not.toBe(first.cookie);
    const newToken = (r1.body as LoginResponse).accessToken;
    expect((await me(a.url, newToken)).status).toBe(200);

    // The first cookie again: theft. Everything of this session ends, on both nodes.
    expect((await refresh(a.url, first.cookie)).status).toBe(401);
    expect((await refresh(b.url, second)).status).toBe(401);
    expect((await me(a.url, newToken)).status).toBe(401);
    expect((await me(b.url, first.token)).status).toBe(401);
    expect((await auditOf(user.id)).map((e) => e.action)).toContain('auth.refresh.reused');
  });

  it('refresh without, or with a forged, cookie is 401 and clears the cookie', async () => {
    expect((await request(a.url).post('/api/auth/refresh')).status).toBe(401);
    const forged = await refresh(
      a.url,
      'whistle_refresh=00000000-0000-4000-8000-000000000000.0.' + 'A'.repeat(43),
    );
    expect(forged.status).toBe(401);
    expect(refreshCookieOf(forged.headers['set-cookie'])).toMatch(/Expires=Thu, 01 Jan 1970/);
  });

  it('logout ends this session only; logout-all ends every one', async () => {
    const user = await fresh();
    const [s1, s2, s3] = [
      await signIn(a.url, user.username),
      await signIn(b.url, user.username),
      await signIn(a.url, user.username),
    ];
    expect(
      (await request(a.url).post('/api/auth/logout').set('Authorization', `Bearer ${s1.token}`)).status,
    ).toBe(204);
    expect((await me(b.url, s1.token)).status).toBe(401);
    expect((await refresh(b.url, s1.cookie)).status).toBe(401);
    expect((await me(a.url, s2.token)).status).toBe(200);

    const all = await request(b.url).post('/api/auth/logout-all').set('Authorization', `Bearer ${s2.token}`);
    expect(all.body).toEqual({ revoked: 2 });
    for (const s of [s2, s3]) {
      expect((await me(a.url, s.token)).status).toBe(401);
      expect((await refresh(a.url, s.cookie)).status).toBe(401);
    }
    expect((await auditOf(user.id)).map((e) => e.action)).toEqual(
      expect.arrayContaining(['auth.login.succeeded', 'auth.logout', 'auth.logout_all']),
    );
  });

  it('changing one’s password checks the current one and the policy, and ends the other sessions', async () => {
    const user = await fresh();
    const here = await signIn(a.url, user.username);
    const elsewhere = await signIn(b.url, user.username);
    const change = (body: object) =>
      request(a.url).post('/api/auth/password').set('Authorization', `Bearer ${here.token}`).send(body);

    const wrong = await change({ currentPassword: 'not-it-at-all', newPassword: 'Harbour-lights-42' });
    expect(wrong.status).toBe(400);
    expect((wrong.body as ApiErrorBody).fields).toHaveProperty('currentPassword');
    for (const weak of ['short1', 'onlyletterslong', 'whistle123', `${user.username}-99x`]) {
      const res = await change({ currentPassword: PASSWORD, newPassword: weak });
      expect({ weak, status: res.status }).toEqual({ weak, status: 400 });
      expect((res.body as ApiErrorBody).fields).toHaveProperty('newPassword');
    }
    expect((await change({ currentPassword: PASSWORD })).status).toBe(400);

    const ok = await change({ currentPassword: PASSWORD, newPassword: 'Harbour-lights-42' });
    expect(ok.status).toBe(200);
    expect((await me(a.url, here.token)).status).toBe(200);
    expect((await me(a.url, (ok.body as LoginResponse).accessToken)).status).toBe(200);
    expect((await me(b.url, elsewhere.token)).status).toBe(401);
    expect(
      (await request(a.url).post('/api/auth/login').send({ username: user.username, password: PASSWORD }))
        .status,
    ).toBe(401);
    await signIn(b.url, user.username, 'Harbour-lights-42');
    expect((await auditOf(user.id)).map((e) => e.action)).toContain('auth.password.changed');
  });

  it('an admin reset ends every session; the temporary password allows only choosing a new one', async () => {
    const user = await fresh();
    const before = await signIn(a.url, user.username);
    const reset = await admin.post(`/api/users/${user.id}/password-reset`, {});
    expect(reset.status).toBe(200);
    const { temporaryPassword, user: view } = reset.body as TemporaryPasswordResponse;
    expect(view.mustChangePassword).toBe(true);
    expect((await me(a.url, before.token)).status).toBe(401);
    expect((await refresh(a.url, before.cookie)).status).toBe(401);

    const temp = await signIn(a.url, user.username, temporaryPassword);
    expect(temp.body.mustChangePassword).toBe(true);
    expect((await me(a.url, temp.token)).status).toBe(200);
    const blocked = await request(a.url).get('/api/incidents').set('Authorization', `Bearer ${temp.token}`);
    expect(blocked.status).toBe(403);
    expect((blocked.body as ApiErrorBody).code).toBe('password_change_required');
    const changed = await request(a.url)
      .post('/api/auth/password')
      .set('Authorization', `Bearer ${temp.token}`)
      .send({ currentPassword: temporaryPassword, newPassword: 'Lantern-river-77' });
    expect(changed.status).toBe(200);
    const after = (changed.body as LoginResponse).accessToken;
    expect((await request(a.url).get('/api/streets').set('Authorization', `Bearer ${after}`)).status).toBe(
      200,
    );
  });

  /**
   * Every way a session ends, across two API processes: a session signed in on node A with its
   * socket on node B, and one signed in on B with its socket on A. Each path names the sessions it
   * must end; those answer 401 on both nodes at once and lose their sockets within seconds.
   */
  interface Revocation {
    path: string;
    /** The user to act on is a district operator signed in twice (s1, s2) and once more (s3). */
    act: (user: User, s: { s1: Signed; s2: Signed; s3: Signed }) => Promise<number>;
    ends: ('s1' | 's2' | 's3')[];
  }
  const revocations: Revocation[] = [
    {
      path: 'deactivation by an admin',
      ends: ['s1', 's2', 's3'],
      act: async (u) => (await admin.patch(`/api/users/${u.id}`, { active: false })).status,
    },
    {
      path: 'a role change by an admin',
      ends: ['s1', 's2', 's3'],
      act: async (u) => (await admin.patch(`/api/users/${u.id}`, { role: 'district_leader' })).status,
    },
    {
      path: 'a password reset by an admin',
      ends: ['s1', 's2', 's3'],
      act: async (u) => (await admin.post(`/api/users/${u.id}/password-reset`, {})).status,
    },
    {
      path: 'an admin ending the user’s sessions',
      ends: ['s1', 's2', 's3'],
      act: async (u) => (await admin.post(`/api/users/${u.id}/sessions/revoke`)).status,
    },
    {
      path: 'logout everywhere by the user',
      ends: ['s1', 's2', 's3'],
      act: async (_u, { s3 }) =>
        (await request(a.url).post('/api/auth/logout-all').set('Authorization', `Bearer ${s3.token}`)).status,
    },
    {
      path: 'the user’s own new password (ends the others)',
      ends: ['s1', 's2'],
      act: async (_u, { s3 }) =>
        (
          await request(b.url)
            .post('/api/auth/password')
            .set('Authorization', `Bearer ${s3.token}`)
            .send({ currentPassword: PASSWORD, newPassword: 'Harbour-lights-42' })
        ).status,
    },
    {
      path: 'logout of one session',
      ends: ['s1'],
      act: async (_u, { s1 }) =>
        (await request(b.url).post('/api/auth/logout').set('Authorization', `Bearer ${s1.token}`)).status ===
        204
          ? 200
          : 500,
    },
    {
      path: 'a reused refresh token (ends its own family)',
      ends: ['s2'],
      act: async (_u, { s2 }) => {
        expect((await refresh(a.url, s2.cookie)).status).toBe(200);
        return (await refresh(b.url, s2.cookie)).status === 401 ? 200 : 500;
      },
    },
  ];

  it.each(revocations)(
    '$path ends exactly its sessions on both nodes: REST at once, sockets within 2 s',
    async ({ act, ends }) => {
      const user = await fresh();
      const sessions = {
        s1: await signIn(a.url, user.username),
        s2: await signIn(b.url, user.username),
        s3: await signIn(a.url, user.username),
      };
      const socketOf = {
        s1: await connect(b.url, sessions.s1.token),
        s2: await connect(a.url, sessions.s2.token),
      };
      sockets.push(socketOf.s1, socketOf.s2);
      let actedAt = 0;
      const closed = {
        s1: closedAfter(socketOf.s1, () => actedAt),
        s2: closedAfter(socketOf.s2, () => actedAt),
      };
      expect(await act(user, sessions)).toBe(200);
      actedAt = Date.now();
      for (const name of ['s1', 's2', 's3'] as const) {
        const want = ends.includes(name) ? 401 : 200;
        for (const node of [a, b]) {
          expect({ name, node: node.url, status: (await me(node.url, sessions[name].token)).status }).toEqual(
            { name, node: node.url, status: want },
          );
        }
      }
      for (const name of ['s1', 's2'] as const) {
        if (!ends.includes(name)) {
          await new Promise((r) => setTimeout(r, 1_500));
          expect({ name, connected: socketOf[name].socket.connected }).toEqual({ name, connected: true });
          continue;
        }
        const ms = await closed[name];
        // The design bound is 2 s (a 1 s sweep and a query); a loaded CI machine gets slack here and
        // the figure is printed for the record.
        expect(ms).toBeLessThan(10_000);
        process.stdout.write(`socket of ${name} closed ${ms} ms after the revocation answered\n`);
      }
    },
  );

  it('a moved user signs in again with the new scope; a display name change ends nothing', async () => {
    const user = await createUser(env.db, {
      role: 'street_operator',
      districtId: world.districtId,
      streetId: world.streetA.street.id,
    });
    const s = await signIn(a.url, user.username);
    expect((await admin.patch(`/api/users/${user.id}`, { streetId: world.streetB.street.id })).status).toBe(
      200,
    );
    expect((await me(b.url, s.token)).status).toBe(401);
    const again = await signIn(b.url, user.username);
    expect(again.body.user.streetId).toBe(world.streetB.street.id);
    expect((await admin.patch(`/api/users/${user.id}`, { displayName: '夫子庙值班员' })).status).toBe(200);
    expect((await me(a.url, again.token)).status).toBe(200);
    const audit = await auditOf(user.id);
    expect(audit.map((e) => e.action)).toEqual(
      expect.arrayContaining(['user.updated', 'auth.sessions.revoked']),
    );
    const moved = audit.find((e) => e.action === 'user.updated');
    expect(moved?.details).toEqual({
      changes: { streetId: { from: world.streetA.street.id, to: world.streetB.street.id } },
    });
  });

  it('admin user routes validate scope per role with field-level 400s', async () => {
    const bad = await admin.post('/api/users', {
      username: 'x.dept',
      displayName: 'X',
      role: 'dept_officer',
    });
    expect(bad.status).toBe(400);
    expect((bad.body as ApiErrorBody).fields).toHaveProperty('departmentId');
    const ok = await admin.post('/api/users', {
      username: `dept.new.${Date.now()}`,
      displayName: '新值班员',
      role: 'dept_officer',
      departmentId: world.deptX.id,
    });
    expect(ok.status).toBe(201);
    const created = ok.body as TemporaryPasswordResponse;
    expect(created.user).toMatchObject({
      role: 'dept_officer',
      departmentId: world.deptX.id,
      mustChangePassword: true,
      active: true,
    });
    const dup = await admin.post('/api/users', {
      username: created.user.username,
      displayName: 'again',
      role: 'admin',
    });
    expect(dup.status).toBe(409);
    const weak = await admin.post(`/api/users/${created.user.id}/password-reset`, {
      temporaryPassword: 'short',
    });
    expect(weak.status).toBe(400);
    expect((weak.body as ApiErrorBody).fields).toHaveProperty('temporaryPassword');
    const audit = await env.db.getRepository(AuditEntry).findBy({ targetId: created.user.id });
    expect(audit.map((e) => e.action)).toContain('user.created');
    expect(JSON.stringify(audit)).not.toContain(created.temporaryPassword);
  });
});

describe('sockets live only as long as their token', () => {
  let env: TestEnv;
  let world: World;
  let app: RunningTestApp;
  const sockets: Recorder[] = [];

  beforeAll(async () => {
    env = await TestEnv.create();
    world = await createWorld(env);
    app = await env.start('both', { ACCESS_TOKEN_TTL_SECONDS: '8' });
  }, 120_000);

  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await env.destroy();
  }, 60_000);

  it('closes a socket whose token expires, and keeps one that renews', async () => {
    const renewing = await signIn(app.url, world.users.operatorB.username);
    const lives = await connect(app.url, renewing.token);
    const expiring = await signIn(app.url, world.users.operatorA.username);
    const lapses = await connect(app.url, expiring.token);
    sockets.push(lapses, lives);
    const lapsed = closedAfter(lapses, () => Date.parse(expiring.body.accessTokenExpiresAt));

    // Late enough that the renewed token outlives the first one by whole seconds (exp is in seconds).
    await new Promise((r) => setTimeout(r, 3_000));
    const next = await refresh(app.url, renewing.cookie);
    expect(next.status).toBe(200);
    const renewed = await lives.socket.emitWithAck('auth.renew', (next.body as LoginResponse).accessToken);
    expect(renewed).toMatchObject({ ok: true });

    // Closed at its token's expiry (exp has whole seconds), not before.
    expect(await lapsed).toBeGreaterThanOrEqual(-1_000);
    const firstExpiry = Date.parse(renewing.body.accessTokenExpiresAt);
    await new Promise((r) => setTimeout(r, Math.max(0, firstExpiry + 1_000 - Date.now())));
    expect(lives.socket.connected).toBe(true);
    // REST refuses the expired token too.
    expect((await me(app.url, expiring.token)).status).toBe(401);
  });

  it('refuses a renewal with another user’s token and closes the socket', async () => {
    const mine = await signIn(app.url, world.users.officerX.username);
    const theirs = await signIn(app.url, world.users.officerY.username);
    const socket = await connect(app.url, mine.token);
    sockets.push(socket);
    const closed = closedAfter(socket, () => 0);
    expect(await socket.socket.emitWithAck('auth.renew', theirs.token)).toEqual({
      ok: false,
      error: 'unauthorized',
    });
    await closed;
    // Junk of any shape is refused the same way.
    const other = await connect(app.url, (await signIn(app.url, world.users.officerX.username)).token);
    sockets.push(other);
    const untyped = other.socket as unknown as { emitWithAck(e: string, v: unknown): Promise<unknown> };
    expect(await untyped.emitWithAck('auth.renew', { token: 42 })).toEqual({
      ok: false,
      error: 'unauthorized',
    });
  });
});

describe('login throttling, answers and the audit log', () => {
  let env: TestEnv;
  let world: World;
  let a: RunningTestApp;
  let b: RunningTestApp;

  beforeAll(async () => {
    env = await TestEnv.create();
    world = await createWorld(env);
    a = await env.start('both', { LOGIN_LIMIT_PER_ACCOUNT: '3', LOGIN_LIMIT_PER_IP: '12' });
    b = await env.start('api', { LOGIN_LIMIT_PER_ACCOUNT: '3', LOGIN_LIMIT_PER_IP: '12' });
  }, 120_000);

  afterAll(async () => {
    await env.destroy();
  }, 60_000);

  const attempt = (url: string, username: string, password: string) =>
    request(url).post('/api/auth/login').send({ username, password });

  it('throttles one account across nodes, with Retry-After, and audits failures and the block', async () => {
    const victim = world.users.operatorB;
    const answers = [];
    for (const url of [a.url, b.url, a.url, b.url])
      answers.push(await attempt(url, victim.username, 'guess-guess-1'));
    expect(answers.map((r) => r.status)).toEqual([401, 401, 401, 429]);
    expect(Number(answers[3]?.headers['retry-after'])).toBeGreaterThan(0);
    // Blocked means blocked: even the right password is refused until the block ends.
    expect((await attempt(a.url, victim.username, PASSWORD)).status).toBe(429);
    // Another account from the same address still gets in.
    expect((await attempt(b.url, world.users.operatorA.username, PASSWORD)).status).toBe(200);

    const rows = await env.db
      .getRepository(AuditEntry)
      .find({ where: { actorUsername: victim.username }, order: { id: 'ASC' } });
    expect(rows.map((r) => r.action)).toEqual([
      'auth.login.failed',
      'auth.login.failed',
      'auth.login.failed',
      'auth.login.throttled',
    ]);
    expect(rows[0]).toMatchObject({ actorId: victim.id, details: { reason: 'wrong_password' } });
    expect(rows[0]?.ip).toMatch(/127\.0\.0\.1/);
    expect(JSON.stringify(rows)).not.toContain('guess-guess-1');
  });

  it('answers an unknown name and a wrong password alike, spending the same scrypt work', async () => {
    const fresh = await env.start('api');
    const timed = async (username: string) => {
      const start = process.hrtime.bigint();
      const res = await attempt(fresh.url, username, 'wrong-password-9');
      return { res, ms: Number(process.hrtime.bigint() - start) / 1e6 };
    };
    await timed('warm-up-name');
    const unknown = await timed('no-such-user-anywhere');
    const wrong = await timed(world.users.leaderA.username);
    expect(unknown.res.status).toBe(401);
    expect(wrong.res.status).toBe(401);
    expect(unknown.res.body).toEqual(wrong.res.body);
    // Without the decoy hash an unknown name answers in ~1 ms against ~300 ms: a loose bound catches that.
    expect(unknown.ms).toBeGreaterThan(wrong.ms * 0.3);
    process.stdout.write(
      `login answer: unknown name ${unknown.ms.toFixed(0)} ms, wrong password ${wrong.ms.toFixed(0)} ms\n`,
    );
  });

  it('lets admins alone read the audit log, and the database refuses to change it', async () => {
    const adminToken = (await signIn(a.url, world.users.admin.username)).token;
    const page = await request(a.url)
      .get('/api/audit-log?action=auth.login.failed&limit=2')
      .set('Authorization', `Bearer ${adminToken}`);
    expect(page.status).toBe(200);
    expect(page.body.items).toHaveLength(2);
    expect(page.body.nextCursor).toEqual(expect.any(String));
    const next = await request(a.url)
      .get(`/api/audit-log?action=auth.login.failed&before=${page.body.nextCursor as string}`)
      .set('Authorization', `Bearer ${adminToken}`);
    expect(next.status).toBe(200);
    expect(Number(next.body.items[0].id)).toBeLessThan(Number(page.body.nextCursor));
    const bad = await request(a.url)
      .get('/api/audit-log?before=abc&action=nope')
      .set('Authorization', `Bearer ${adminToken}`);
    expect(bad.status).toBe(400);
    expect(Object.keys((bad.body as ApiErrorBody).fields ?? {}).sort()).toEqual(['action', 'before']);
    const officer = (await signIn(a.url, world.users.officerX.username)).token;
    expect(
      (await request(a.url).get('/api/audit-log').set('Authorization', `Bearer ${officer}`)).status,
    ).toBe(403);

    await expect(env.db.query('UPDATE audit_log SET action = action')).rejects.toThrow(/append-only/);
    await expect(env.db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    await expect(env.db.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    expect(
      Number((await env.db.query<{ n: string }[]>('SELECT count(*) AS n FROM audit_log'))[0]?.n),
    ).toBeGreaterThan(5);
  });

  it('throttles one address whatever names it tries', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++)
      statuses.push((await attempt(i % 2 ? a.url : b.url, `nobody-${i}`, 'whatever-123')).status);
    // 12 per 5 minutes from this address, most spent by the tests above: refused from some point on.
    const first = statuses.indexOf(429);
    expect(first).toBeGreaterThanOrEqual(0);
    expect(statuses.slice(first).every((s) => s === 429)).toBe(true);
    expect(statuses.slice(0, first).every((s) => s === 401)).toBe(true);
  });
});
