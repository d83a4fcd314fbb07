import { departmentPerformance, NO_DISPATCHES, ratio, reopenRate, resolutionRate } from './dispatch-rates';

describe('dispatch rates', () => {
  it('is null, not zero, when there is nothing to measure', () => {
    expect(ratio(0, 0)).toBeNull();
    expect(resolutionRate(NO_DISPATCHES)).toBeNull();
    expect(departmentPerformance(NO_DISPATCHES, null)).toEqual({
      responseRate: null,
      onTimeArrivalRate: null,
      resolutionRate: null,
      reopenRate: null,
      averageRating: null,
    });
  });

  it('rounds to four decimals', () => {
    expect(ratio(1, 3)).toBe(0.3333);
    expect(ratio(2, 3)).toBe(0.6667);
  });

  it('builds each rate from its own counts', () => {
    const counts = {
      ...NO_DISPATCHES,
      dispatches: 10,
      resolved: 6,
      resolutionBase: 8,
      reopened: 1,
      everResolved: 7,
      arrived: 8,
      arrivedOnTime: 6,
      arrivalDue: 9,
      acceptedOnTime: 9,
      acceptanceDue: 10,
    };
    expect(resolutionRate(counts)).toBe(0.75);
    expect(reopenRate(counts)).toBe(0.1429);
    expect(departmentPerformance(counts, 4.5)).toEqual({
      responseRate: 0.9,
      // Overdue arrivals still missing count against the department.
      onTimeArrivalRate: 0.6667,
      resolutionRate: 0.75,
      reopenRate: 0.1429,
      averageRating: 4.5,
    });
  });
});
