import type { ReactNode } from 'react';
import { render } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import type { Role, UserView } from '@whistle/shared';
import { AppProviders } from '../AppProviders';
import { signInForTest } from './session';

export function deskUser(role: Role, patch: Partial<UserView> = {}): UserView {
  return {
    id: 'u1',
    username: 'someone',
    displayName: '张三',
    role,
    districtId: 'd1',
    streetId: 's1',
    departmentId: 'dep1',
    gridIds: [],
    ...patch,
  };
}

export function jsonResponse(status: number, body: unknown): Response {
  return { ok: status < 400, status, json: () => Promise.resolve(body) } as unknown as Response;
}

export type Route = (method: string, path: string, body: unknown) => [number, unknown] | undefined;

/** A fake server: `route` answers by method and path; anything else is a 404. Calls are recorded. */
export function fakeFetch(route: Route) {
  const mock = jest.fn((input: URL | string, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : init?.body;
    const answer = route(init?.method ?? 'GET', url.pathname, body) ?? [
      404,
      { statusCode: 404, message: 'nope' },
    ];
    return Promise.resolve(jsonResponse(answer[0], answer[1]));
  });
  global.fetch = mock as unknown as typeof fetch;
  return mock;
}

/** Renders a desk component signed in as `user`, with a fresh query cache and no retries. */
export function renderSignedIn(ui: ReactNode, user: UserView) {
  signInForTest(user);
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  // Views render inside the app's router (the header's account menu links to the password page).
  return render(
    <AppProviders client={client}>
      <MemoryRouter>{ui}</MemoryRouter>
    </AppProviders>,
  );
}
