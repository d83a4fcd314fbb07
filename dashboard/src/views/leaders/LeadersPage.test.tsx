import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import type { DispatchView, MetricsRankings, UserView } from '@whistle/shared';
import { AppProviders } from '../../AppProviders';
import { LiveProvider } from '../../features/live/LiveProvider';
import { captureDownloads, csvLines } from '../../test/downloads';
import { FakeSocket } from '../../test/fake-socket';
import { signInForTest } from '../../test/session';
import { LeadersPage } from './LeadersPage';
import { dispatchView, type DispatchPatch } from '../../test/factories';

// No socket.io, no canvas and no WebGL in jsdom: the live socket, chart and map are stand-ins.
jest.mock('../../features/live/socket', () => ({ createSocket: (auth: never) => new FakeSocket(auth) }));
jest.mock('../../features/metrics/TrendsChart', () => ({
  TrendsChart: ({ trends }: { trends: { points: unknown[] } }) => (
    <div data-testid="trends-chart">{trends.points.length} points</div>
  ),
}));
jest.mock('../../features/map/GridHeatMap', () => ({
  GridHeatMap: ({ shares }: { shares: Map<string, number> }) => (
    <div data-testid="heat-map">{[...shares.entries()].map(([id, v]) => `${id}=${v}`).join(' ')}</div>
  ),
}));

const leader: UserView = {
  id: 'u1',
  username: 'district.leader',
  displayName: '周立新',
  role: 'district_leader',
  districtId: 'd1',
  streetId: null,
  departmentId: null,
  gridIds: [],
};

const rankings: MetricsRankings = {
  from: '',
  to: '',
  timeTo: {
    accept: { count: 4, p50Seconds: 600, p90Seconds: 1500 },
    arrive: { count: 3, p50Seconds: 3000, p90Seconds: 7200 },
    resolve: { count: 2, p50Seconds: 90_000, p90Seconds: 200_000 },
  },
  departments: [
    {
      id: 'x',
      nameZh: '城管局',
      nameEn: 'Urban Management',
      dispatches: 3,
      onTimeAcceptRate: 1,
      onTimeArriveRate: 0.5,
      onTimeResolveRate: null,
      averageRating: 4,
      ratings: 1,
      overdue: 1,
      score: 70,
      rank: 1,
    },
  ],
  streets: [
    {
      id: 's1',
      nameZh: '夫子庙街道',
      nameEn: 'Fuzimiao',
      incidents: 5,
      whistles: 2,
      resolutionRate: 0.8,
      verifiedRate: 1,
      satisfactionRate: null,
      satisfactionAnswers: 0,
      whistleRate: 0.4,
      score: 82.5,
      rank: 1,
    },
  ],
};

const HOUR = 3_600_000;

function dispatch(id: string, over: DispatchPatch): DispatchView {
  const created = Date.now() - HOUR;
  return dispatchView({
    id,
    incidentId: `i-${id}`,
    assigneeKind: 'leader',
    departmentId: null,
    leaderUserId: leader.id,
    whistleType: 'tough',
    acceptBy: new Date(created + 2 * HOUR).toISOString(),
    arriveBy: new Date(created + 24 * HOUR).toISOString(),
    resolveBy: new Date(created + 15 * 24 * HOUR).toISOString(),
    createdAt: new Date(created).toISOString(),
    updatedAt: new Date(created).toISOString(),
    incident: { title: `事件${id}`, category: 'illegal_construction', priority: 'high' },
    actions: [],
    ...over,
  });
}

/** The district-wide list a leader gets: their own summons among others' dispatches. */
const dispatches: DispatchView[] = [
  dispatch('mine', { actions: ['accept'] }),
  dispatch('mine-done', { status: 'resolved', resolvedAt: new Date().toISOString() }),
  dispatch('other-leader', { leaderUserId: 'u-other' }),
  dispatch('dept', { assigneeKind: 'department', departmentId: 'x', leaderUserId: null }),
];

