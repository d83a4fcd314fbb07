import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import type { MetricsRankings, UserView } from '@whistle/shared';
import { AppProviders } from '../../AppProviders';
import { LiveProvider } from '../../features/live/LiveProvider';
import { FakeSocket } from '../../test/fake-socket';
import { signInForTest } from '../../test/session';
import { LeadersPage } from './LeadersPage';

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
    },
  ],
};

function fakeServer() {
  const calls: URL[] = [];
  global.fetch = jest.fn((input: URL | string) => {
    const url = new URL(String(input));
    calls.push(url);
    const body = (() => {
      switch (url.pathname) {
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
  return calls;
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
});
