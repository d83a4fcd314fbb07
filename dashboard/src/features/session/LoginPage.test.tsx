import { render, screen, fireEvent, waitFor } from '@testing-library/react';
import { MemoryRouter, useLocation } from 'react-router';
import type { Role, UserView } from '@whistle/shared';
import { App } from '../../App';
import { AppProviders } from '../../AppProviders';
import { authSession } from '../../lib/api/auth-session';
import { FakeSocket } from '../../test/fake-socket';

// The live connection is not under test here; a fake keeps socket.io off the network.
jest.mock('../live/socket', () => ({ createSocket: (auth: never) => new FakeSocket(auth) }));

function user(role: Role): UserView {
  return {
    id: 'u1',
    username: 'someone',
    displayName: '张三',
    role,
    districtId: 'd1',
    streetId: 's1',
    departmentId: 'dep1',
    gridIds: [],
  };
}

function jsonResponse(status: number, body: unknown): Response {
  return { ok: status < 400, status, json: () => Promise.resolve(body) } as unknown as Response;
}

const loginAnswer = (role: Role) => ({
  accessToken: 't1',
  accessTokenExpiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
  user: user(role),
  mustChangePassword: false,
});

/**
 * A tiny fake of the server: no refresh cookie at start; login answers with `role`; lists are
 * empty; `unauthorized` makes them 401 (and the refresh too: the session has ended).
 */
function fakeServer(role: Role, options: { unauthorized?: boolean } = {}) {
  const fetchMock = jest.fn((input: URL | string) => {
    const path = new URL(String(input)).pathname;
    if (path === '/api/auth/refresh')
      return Promise.resolve(jsonResponse(401, { statusCode: 401, message: 'no session' }));
    if (path === '/api/auth/login') return Promise.resolve(jsonResponse(200, loginAnswer(role)));
    if (options.unauthorized)
      return Promise.resolve(jsonResponse(401, { statusCode: 401, message: 'expired' }));
    if (path === '/api/incidents')
      return Promise.resolve(jsonResponse(200, { items: [], total: 0, nextCursor: null }));
    return Promise.resolve(jsonResponse(200, []));
  });
  global.fetch = fetchMock as unknown as typeof fetch;
  return fetchMock;
}

function Where() {
  return <output data-testid="path">{useLocation().pathname}</output>;
}

function renderApp(path = '/login') {
  return render(
    <AppProviders>
      <MemoryRouter initialEntries={[path]}>
        <App />
        <Where />
      </MemoryRouter>
    </AppProviders>,
  );
}

async function logIn() {
  fireEvent.change(await screen.findByLabelText('账号'), { target: { value: 'someone' } });
  fireEvent.change(screen.getByLabelText('密码'), { target: { value: 'whistle123' } });
  fireEvent.click(screen.getByRole('button', { name: '登录' }));
}

describe('login and role routing', () => {
  it.each<[Role, string]>([
    ['street_operator', '/street'],
    ['dept_officer', '/duty'],
    ['district_leader', '/leaders'],
    ['grid_worker', '/grid'],
  ])('sends a %s to %s after login, showing who is signed in', async (role, path) => {
    fakeServer(role);
    renderApp();
    await logIn();
    await waitFor(() => expect(screen.getByTestId('path').textContent).toBe(path));
    expect(await screen.findByTestId('current-user')).toHaveProperty(
      'textContent',
      expect.stringContaining('张三'),
    );
    // The token lives in memory only; nothing of the session is left in web storage.
    expect(authSession.currentToken()).toBe('t1');
    expect(sessionStorage.length).toBe(0);
    expect(localStorage.getItem('whistle.session')).toBeNull();
  });

  it('shows an error and stays on the login page for a wrong password', async () => {
    global.fetch = jest.fn(() => Promise.resolve(jsonResponse(401, { statusCode: 401, message: 'bad' })));
    renderApp();
    await logIn();
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', '账号或密码错误');
    expect(screen.getByTestId('path').textContent).toBe('/login');
    // A wrong password is no ended session: no notice, and no refresh attempted for it.
    expect(screen.queryByTestId('session-ended')).toBeNull();
    const paths = (global.fetch as jest.Mock).mock.calls.map(([url]) => new URL(String(url)).pathname);
    expect(paths).toEqual(['/api/auth/login']);
  });

  it('sends a visitor without a session from a view to the login page', async () => {
    fakeServer('dept_officer');
    renderApp('/duty');
    await waitFor(() => expect(screen.getByTestId('path').textContent).toBe('/login'));
    expect(screen.queryByTestId('session-ended')).toBeNull();
  });

  it('returns to the login page with a notice when the session has ended (401, and the refresh too)', async () => {
    const fetchMock = fakeServer('street_operator', { unauthorized: true });
    renderApp();
    await logIn();
    // Signed in first (it reaches /street), then the first API call's 401 and the refused refresh end it.
    await waitFor(() => expect(fetchMock.mock.calls.length).toBeGreaterThan(2));
    await waitFor(() => expect(screen.getByTestId('path').textContent).toBe('/login'));
    expect(await screen.findByTestId('session-ended')).toHaveProperty(
      'textContent',
      '会话已结束，请重新登录',
    );
    expect(authSession.currentToken()).toBeNull();
    expect(await screen.findByLabelText('账号')).toBeTruthy();
  });
});