function fakeServer() {
  const calls: URL[] = [];
  const posts: string[] = [];
  global.fetch = jest.fn((input: URL | string, init?: RequestInit) => {
    const url = new URL(String(input));
    calls.push(url);
    if (init?.method === 'POST') posts.push(url.pathname);
    const body = (() => {
      if (init?.method === 'POST') return { ...dispatches[0], status: 'accepted', actions: [] };
      switch (url.pathname) {
        case '/api/dispatches':
          return dispatches;
        case '/api/metrics/trends':
          return { from: '', to: '', bucket: url.searchParams.get('bucket'), points: [] };
        case '/api/metrics/rankings':
          return rankings;
        case '/api/metrics/grid-load':
          return {
            from: '',
            to: '',
            grids: [
              { gridId: 'g1', reported: 4, open: 1 },
              { gridId: 'g2', reported: 2, open: 1 },
            ],
          };
        case '/api/grids':
          return { type: 'FeatureCollection', features: [] };
        default:
          return null;
      }
    })();
    return Promise.resolve({
      ok: true,
      status: 200,
      json: () => Promise.resolve(body),
    } as unknown as Response);
  }) as unknown as typeof fetch;
  return Object.assign(calls, { posts });
}

function renderPage() {
  signInForTest(leader);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <AppProviders client={client}>
      <MemoryRouter>
        <LiveProvider>
          <LeadersPage />
        </LiveProvider>
      </MemoryRouter>
    </AppProviders>,
  );
}

