import { mergeMetricsUpdate, type MetricsSummary } from '@whistle/shared';
import { sectionFingerprints, updateSince } from './summary-fingerprint';

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

describe('updateSince', () => {
  const first = summary('2024-01-01T00:00:00Z', 1);

  it('carries nothing when only the time of generation moved', () => {
    const later = summary('2024-01-01T00:00:01Z', 1);
    expect(updateSince(later, sectionFingerprints(later), sectionFingerprints(first))).toBeNull();
  });

  it('carries only the sections that changed, with when and for whom', () => {
    const later = summary('2024-01-01T00:00:01Z', 2);
    const update = updateSince(later, sectionFingerprints(later), sectionFingerprints(first));
    expect(update).toEqual({ generatedAt: later.generatedAt, scope: later.scope, overdueNow: 2 });
    // Merged into the summary a client holds, it gives the new summary.
    expect(update && mergeMetricsUpdate(first, update)).toEqual(later);
  });

  it('carries every section when nothing was pushed before', () => {
    const update = updateSince(first, sectionFingerprints(first), {});
    expect(update).toEqual(first);
  });
});
