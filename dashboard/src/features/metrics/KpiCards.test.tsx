import { render, screen } from '@testing-library/react';
import type { MetricsSummary } from '@whistle/shared';
import { KpiCards } from './KpiCards';

const summary = (satisfaction: MetricsSummary['citizenSatisfaction']) =>
  ({
    whistles: { today: 3, month: 40, total: 90 },
    departmentsReportedIn: { today: 2, month: 9 },
    rates: { resolution: 0.75, reopen: 0.1, onTimeArrival: 0.9 },
    open: { incidents: 12, whistles: 4, byStreet: [], byCategory: [] },
    overdueNow: 0,
    citizenSatisfaction: satisfaction,
  }) as unknown as MetricsSummary;

describe('KpiCards', () => {
  // jsdom's performance has no timeline: the benchmark's ready mark needs one.
  beforeAll(() => {
    Object.assign(performance, { getEntriesByName: () => [], mark: () => undefined });
  });

  it('shows the six cards of DESIGN §7 and the open counts, the 满意率 with its formula', () => {
    render(<KpiCards metrics={summary({ rate: 0.8571, answered: 7 })} />);
    const labels = screen.getAllByTestId(/^kpi-/).map((card) => card.dataset.testid);
    expect(labels).toEqual([
      'kpi-whistles',
      'kpi-reported',
      'kpi-onTime',
      'kpi-resolution',
      'kpi-satisfaction',
      'kpi-open',
      'kpi-openWhistles',
      'kpi-overdue',
    ]);
    expect(screen.getByTestId('kpi-satisfaction').textContent).toBe(
      '86%群众满意率本月 (满意+基本满意)/回访 7 件',
    );
    expect(screen.getByTestId('kpi-openWhistles').textContent).toBe('4在办吹哨');
  });

  it('shows a dash, not 0%, before any citizen has answered this month', () => {
    render(<KpiCards metrics={summary({ rate: null, answered: 0 })} />);
    expect(screen.getByTestId('kpi-satisfaction').textContent).toMatch(/^—群众满意率/);
  });
});
