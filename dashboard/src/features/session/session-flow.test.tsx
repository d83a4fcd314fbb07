import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { MemoryRouter, useLocation } from 'react-router';
import type { DepartmentStandingView, LoginResponse, UserView } from '@whistle/shared';
import { App } from '../../App';
import { AppProviders } from '../../AppProviders';
import { authSession } from '../../lib/api/auth-session';
import { FakeSocket } from '../../test/fake-socket';
import { signInForTest, startWithSessionCookie } from '../../test/session';

let socket: FakeSocket | null = null;
jest.mock('../live/socket', () => ({
  createSocket: (auth: never) => {
    socket = new FakeSocket(auth);
    return socket;
  },
}));

const OFFICER: UserView = {
  id: 'u-officer',
  username: 'dept.officer',
  displayName: '李四',
  role: 'dept_officer',
  districtId: 'd1',
  streetId: null,
  departmentId: 'dep1',
  gridIds: [],
};

function json(status: number, body: unknown): Response {
  return { ok: status < 400, status, json: () => Promise.resolve(body) } as unknown as Response;
}

interface Call {
  method: string;
  path: string;
  token: string | null;
  body: unknown;
}

/**
 * A fake of the server's session rules at the fetch boundary: while the session is live the
 * refresh hands out numbered tokens and lists answer empty; once it has ended every call is 401.
 */
function fakeServer(
  options: { session?: 'live' | 'none'; mustChangePassword?: boolean; user?: UserView } = {},
) {
  const server = {
    session: options.session ?? 'live',
    mustChangePassword: options.mustChangePassword ?? false,
    user: options.user ?? OFFICER,
    issued: 0,
    calls: [] as Call[],
    /** Answers for POST /auth/password, in order; a success once they run out. */
    passwordAnswers: [] as [number, unknown][],
    /** Holds the refresh answer back until released, to look at the page meanwhile. */
    holdRefresh: null as Promise<void> | null,
  };
  const loginAnswer = (): LoginResponse => ({
    accessToken: `t${(server.issued += 1)}`,
    accessTokenExpiresAt: '',
    user: server.user,
    mustChangePassword: server.mustChangePassword,
  });
  const route = async (method: string, path: string): Promise<[number, unknown]> => {
    if (path === '/api/auth/refresh') {
      if (server.holdRefresh) await server.holdRefresh;
      return server.session === 'live' ? [200, loginAnswer()] : [401, { statusCode: 401, message: 'ended' }];
    }
    if (path === '/api/auth/login') {
      server.session = 'live';
      return [200, loginAnswer()];
    }
    if (server.session !== 'live') return [401, { statusCode: 401, message: 'Invalid or expired token' }];
    if (path === '/api/auth/logout') {
      server.session = 'none';
      return [204, null];
    }
    if (path === '/api/auth/logout-all') {
      server.session = 'none';
      return [200, { revoked: 2 }];
    }
    if (path === '/api/auth/password') {
      const scripted = server.passwordAnswers.shift();
      if (scripted) return scripted;
      server.mustChangePassword = false;
      return [200, loginAnswer()];
    }
    if (server.mustChangePassword) {
      return [
        403,
        { statusCode: 403, message: 'Choose a new password first', code: 'password_change_required' },
      ];
    }
    if (method === 'GET' && path === '/api/incidents')
      return [200, { items: [], total: 0, nextCursor: null }];
    if (method === 'GET' && path === '/api/metrics/department-standing') {
      const standing: DepartmentStandingView = {
        from: '2026-11-30T16:00:00.000Z',
        to: '2026-12-31T16:00:00.000Z',
        departmentId: 'dept-1',
        dispatches: 0,
        score: 0,
        rank: 1,
        ranked: 1,
      };
      return [200, standing];
    }
    return [200, []];
  };
  global.fetch = jest.fn(async (input: URL | string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    const path = new URL(String(input)).pathname;
    const auth = (init.headers as Record<string, string> | undefined)?.Authorization;
    const body: unknown = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    server.calls.push({ method, path, token: auth ? auth.replace('Bearer ', '') : null, body });
    const [status, answer] = await route(method, path);
    return json(status, answer);
  }) as unknown as typeof fetch;
  return server;
}

