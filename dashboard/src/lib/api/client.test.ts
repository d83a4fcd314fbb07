import type { UserView } from '@whistle/shared';
import { signInForTest } from '../../test/session';
import { authSession } from './auth-session';
import { ApiError, apiRequest, authorizedFetch } from './client';

const USER: UserView = {
  id: 'u1',
  username: 'someone',
  displayName: '张三',
  role: 'street_operator',
  districtId: 'd1',
  streetId: 's1',
  departmentId: null,
  gridIds: [],
};

function json(status: number, body: unknown): Response {
  return { ok: status < 400, status, json: () => Promise.resolve(body) } as unknown as Response;
}

/**
 * A fake server: tokens in `valid` are accepted; the refresh answers `refreshWith` (a new token
 * that becomes valid) or 401 when it is null. Every call is recorded with its bearer token.
 */
function fakeServer(options: { valid: string[]; refreshWith: string | null }) {
  const valid = new Set(options.valid);
  const calls: { path: string; token: string | null }[] = [];
  global.fetch = jest.fn((input: URL | string, init: RequestInit = {}) => {
    const path = new URL(String(input)).pathname;
    const auth = (init.headers as Record<string, string> | undefined)?.Authorization;
    const token = auth ? auth.replace('Bearer ', '') : null;
    calls.push({ path, token });
    if (path === '/api/auth/refresh') {
      if (!options.refreshWith) return Promise.resolve(json(401, { statusCode: 401, message: 'ended' }));
      valid.add(options.refreshWith);
      return Promise.resolve(
        json(200, {
          accessToken: options.refreshWith,
          accessTokenExpiresAt: '',
          user: USER,
          mustChangePassword: false,
        }),
      );
    }
    if (path === '/api/auth/login') return Promise.resolve(json(401, { statusCode: 401, message: 'wrong' }));
    if (!token || !valid.has(token))
      return Promise.resolve(json(401, { statusCode: 401, message: 'expired' }));
    return Promise.resolve(json(200, { path, token }));
  }) as unknown as typeof fetch;
  return calls;
}

describe('apiRequest and the session', () => {
  it('after a 401 refreshes once and replays the request with the new token', async () => {
    signInForTest(USER, 'expired');
    const calls = fakeServer({ valid: [], refreshWith: 'fresh' });
    await expect(apiRequest('/incidents', { token: 'expired' })).resolves.toEqual({
      path: '/api/incidents',
      token: 'fresh',
    });
    expect(calls).toEqual([
      { path: '/api/incidents', token: 'expired' },
      { path: '/api/auth/refresh', token: null },
      { path: '/api/incidents', token: 'fresh' },
    ]);
    // Later calls go with the new token at once, even from a view that still holds the old one.
    await apiRequest('/streets', { token: 'expired' });
    expect(calls.at(-1)).toEqual({ path: '/api/streets', token: 'fresh' });
  });

  it('shares one refresh among requests that fail together', async () => {
    signInForTest(USER, 'expired');
    const calls = fakeServer({ valid: [], refreshWith: 'fresh' });
    const answers = await Promise.all(
      ['/a', '/b', '/c'].map((path) => apiRequest<{ token: string }>(path, { token: 'expired' })),
    );
    expect(answers.map((a) => a.token)).toEqual(['fresh', 'fresh', 'fresh']);
    expect(calls.filter((c) => c.path === '/api/auth/refresh')).toHaveLength(1);
  });

  it('replays only once: a second 401 is the caller’s error, with no second refresh', async () => {
    signInForTest(USER, 'expired');
    // The refresh works, but the server still refuses the new token.
    const calls: string[] = [];
    global.fetch = jest.fn((input: URL | string) => {
      const path = new URL(String(input)).pathname;
      calls.push(path);
      if (path !== '/api/auth/refresh') return Promise.resolve(json(401, { statusCode: 401, message: 'no' }));
      return Promise.resolve(
        json(200, { accessToken: 'fresh', accessTokenExpiresAt: '', user: USER, mustChangePassword: false }),
      );
    }) as unknown as typeof fetch;
    await expect(apiRequest('/incidents', { token: 'expired' })).rejects.toMatchObject({ status: 401 });
    expect(calls).toEqual(['/api/incidents', '/api/auth/refresh', '/api/incidents']);
  });

  it('ends the session when the refresh is refused, and the request fails with 401', async () => {
    signInForTest(USER, 'expired');
    fakeServer({ valid: [], refreshWith: null });
    const error = await apiRequest('/incidents', { token: 'expired' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    expect(authSession.getState()).toMatchObject({ status: 'signed-out', ended: { userId: 'u1' } });
  });

  it('does not take a wrong password for an expired session', async () => {
    signInForTest(USER, 't1');
    const calls = fakeServer({ valid: ['t1'], refreshWith: 'fresh' });
    await expect(
      apiRequest('/auth/login', { token: null, method: 'POST', body: { username: 'x', password: 'y' } }),
    ).rejects.toMatchObject({ status: 401 });
    expect(calls.map((c) => c.path)).toEqual(['/api/auth/login']);
    expect(authSession.getState().status).toBe('signed-in');
  });

  it('turns a 403 password_change_required into the owed password change', async () => {
    signInForTest(USER, 't1');
    global.fetch = jest.fn(() =>
      Promise.resolve(
        json(403, {
          statusCode: 403,
          message: 'Choose a new password first',
          code: 'password_change_required',
        }),
      ),
    );
    await expect(apiRequest('/incidents', { token: 't1' })).rejects.toMatchObject({ status: 403 });
    expect(authSession.getState().mustChangePassword).toBe(true);
  });

  it('renews and replays raw uploads too, resending the same multipart body', async () => {
    signInForTest(USER, 'expired');
    const calls = fakeServer({ valid: [], refreshWith: 'fresh' });
    const bodies: unknown[] = [];
    const inner = global.fetch;
    global.fetch = jest.fn((input: URL | string, init?: RequestInit) => {
      bodies.push(init?.body);
      return inner(input, init);
    }) as unknown as typeof fetch;
    const form = new FormData();
    form.append('photos', new Blob(['x']), 'a.jpg');
    const response = await authorizedFetch(
      '/api/incidents/i1/photos',
      { method: 'POST', body: form },
      'expired',
    );
    expect(response.status).toBe(200);
    expect(calls.map((c) => c.token)).toEqual(['expired', null, 'fresh']);
    expect(bodies[2]).toBe(form);
  });
});
