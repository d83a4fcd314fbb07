import { screen, waitFor } from '@testing-library/react';
import type { DepartmentStandingView } from '@whistle/shared';
import { deskUser, fakeFetch, renderSignedIn } from '../../test/render';
import { monthSoFar } from './department-standing';
import { DepartmentStandingCard } from './DepartmentStandingCard';

const standing: DepartmentStandingView = {
  from: '2026-11-30T16:00:00.000Z',
  to: '2026-12-06T08:00:00.000Z',
  departmentId: 'dep1',
  dispatches: 12,
  score: 87.46,
  rank: 3,
  ranked: 18,
};

describe('the department’s own score card', () => {
  it('shows this month’s score and rank, asked for the China-time month so far', async () => {
    const server = fakeFetch((method, path) =>
      method === 'GET' && path === '/api/metrics/department-standing' ? [200, standing] : undefined,
    );
    renderSignedIn(<DepartmentStandingCard />, deskUser('dept_officer'));
    expect((await screen.findByTestId('dept-score-line')).textContent).toBe('本月得分 87.5 · 第 3 / 18 名');
    const url = new URL(String(server.mock.calls[0]?.[0]), 'http://localhost');
    const from = url.searchParams.get('from') ?? '';
    // 00:00 on the 1st in Beijing is 16:00 UTC the day before.
    expect(from).toMatch(/T16:00:00\.000Z$/);
    expect(new Date(Date.parse(from) + 8 * 3_600_000).getUTCDate()).toBe(1);
  });

  it('says so when the department had no dispatch yet, and when the figure cannot be had', async () => {
    fakeFetch(() => [200, { ...standing, dispatches: 0, score: 0, rank: 18 }]);
    const first = renderSignedIn(<DepartmentStandingCard />, deskUser('dept_officer'));
    expect((await screen.findByTestId('dept-score-line')).textContent).toContain('本月暂无派单');
    first.unmount();

    fakeFetch(() => [503, { statusCode: 503, message: 'down' }]);
    renderSignedIn(<DepartmentStandingCard />, deskUser('dept_officer'));
    await waitFor(() => expect(screen.getByTestId('dept-score').textContent).toContain('得分暂时无法显示'));
  });
});

describe('monthSoFar', () => {
  it('starts at 00:00 Beijing on the 1st, even late on the last day of a month in UTC', () => {
    // 2026-11-30 20:00 UTC is already 1 December 04:00 in Beijing.
    const now = Date.parse('2026-11-30T20:00:00Z');
    expect(monthSoFar(now)).toEqual({ from: '2026-11-30T16:00:00.000Z', to: '2026-11-30T20:01:00.000Z' });
  });
});