function Where() {
  const { pathname, search } = useLocation();
  return <output data-testid="path">{`${pathname}${search}`}</output>;
}

function renderApp(path: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <AppProviders client={client}>
      <MemoryRouter initialEntries={[path]}>
        <App />
        <Where />
      </MemoryRouter>
    </AppProviders>,
  );
  return client;
}

const path = () => screen.getByTestId('path').textContent;

async function signIn(username: string, password: string) {
  fireEvent.change(await screen.findByLabelText('账号'), { target: { value: username } });
  fireEvent.change(screen.getByLabelText('密码'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: '登录' }));
}

describe('the session across reloads, expiry and endings', () => {
  beforeEach(() => {
    socket = null;
  });

  it('a reload restores the session from the cookie, showing neither a login form nor a view meanwhile', async () => {
    const server = fakeServer();
    let release: () => void = () => undefined;
    server.holdRefresh = new Promise((resolve) => (release = resolve));
    startWithSessionCookie();
    renderApp('/duty');
    expect(await screen.findByTestId('session-restoring')).toBeTruthy();
    expect(screen.queryByLabelText('账号')).toBeNull();
    expect(screen.queryByTestId('view-duty')).toBeNull();
    expect(path()).toBe('/duty');
    release();
    expect(await screen.findByTestId('current-user')).toHaveProperty(
      'textContent',
      expect.stringContaining('李四'),
    );
    expect(path()).toBe('/duty');
    expect(server.calls[0]).toMatchObject({ method: 'POST', path: '/api/auth/refresh', token: null });
    // The restored token is what the views and the socket use.
    expect(server.calls.filter((c) => c.path !== '/api/auth/refresh').every((c) => c.token === 't1')).toBe(
      true,
    );
    expect(socket?.sentAuth[0]).toEqual({ token: 't1' });
  });

  it('when the cookie has lapsed, a reload lands on the login page with no notice', async () => {
    const server = fakeServer({ session: 'none' });
    startWithSessionCookie();
    renderApp('/duty');
    await waitFor(() => expect(path()).toBe('/login'));
    expect(await screen.findByLabelText('账号')).toBeTruthy();
    expect(screen.queryByTestId('session-ended')).toBeNull();
    expect(server.calls.map((c) => c.path)).toEqual(['/api/auth/refresh']);
  });

  it('a browser that never signed in shows the login page at once, presenting no cookie', async () => {
    const server = fakeServer({ session: 'none' });
    renderApp('/duty');
    expect(await screen.findByLabelText('账号')).toBeTruthy();
    expect(path()).toBe('/login');
    expect(server.calls).toEqual([]);
  });

  it('hands a silently refreshed token to the open socket instead of reconnecting', async () => {
    const server = fakeServer();
    server.issued = 1;
    signInForTest(OFFICER, 't1');
    renderApp('/duty');
    await screen.findByTestId('current-user');
    act(() => socket?.open());
    await act(() => authSession.refresh());
    expect(socket?.renewals).toEqual(['t2']);
    expect(socket?.connects).toBe(1);
    expect(screen.getByTestId('view-duty')).toBeTruthy();
  });

  it('when an API call finds the session ended: login page, notice, empty cache, socket closed; the same user returns', async () => {
    const server = fakeServer();
    signInForTest(OFFICER, 't0');
    const client = renderApp('/duty?focus=dsp-1');
    await screen.findByTestId('current-user');
    const live = socket;
    act(() => live?.open());

    // An administrator revokes the session; the next list refetch draws a 401, the refresh too.
    server.session = 'none';
    await act(() => client.invalidateQueries());
    await waitFor(() => expect(path()).toBe('/login'));
    expect(await screen.findByTestId('session-ended')).toHaveProperty(
      'textContent',
      '会话已结束，请重新登录',
    );
    expect(client.getQueryCache().getAll()).toHaveLength(0);
    expect(live?.closes).toBeGreaterThan(0);
    expect(screen.queryByText('加载失败')).toBeNull();

    // Back to the very page the session ended on.
    await signIn('dept.officer', 'Harbour-lamp-42');
    await waitFor(() => expect(path()).toBe('/duty?focus=dsp-1'));
    expect(screen.queryByTestId('session-ended')).toBeNull();
  });

  it('when the socket is refused as unauthorized and the refresh too, ends on the login page with the notice', async () => {
    const server = fakeServer();
    signInForTest(OFFICER, 't0');
    renderApp('/duty');
    await screen.findByTestId('current-user');
    act(() => socket?.open());
    server.session = 'none';
    // The server sweeps the ended session's socket; its reconnect is refused.
    act(() => {
      socket?.drop(false);
      socket?.refuse('unauthorized');
    });
    await waitFor(() => expect(path()).toBe('/login'));
    expect(await screen.findByTestId('session-ended')).toBeTruthy();
    expect(server.calls.some((c) => c.path === '/api/auth/refresh')).toBe(true);
  });

  it('someone else signing in after an ended session lands on their own view', async () => {
    const server = fakeServer();
    signInForTest({ ...OFFICER, id: 'u-street', role: 'street_operator', displayName: '王五' }, 't0');
    const client = renderApp('/street?focus=inc-1');
    await screen.findByTestId('current-user');
    server.session = 'none';
    await act(() => client.invalidateQueries());
    await screen.findByTestId('session-ended');
    await signIn('dept.officer', 'Harbour-lamp-42');
    await waitFor(() => expect(path()).toBe('/duty'));
  });
});

