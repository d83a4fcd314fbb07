import { render, screen } from '@testing-library/react';
import type { MetricsSummary, MetricsTrends } from '@whistle/shared';
import { changeVersus, MetricTiles } from './MetricTiles';

const trends = (incidents: number[], whistles: number[]): MetricsTrends => ({
  from: '2026-03-01T00:00:00.000Z',
  to: '2026-03-03T00:00:00.000Z',
  bucket: 'day',
  points: incidents.map((n, i) => ({
    start: `2026-03-0${i + 1}T00:00:00.000Z`,
    incidents: n,
    whistles: whistles[i] ?? 0,
    arrivals: 0,
    resolutions: 0,
  })),
});

const summary = {
  open: { incidents: 33, whistles: 5, byStreet: [], byCategory: [] },
  overdueNow: 7,
  whistles: { today: 4, month: 90, total: 300 },
  departmentsReportedIn: { today: 5, month: 28 },
  timeTo: {
    accept: { count: 1, p50Seconds: 60, p90Seconds: 60 },
    arrive: { count: 1, p50Seconds: 5040, p90Seconds: 6000 },
    resolve: { count: 0, p50Seconds: null, p90Seconds: null },
  },
  rates: { resolution: 0.9234, reopen: 0.1, onTimeArrival: 0.9 },
  ratings: { average: 4.31, count: 380 },
} as unknown as MetricsSummary;

describe('metric tiles', () => {
  it('works out the change versus the previous period, or none when there is nothing to compare', () => {
    expect(changeVersus(115, 100)).toBe('+15%');
    expect(changeVersus(88, 100)).toBe('-12%');
    expect(changeVersus(100, 100)).toBe('0%');
    expect(changeVersus(5, 0)).toBeNull();
    expect(changeVersus(null, 10)).toBeNull();
  });

  it('shows the period’s totals with their change and the live summary', () => {
    render(
      <MetricTiles summary={summary} trends={trends([10, 5], [3, 3])} previous={trends([6, 6], [6, 6])} />,
    );
    expect(screen.getByTestId('tile-period-incidents').textContent).toBe('15周期内事件较上期 +25%');
    expect(screen.getByTestId('tile-period-whistles').textContent).toBe('6周期内吹哨较上期 -50%');
    expect(screen.getByTestId('tile-overdue').className).toContain('tile--alert');
    expect(screen.getByTestId('tile-resolution').textContent).toBe('92.3%办结率');
    expect(screen.getByTestId('tile-arriveP50').textContent).toBe('1小时24分报到用时(中位)');
    expect(screen.getByTestId('tile-rating').textContent).toBe('4.31部门评价均分');
  });

  it('shows dashes until the numbers arrive', () => {
    render(<MetricTiles summary={undefined} trends={undefined} previous={undefined} />);
    expect(screen.getByTestId('tile-open').textContent).toBe('—在办事件');
    expect(screen.getByTestId('tile-onTime').textContent).toBe('—按时报到率');
  });
});