describe('leaders’ cockpit', () => {
  it('loads the last 7 days by day, then today by hour when the period changes', async () => {
    const calls = fakeServer();
    renderPage();
    expect(await screen.findByTestId('view-leaders')).toBeTruthy();
    const dept = await screen.findByTestId('department-ranking');
    expect(within(dept).getByText('城管局')).toBeTruthy();
    expect(within(screen.getByTestId('street-ranking')).getByText('夫子庙街道')).toBeTruthy();
    const trends = () => calls.filter((u) => u.pathname === '/api/metrics/trends');
    await waitFor(() => expect(trends().length).toBeGreaterThanOrEqual(2));
    expect(trends().every((u) => u.searchParams.get('bucket') === 'day')).toBe(true);
    // The current period and the one before it, of equal length.
    const [current, previous] = trends();
    expect(previous?.searchParams.get('to')).toBe(current?.searchParams.get('from'));

    fireEvent.click(screen.getByTestId('period-today'));
    await waitFor(() => expect(trends().some((u) => u.searchParams.get('bucket') === 'hour')).toBe(true));
    expect(screen.getByTestId('period-today').getAttribute('aria-pressed')).toBe('true');
  });

  it('shades grids by their share of the busiest grid, switching to open incidents on demand', async () => {
    fakeServer();
    renderPage();
    expect((await screen.findByText('g1=1 g2=0.5')).getAttribute('data-testid')).toBe('heat-map');
    fireEvent.click(screen.getByTestId('heat-open'));
    expect(await screen.findByText('g1=1 g2=1')).toBeTruthy();
  });

  it('asks for valid dates for a custom period instead of querying', async () => {
    fakeServer();
    renderPage();
    fireEvent.click(await screen.findByTestId('period-custom'));
    expect((await screen.findByRole('alert')).textContent).toContain('请选择有效的起止日期');
    fireEvent.change(screen.getByTestId('period-start'), { target: { value: '2026-03-01' } });
    fireEvent.change(screen.getByTestId('period-end'), { target: { value: '2026-03-07' } });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByTestId('period-range').textContent).toBe('2026-03-01 — 2026-03-07');
  });

  it('shows the handling times at p50 and p90, and each street’s whistle rate and score', async () => {
    fakeServer();
    renderPage();
    const accept = await screen.findByTestId('time-to-accept');
    await waitFor(() => expect(within(accept).getByTestId('time-to-accept-p50').textContent).toBe('10分'));
    expect(within(accept).getByTestId('time-to-accept-p90').textContent).toBe('25分');
    expect(screen.getByTestId('time-to-arrive-p90').textContent).toBe('2小时0分');
    expect(screen.getByTestId('time-to-resolve-p50').textContent).toBe('1天1小时');
    const streets = screen.getByTestId('street-ranking');
    expect(within(streets).getByText('吹哨率(每百件)')).toBeTruthy();
    // 0.4 whistles per incident = 40 per hundred; the score with one decimal.
    const row = within(streets).getByText('夫子庙街道').closest('tr');
    expect(row?.textContent).toContain('40.0');
    expect(row?.textContent).toContain('82.5');
  });

  it('lists in the inbox only the tough whistles summoning this leader, with their actions', async () => {
    const calls = fakeServer();
    renderPage();
    const tab = await screen.findByTestId('cockpit-tab-inbox');
    // One summons still waiting (the resolved one is not counted).
    await waitFor(() => expect(tab.textContent).toContain('1'));
    fireEvent.click(tab);
    const inbox = await screen.findByTestId('leader-inbox');
    const rows = within(inbox).getAllByTestId('inbox-row');
    expect(rows.map((r) => r.getAttribute('data-dispatch-id'))).toEqual(['mine', 'mine-done']);
    expect(within(rows[0]).getByTestId('inbox-countdown').textContent).toContain('接单');
    fireEvent.click(rows[0]);
    const accept = await within(inbox).findByTestId('action-accept');
    expect(within(inbox).queryByTestId('action-resolve')).toBeNull();
    fireEvent.click(accept);
    await waitFor(() => expect(calls.posts).toEqual(['/api/dispatches/mine/accept']));
    // The finished one has nothing left to do.
    fireEvent.click(rows[1]);
    await waitFor(() => expect(within(inbox).queryByTestId('action-accept')).toBeNull());
  });

  it('works the inbox from the keyboard: ] to the inbox, j to a summons, Enter opens, a accepts', async () => {
    const calls = fakeServer();
    renderPage();
    await screen.findByTestId('cockpit-tab-inbox');
    const key = (k: string) => fireEvent.keyDown(document.body, { key: k });
    key(']');
    const inbox = await screen.findByTestId('leader-inbox');
    await within(inbox).findAllByTestId('inbox-row');
    key('j');
    expect(document.activeElement?.getAttribute('data-dispatch-id')).toBe('mine');
    key('Enter');
    await within(inbox).findByTestId('action-accept');
    key('a');
    await waitFor(() => expect(calls.posts).toEqual(['/api/dispatches/mine/accept']));

    // The header's ? opens the sheet listing the same keys as the duty console.
    fireEvent.click(screen.getByTestId('shortcuts-open'));
    const sheet = await screen.findByTestId('shortcut-sheet');
    for (const text of ['接单', '到场报到', '办结', '下一条', '下一个分页'])
      expect(sheet.textContent).toContain(text);
  });

  it('exports the leader’s own summons from the inbox, as listed', async () => {
    fakeServer();
    renderPage();
    fireEvent.click(await screen.findByTestId('cockpit-tab-inbox'));
    await screen.findAllByTestId('inbox-row');
    const files = captureDownloads();
    try {
      fireEvent.click(screen.getByTestId('inbox-export-csv'));
      expect(files[0]?.fileName).toMatch(/^攻坚哨待办_\d{4}-\d{2}-\d{2}\.csv$/);
      const lines = await csvLines(files[0]);
      expect(lines).toHaveLength(3);
      expect(lines[0]?.startsWith('标题,街道,吹哨类型')).toBe(true);
      expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['事件mine', '事件mine-done']);
      expect(screen.getByTestId('inbox-export-xlsx')).toBeTruthy();
    } finally {
      jest.restoreAllMocks();
    }
  });
});