describe('a password change owed after an administrator’s reset', () => {
  it('comes before any view; field errors show beside their fields; then the role’s view opens', async () => {
    const server = fakeServer({ session: 'none', mustChangePassword: true });
    renderApp('/login');
    await signIn('dept.officer', 'Temp-pass-93');
    await waitFor(() => expect(path()).toBe('/password'));
    expect(screen.getByText('管理员已重置您的密码，请先设置新密码再继续。')).toBeTruthy();
    expect(screen.queryByTestId('view-duty')).toBeNull();

    const form = screen.getByTestId('view-password');
    fireEvent.change(within(form).getByLabelText('临时密码'), { target: { value: 'Temp-pass-93' } });
    fireEvent.change(within(form).getByLabelText('新密码'), { target: { value: 'short1' } });
    fireEvent.change(within(form).getByLabelText('再次输入新密码'), { target: { value: 'short2' } });
    fireEvent.click(screen.getByRole('button', { name: '保存新密码' }));
    expect(await screen.findByTestId('password-repeat-problems')).toHaveProperty(
      'textContent',
      '两次输入的新密码不一致',
    );
    expect(server.calls.some((c) => c.path === '/api/auth/password')).toBe(false);

    server.passwordAnswers.push([
      400,
      {
        statusCode: 400,
        message: 'Invalid request: newPassword',
        fields: {
          newPassword: [
            'must be at least 10 characters long',
            'is too common; choose another',
            'something new',
          ],
        },
      },
    ]);
    fireEvent.change(within(form).getByLabelText('再次输入新密码'), { target: { value: 'short1' } });
    fireEvent.click(screen.getByRole('button', { name: '保存新密码' }));
    const problems = await screen.findByTestId('password-newPassword-problems');
    expect(problems.textContent).toBe('至少 10 个字符；过于常见，请换一个；something new');
    expect(within(form).getByLabelText('新密码').getAttribute('aria-invalid')).toBe('true');

    server.passwordAnswers.push([
      400,
      {
        statusCode: 400,
        message: 'Invalid request: currentPassword',
        fields: { currentPassword: ['is not your current password'] },
      },
    ]);
    fireEvent.click(screen.getByRole('button', { name: '保存新密码' }));
    expect(await screen.findByTestId('password-currentPassword-problems')).toHaveProperty(
      'textContent',
      '当前密码不正确',
    );

    fireEvent.change(within(form).getByLabelText('新密码'), { target: { value: 'Harbour-lamp-42' } });
    fireEvent.change(within(form).getByLabelText('再次输入新密码'), { target: { value: 'Harbour-lamp-42' } });
    fireEvent.click(screen.getByRole('button', { name: '保存新密码' }));
    await waitFor(() => expect(path()).toBe('/duty'));
    expect(await screen.findByTestId('view-duty')).toBeTruthy();
    const change = server.calls.filter((c) => c.path === '/api/auth/password').at(-1);
    expect(change?.body).toEqual({ currentPassword: 'Temp-pass-93', newPassword: 'Harbour-lamp-42' });
    // Nothing but the auth routes was called before the change: no view ran into 403s.
    const firstView = server.calls.findIndex((c) => !c.path.startsWith('/api/auth/'));
    const lastChange = server.calls.map((c) => c.path).lastIndexOf('/api/auth/password');
    expect(firstView).toBeGreaterThan(lastChange);
  });

  it('a reload while the change is owed goes to the change page too', async () => {
    fakeServer({ mustChangePassword: true });
    startWithSessionCookie();
    renderApp('/duty');
    await waitFor(() => expect(path()).toBe('/password'));
    expect(await screen.findByLabelText('临时密码')).toBeTruthy();
  });
});

