import { NO_DISPATCHES } from './dispatch-rates';
import { rankStreetPeriod } from './period-metrics.service';
import type { StreetPeriodInput } from './period-queries';

function street(id: string, patch: Partial<StreetPeriodInput>): StreetPeriodInput {
  return {
    ...NO_DISPATCHES,
    id,
    nameZh: id,
    nameEn: id,
    incidents: 0,
    incidentsResolved: 0,
    verified: 0,
    satisfied: 0,
    answers: 0,
    whistles: 0,
    ...patch,
  };
}

describe('rankStreetPeriod', () => {
  it('scores each street by the dispatches it sent and its whistles per incident, best first', () => {
    const rows = rankStreetPeriod([
      // 4 of 4 resolved, none re-opened, 1 whistle on 10 incidents: 0.5 + 0.2 + 0.3·0.9 = 0.97.
      street('calm', {
        incidents: 10,
        whistles: 1,
        dispatches: 4,
        resolved: 4,
        resolutionBase: 4,
        everResolved: 4,
      }),
      // 1 of 2 resolved, that one re-opened, 3 whistles on 2 incidents (capped at 1):
      // 0.5·0.5 + 0.2·0 + 0.3·0 = 0.25.
      street('busy', {
        incidents: 2,
        whistles: 3,
        dispatches: 2,
        resolved: 1,
        resolutionBase: 2,
        reopened: 1,
        everResolved: 1,
      }),
    ]);
    expect(rows.map((r) => [r.id, r.score, r.rank, r.whistleRate])).toEqual([
      ['calm', 97, 1, 0.1],
      ['busy', 25, 2, 1.5],
    ]);
  });

  it('leaves the whistle rate empty without incidents, and shares a rank on a tie', () => {
    const rows = rankStreetPeriod([street('a', {}), street('b', {})]);
    expect(rows.map((r) => [r.whistleRate, r.score, r.rank])).toEqual([
      [null, 0, 1],
      [null, 0, 1],
    ]);
  });
});
