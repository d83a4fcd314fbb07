import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { AuditEntryView, AuditLogPage } from '@whistle/shared';
import { deskUser, fakeFetch, renderSignedIn } from '../../test/render';
import { AuditLogAdmin } from './AuditLogAdmin';

const entry = (id: string, occurredAt: string): AuditEntryView => ({
  id,
  occurredAt,
  action: 'department.updated',
  actor: { id: 'u-admin', username: 'admin' },
  target: { type: 'department', id: 'dep-1' },
  ip: '10.0.0.8',
  details: { code: 'wenlv' },
});

function setup() {
  const queries: URLSearchParams[] = [];
  fakeFetch((method, path) => {
    if (method === 'GET' && path === '/api/users') return [200, { items: [], total: 0, nextCursor: null }];
    return undefined;
  });
  const fetchMock = global.fetch as jest.Mock;
  const route = fetchMock.getMockImplementation() as (input: string, init?: RequestInit) => Promise<Response>;
  fetchMock.mockImplementation((input: string, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    if (url.pathname !== '/api/audit-log') return route(input, init);
    queries.push(url.searchParams);
    const page: AuditLogPage = url.searchParams.get('before')
      ? { items: [entry('7', '2026-11-30T16:05:00Z')], nextCursor: null }
      : { items: [entry('9', '2026-12-01T02:00:00Z')], nextCursor: '9' };
    return Promise.resolve({ ok: true, status: 200, json: () => Promise.resolve(page) } as Response);
  });
  renderSignedIn(<AuditLogAdmin />, deskUser('admin'));
  return queries;
}

describe('audit log admin', () => {
  beforeEach(() => sessionStorage.clear());

  it('shows entries in China time with their action in words, and pages to older ones and back', async () => {
    const queries = setup();
    expect(await screen.findByText('2026-12-01 10:00')).toBeTruthy();
    expect(screen.getAllByText('修改部门').length).toBeGreaterThan(0);
    fireEvent.click(screen.getByTestId('audit-older'));
    // 2026-11-30 16:05 UTC is already 12-01 00:05 in China.
    expect(await screen.findByText('2026-12-01 00:05')).toBeTruthy();
    expect(queries[queries.length - 1]?.get('before')).toBe('9');
    fireEvent.click(screen.getByText('较新'));
    expect(await screen.findByText('2026-12-01 10:00')).toBeTruthy();
  });

  it('filters by action and by China calendar days, both ends included', async () => {
    const queries = setup();
    await screen.findByText('2026-12-01 10:00');
    fireEvent.change(screen.getByTestId('audit-action'), { target: { value: 'user.created' } });
    fireEvent.change(screen.getByTestId('audit-from'), { target: { value: '2026-12-01' } });
    fireEvent.change(screen.getByTestId('audit-to'), { target: { value: '2026-12-31' } });
    await waitFor(() => expect(queries[queries.length - 1]?.get('to')).toBe('2027-01-01T00:00:00+08:00'));
    const last = queries[queries.length - 1];
    expect(last?.get('action')).toBe('user.created');
    expect(last?.get('from')).toBe('2026-12-01T00:00:00+08:00');
    expect(last?.has('before')).toBe(false);
  });
});