describe('the account menu', () => {
  async function openMenu() {
    fireEvent.click(await screen.findByTestId('user-menu'));
    return screen.getByRole('menu');
  }

  it('signs out: the server ends this session, the login page shows no notice', async () => {
    const server = fakeServer();
    signInForTest(OFFICER, 't0');
    renderApp('/duty');
    fireEvent.click(within(await openMenu()).getByRole('menuitem', { name: '退出登录' }));
    await waitFor(() => expect(path()).toBe('/login'));
    expect(server.calls.at(-1)).toMatchObject({ method: 'POST', path: '/api/auth/logout', token: 't0' });
    expect(screen.queryByTestId('session-ended')).toBeNull();
  });

  it('signs out everywhere', async () => {
    const server = fakeServer();
    signInForTest(OFFICER, 't0');
    renderApp('/duty');
    fireEvent.click(within(await openMenu()).getByRole('menuitem', { name: '退出所有设备' }));
    await waitFor(() => expect(path()).toBe('/login'));
    expect(server.calls.at(-1)).toMatchObject({ method: 'POST', path: '/api/auth/logout-all', token: 't0' });
  });

  it('opens the password change, which can be cancelled back to the view', async () => {
    fakeServer();
    signInForTest(OFFICER, 't0');
    renderApp('/duty');
    fireEvent.click(within(await openMenu()).getByRole('menuitem', { name: '修改密码' }));
    await waitFor(() => expect(path()).toBe('/password'));
    expect(screen.getByLabelText('当前密码')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '取消' }));
    await waitFor(() => expect(path()).toBe('/duty'));
  });

  it('speaks English when the user chose it', async () => {
    fakeServer();
    signInForTest(OFFICER, 't0');
    renderApp('/duty');
    fireEvent.click(await screen.findByTestId('language-toggle'));
    const menu = await openMenu();
    expect(
      within(menu)
        .getAllByRole('menuitem')
        .map((item) => item.textContent),
    ).toEqual(['Change password', 'Sign out', 'Sign out everywhere']);
    fireEvent.click(screen.getByTestId('language-toggle'));
  });
});
