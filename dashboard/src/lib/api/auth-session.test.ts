import type { LoginResponse, UserView } from '@whistle/shared';
import { AuthSession, COOKIE_LOCK, type AuthSessionOptions, type SessionHint } from './auth-session';

const USER: UserView = {
  id: 'u1',
  username: 'someone',
  displayName: '张三',
  role: 'district_operator',
  districtId: 'd1',
  streetId: null,
  departmentId: null,
  gridIds: [],
};

const MINUTE = 60_000;

function loginAnswer(token: string, expiresAt: number, patch: Partial<LoginResponse> = {}): LoginResponse {
  return {
    accessToken: token,
    accessTokenExpiresAt: new Date(expiresAt).toISOString(),
    user: USER,
    mustChangePassword: false,
    ...patch,
  };
}

/** A fetch answer: what the session reads of one (status, JSON body, the Date header). */
function answer(status: number, body: unknown, serverTime?: number): Response {
  const date = serverTime === undefined ? null : new Date(serverTime).toUTCString();
  return {
    ok: status < 400,
    status,
    headers: { get: (name: string) => (name.toLowerCase() === 'date' ? date : null) },
    json: () => Promise.resolve(body),
  } as unknown as Response;
}

type Handler = (path: string, init: RequestInit) => Response | Promise<Response>;

