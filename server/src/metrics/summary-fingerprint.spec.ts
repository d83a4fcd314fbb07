import type { MetricsSummary } from '@whistle/shared';
import { summaryFingerprint } from './summary-fingerprint';

const summary = (generatedAt: string, overdueNow: number): MetricsSummary => ({
  generatedAt,
  scope: { kind: 'district', id: 'd1' },
  open: { incidents: 0, whistles: 0, byStreet: [], byCategory: [] },
  overdueNow,
  whistles: { today: 0, month: 0, total: 0 },
  departmentsReportedIn: { today: 0, month: 0 },
  timeTo: {
    accept: { count: 0, p50Seconds: null, p90Seconds: null },
    arrive: { count: 0, p50Seconds: null, p90Seconds: null },
    resolve: { count: 0, p50Seconds: null, p90Seconds: null },
  },
  rates: { resolution: null, reopen: null, onTimeArrival: null },
  whistleRateByStreet: [],
  ratings: { average: null, count: 0 },
  citizenSatisfaction: { rate: null, answered: 0 },
  departmentRanking: [],
  streetRanking: [],
});

describe('summaryFingerprint', () => {
  it('ignores when the summary was generated', () => {
    expect(summaryFingerprint(summary('2024-01-01T00:00:00Z', 1))).toBe(
      summaryFingerprint(summary('2024-01-01T00:00:01Z', 1)),
    );
  });

  it('changes with the content', () => {
    expect(summaryFingerprint(summary('2024-01-01T00:00:00Z', 1))).not.toBe(
      summaryFingerprint(summary('2024-01-01T00:00:00Z', 2)),
    );
  });
});