/** A fake server at the fetch boundary: records each call's path and bearer token. */
function fakeFetch(handler: Handler) {
  const calls: { path: string; token: string | null }[] = [];
  const fetch = jest.fn((input: URL | string, init: RequestInit = {}) => {
    const path = new URL(String(input)).pathname;
    const headers = (init.headers ?? {}) as Record<string, string>;
    calls.push({ path, token: headers.Authorization?.replace('Bearer ', '') ?? null });
    return Promise.resolve(handler(path, init));
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls };
}

/**
 * Web Locks as the browser grants them: one holder per name at a time, the others queued in order.
 * Shared between sessions, it stands for the browser that all tabs of an origin share.
 */
class FakeLocks {
  readonly requested: string[] = [];
  private held = false;
  private readonly queue: (() => void)[] = [];

  request(name: string, callback: () => Promise<unknown>): Promise<unknown> {
    this.requested.push(name);
    return new Promise((resolve, reject) => {
      const run = () => {
        this.held = true;
        callback()
          .then(resolve, reject)
          .finally(() => {
            this.held = false;
            this.queue.shift()?.();
          });
      };
      if (this.held) this.queue.push(run);
      else run();
    });
  }

  asManager = (): LockManager => this as unknown as LockManager;
}

/** Whether the browser may hold a refresh cookie, kept in memory rather than localStorage. */
function memoryHint(present: boolean): SessionHint & { present: boolean } {
  const hint = { present, get: () => hint.present, set: (value: boolean) => (hint.present = value) };
  return hint;
}

function session(options: AuthSessionOptions) {
  return new AuthSession({ locks: () => undefined, hint: memoryHint(true), ...options });
}

describe('AuthSession', () => {
  afterEach(() => jest.useRealTimers());

  it('refreshes a minute before the token expires, timed by the server clock, not the PC clock', async () => {
    jest.useFakeTimers({ now: new Date('2026-03-01T08:00:00Z') });
    // This PC's clock is two hours behind the server's.
    const serverNow = () => Date.now() + 2 * 60 * MINUTE;
    let issued = 0;
    const server = fakeFetch((path) => {
      issued += 1;
      if (path === '/api/auth/login' || path === '/api/auth/refresh') {
        return answer(200, loginAnswer(`t${issued}`, serverNow() + 15 * MINUTE), serverNow());
      }
      return answer(404, null);
    });
    const auth = session({ fetch: server.fetch });
    await auth.login({ username: 'someone', password: 'pw' });
    expect(auth.currentToken()).toBe('t1');

    await jest.advanceTimersByTimeAsync(14 * MINUTE - 1000);
    expect(server.calls.map((c) => c.path)).toEqual(['/api/auth/login']);
    await jest.advanceTimersByTimeAsync(1000);
    expect(server.calls.map((c) => c.path)).toEqual(['/api/auth/login', '/api/auth/refresh']);
    expect(auth.currentToken()).toBe('t2');
    // The cookie goes alone: a refresh carries no bearer token.
    expect(server.calls[1]?.token).toBeNull();

    // …and the next one is scheduled from the new token's expiry.
    await jest.advanceTimersByTimeAsync(14 * MINUTE);
    expect(auth.currentToken()).toBe('t3');
  });

  it('never schedules refreshes closer than the floor, whatever the expiry says', async () => {
    jest.useFakeTimers({ now: new Date('2026-03-01T08:00:00Z') });
    const server = fakeFetch(() => answer(200, loginAnswer('t', Date.now() + 30_000)));
    const auth = session({ fetch: server.fetch, minRefreshDelayMs: 10_000 });
    await auth.login({ username: 'someone', password: 'pw' });
    await jest.advanceTimersByTimeAsync(9_999);
    expect(server.calls).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(server.calls).toHaveLength(2);
  });

  it('shares one refresh request among concurrent callers', async () => {
    let release: () => void = () => undefined;
    const server = fakeFetch(
      () =>
        new Promise<Response>((resolve) => {
          release = () => resolve(answer(200, loginAnswer('fresh', Date.now() + 15 * MINUTE)));
        }),
    );
    const auth = session({ fetch: server.fetch });
    auth.accept(loginAnswer('old', Date.now() + 15 * MINUTE));
    const pending = [auth.refresh(), auth.refresh(), auth.renewAfter401('old')];
    await Promise.resolve();
    release();
    await expect(Promise.all(pending)).resolves.toEqual(['fresh', 'fresh', 'fresh']);
    expect(server.calls).toHaveLength(1);
  });

  it('does not refresh after a 401 when another request already renewed the token', async () => {
    const server = fakeFetch(() => answer(200, loginAnswer('newer', Date.now() + 15 * MINUTE)));
    const auth = session({ fetch: server.fetch });
    auth.accept(loginAnswer('current', Date.now() + 15 * MINUTE));
    await expect(auth.renewAfter401('stale')).resolves.toBe('current');
    expect(server.calls).toHaveLength(0);
  });

  it('holds the Web Lock for every use of the cookie: login and refresh', async () => {
    const locks = new FakeLocks();
    const server = fakeFetch(() => answer(200, loginAnswer('t', Date.now() + 15 * MINUTE)));
    const auth = new AuthSession({ fetch: server.fetch, locks: locks.asManager });
    await auth.login({ username: 'someone', password: 'pw' });
    await auth.refresh();
    expect(locks.requested).toEqual([COOKIE_LOCK, COOKIE_LOCK]);
  });

  describe('two tabs sharing one rotating cookie', () => {
    /**
     * The server rotates the cookie on each refresh and ends the session when a used one comes
     * back; the browser's cookie jar is shared by the tabs. Answers take a moment, as on a network.
     */
    function cookieServer() {
      const jar = { cookie: 'c0' };
      let current = 'c0';
      let revoked = false;
      let n = 0;
      const server = fakeFetch(async () => {
        const presented = jar.cookie;
        await new Promise((r) => setTimeout(r, 5));
        if (revoked || presented !== current) {
          revoked = true; // reuse: the whole session ends
          return answer(401, { statusCode: 401, message: 'Session ended; sign in again' });
        }
        n += 1;
        current = `c${n}`;
        jar.cookie = current;
        return answer(200, loginAnswer(`t${n}`, Date.now() + 15 * MINUTE));
      });
      return { server, wasRevoked: () => revoked };
    }

    it('with the lock, both tabs refresh at once and the session survives', async () => {
      const { server, wasRevoked } = cookieServer();
      const locks = new FakeLocks();
      const tabs = [1, 2].map(() => new AuthSession({ fetch: server.fetch, locks: locks.asManager }));
      for (const tab of tabs) tab.accept(loginAnswer('t0', Date.now() + 15 * MINUTE));
      const tokens = await Promise.all(tabs.map((tab) => tab.refresh()));
      expect(tokens.sort()).toEqual(['t1', 't2']);
      expect(wasRevoked()).toBe(false);
      expect(tabs.map((tab) => tab.getState().status)).toEqual(['signed-in', 'signed-in']);
    });

    it('without it, the second tab presents a used cookie and the server ends the session', async () => {
      const { server, wasRevoked } = cookieServer();
      const tabs = [1, 2].map(() => new AuthSession({ fetch: server.fetch, locks: () => undefined }));
      for (const tab of tabs) tab.accept(loginAnswer('t0', Date.now() + 15 * MINUTE));
      await Promise.all(tabs.map((tab) => tab.refresh()));
      expect(wasRevoked()).toBe(true);
    });
  });

  it('ends the session with a notice when the refresh is refused', async () => {
    const server = fakeFetch(() => answer(401, { statusCode: 401, message: 'Session ended' }));
    const auth = session({ fetch: server.fetch });
    auth.accept(loginAnswer('t1', Date.now() + 15 * MINUTE));
    const seen: string[] = [];
    auth.subscribe(() => seen.push(auth.getState().status));
    await expect(auth.refresh()).resolves.toBeNull();
    expect(auth.getState()).toEqual({
      status: 'signed-out',
      user: null,
      mustChangePassword: false,
      ended: { userId: 'u1' },
    });
    expect(auth.currentToken()).toBeNull();
    expect(seen).toEqual(['signed-out']);
    // Signed out, nothing presents the cookie again (and the notice stays).
    await expect(auth.refresh()).resolves.toBeNull();
    expect(server.calls).toHaveLength(1);
    expect(auth.getState().ended).toEqual({ userId: 'u1' });
  });

  it('keeps the session through a server outage during a scheduled refresh, retrying', async () => {
    jest.useFakeTimers();
    let down = true;
    const server = fakeFetch(() =>
      down
        ? Promise.reject(new TypeError('Failed to fetch'))
        : answer(200, loginAnswer('t2', Date.now() + 15 * MINUTE)),
    );
    const auth = session({ fetch: server.fetch, retryDelaysMs: [1000] });
    auth.accept(loginAnswer('t1', Date.now() + 2 * MINUTE));
    await jest.advanceTimersByTimeAsync(MINUTE);
    expect(server.calls).toHaveLength(1);
    expect(auth.getState().status).toBe('signed-in');
    await jest.advanceTimersByTimeAsync(1000);
    expect(server.calls).toHaveLength(2);
    down = false;
    await jest.advanceTimersByTimeAsync(1000);
    expect(auth.currentToken()).toBe('t2');
  });

  describe('restore at start', () => {
    it('signs in from the cookie', async () => {
      const server = fakeFetch(() => answer(200, loginAnswer('t1', Date.now() + 15 * MINUTE)));
      const auth = session({ fetch: server.fetch });
      expect(auth.getState().status).toBe('restoring');
      auth.restore();
      auth.restore(); // StrictMode runs effects twice: still one request
      await new Promise((r) => setTimeout(r, 0));
      expect(auth.getState()).toMatchObject({ status: 'signed-in', user: USER });
      expect(server.calls).toHaveLength(1);
    });

    it('a browser that never signed in presents no cookie: no refused refresh at every start', () => {
      const server = fakeFetch(() => answer(401, null));
      const hint = memoryHint(false);
      const auth = session({ fetch: server.fetch, hint });
      expect(auth.getState().status).toBe('signed-out');
      auth.restore();
      expect(server.calls).toHaveLength(0);
    });

    it('remembers that a cookie may exist from login until the session ends', async () => {
      let live = true;
      const server = fakeFetch(() =>
        live ? answer(200, loginAnswer('t', Date.now() + 15 * MINUTE)) : answer(401, null),
      );
      const hint = memoryHint(false);
      const auth = session({ fetch: server.fetch, hint });
      await auth.login({ username: 'someone', password: 'pw' });
      expect(hint.present).toBe(true);
      live = false;
      await auth.refresh();
      expect(hint.present).toBe(false);
    });

    it('without a live cookie, shows the login page with no notice', async () => {
      const server = fakeFetch(() => answer(401, { statusCode: 401, message: 'no cookie' }));
      const auth = session({ fetch: server.fetch });
      auth.restore();
      await new Promise((r) => setTimeout(r, 0));
      expect(auth.getState()).toMatchObject({ status: 'signed-out', ended: null });
    });

    it('keeps trying while the server cannot be reached (a wall screen booting before it)', async () => {
      jest.useFakeTimers();
      let down = true;
      const server = fakeFetch(() =>
        down
          ? answer(503, { statusCode: 503, message: 'starting' })
          : answer(200, loginAnswer('t1', Date.now() + 15 * MINUTE)),
      );
      const auth = session({ fetch: server.fetch, retryDelaysMs: [1000, 2000] });
      auth.restore();
      await jest.advanceTimersByTimeAsync(3000);
      expect(server.calls).toHaveLength(3);
      expect(auth.getState().status).toBe('restoring');
      down = false;
      await jest.advanceTimersByTimeAsync(2000);
      expect(auth.getState().status).toBe('signed-in');
    });
  });

  it('hands renewed tokens of the same session to listeners, not a new login', async () => {
    const server = fakeFetch((path) =>
      answer(200, loginAnswer(path === '/api/auth/login' ? 'login' : 'renewed', Date.now() + 15 * MINUTE)),
    );
    const auth = session({ fetch: server.fetch });
    const renewed: string[] = [];
    auth.onTokenRenewed((token) => renewed.push(token));
    await auth.login({ username: 'someone', password: 'pw' });
    await auth.refresh();
    expect(renewed).toEqual(['renewed']);
  });

  it('keeps the state object while only the token changes, so views do not re-render', async () => {
    const server = fakeFetch(() => answer(200, loginAnswer('renewed', Date.now() + 15 * MINUTE)));
    const auth = session({ fetch: server.fetch });
    auth.accept(loginAnswer('t1', Date.now() + 15 * MINUTE));
    const before = auth.getState();
    await auth.refresh();
    expect(auth.getState()).toBe(before);
  });

  it('signs out on logout even when the server does not answer, without a notice', async () => {
    jest.useFakeTimers();
    const server = fakeFetch(() => new Promise<Response>(() => undefined));
    const auth = session({ fetch: server.fetch, logoutTimeoutMs: 5000 });
    auth.accept(loginAnswer('t1', Date.now() + 15 * MINUTE));
    const done = auth.logout();
    await jest.advanceTimersByTimeAsync(5000);
    await done;
    expect(server.calls).toEqual([{ path: '/api/auth/logout', token: 't1' }]);
    expect(auth.getState()).toMatchObject({ status: 'signed-out', ended: null });
  });

  it('reports a failed "sign out everywhere" instead of pretending it worked', async () => {
    const server = fakeFetch(() => answer(503, { statusCode: 503, message: 'down' }));
    const auth = session({ fetch: server.fetch });
    auth.accept(loginAnswer('t1', Date.now() + 15 * MINUTE));
    await expect(auth.logoutEverywhere()).rejects.toMatchObject({ status: 503 });
    expect(auth.getState().status).toBe('signed-in');
  });

  it('adopts the fresh token of a password change and drops the owed change', async () => {
    const server = fakeFetch(() => answer(200, loginAnswer('after', Date.now() + 15 * MINUTE)));
    const auth = session({ fetch: server.fetch });
    auth.accept(loginAnswer('before', Date.now() + 15 * MINUTE, { mustChangePassword: true }));
    await auth.changePassword({ currentPassword: 'Temp-1234567', newPassword: 'Harbour-lamp-42' });
    expect(server.calls).toEqual([{ path: '/api/auth/password', token: 'before' }]);
    expect(auth.currentToken()).toBe('after');
    expect(auth.getState().mustChangePassword).toBe(false);
  });
});
