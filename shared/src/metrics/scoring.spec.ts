import {
  DEPARTMENT_SCORE_WEIGHTS,
  STREET_SCORE_WEIGHTS,
  departmentScore,
  rankByScore,
  streetScore,
  type DepartmentPerformance,
} from './scoring';

const sum = (weights: Record<string, number>) => Object.values(weights).reduce((a, b) => a + b, 0);

const perfect: DepartmentPerformance = {
  responseRate: 1,
  onTimeArrivalRate: 1,
  resolutionRate: 1,
  reopenRate: 0,
  averageRating: 5,
};
const unknown: DepartmentPerformance = {
  responseRate: null,
  onTimeArrivalRate: null,
  resolutionRate: null,
  reopenRate: null,
  averageRating: null,
};

describe('department score', () => {
  it('has weights that sum to one', () => {
    expect(sum(DEPARTMENT_SCORE_WEIGHTS)).toBeCloseTo(1, 10);
  });

  it('gives the streets’ rating at least one third of the weight (DESIGN.md §3)', () => {
    expect(DEPARTMENT_SCORE_WEIGHTS.streetRating).toBeGreaterThanOrEqual(1 / 3);
  });

  it('runs from 0 to 100', () => {
    expect(departmentScore(perfect)).toBe(100);
    expect(
      departmentScore({
        responseRate: 0,
        onTimeArrivalRate: 0,
        resolutionRate: 0,
        reopenRate: 1,
        averageRating: 1,
      }),
    ).toBe(0);
  });

  it('lets the rating alone move the score by its weight', () => {
    expect(departmentScore({ ...perfect, averageRating: 1 })).toBeCloseTo(
      100 * (1 - DEPARTMENT_SCORE_WEIGHTS.streetRating),
      1,
    );
  });

  it('treats a missing component as neutral: the others decide', () => {
    expect(departmentScore({ ...perfect, averageRating: null })).toBe(100);
    expect(departmentScore({ ...perfect, responseRate: null, reopenRate: null })).toBe(100);
    // Only the rating known: the score is the rating on the 0..100 scale.
    expect(departmentScore({ ...unknown, averageRating: 3 })).toBe(50);
  });

  it('scores no data at all as 0', () => {
    expect(departmentScore(unknown)).toBe(0);
  });

  it('clamps rates outside 0..1 and rounds to one decimal', () => {
    expect(departmentScore({ ...perfect, responseRate: 1.5 })).toBe(100);
    expect(departmentScore({ ...unknown, resolutionRate: 1 / 3 })).toBe(33.3);
  });
});

describe('street score', () => {
  it('has weights that sum to one', () => {
    expect(sum(STREET_SCORE_WEIGHTS)).toBeCloseTo(1, 10);
  });

  it('rewards fewer whistles per incident, capping the rate at one', () => {
    const base = { resolutionRate: 1, reopenRate: 0 };
    expect(streetScore({ ...base, whistleRate: 0 })).toBe(100);
    expect(streetScore({ ...base, whistleRate: 0.5 })).toBe(85);
    expect(streetScore({ ...base, whistleRate: 3 })).toBe(streetScore({ ...base, whistleRate: 1 }));
  });

  it('treats a missing component as neutral', () => {
    expect(streetScore({ resolutionRate: 0.8, reopenRate: null, whistleRate: null })).toBe(80);
    expect(streetScore({ resolutionRate: null, reopenRate: null, whistleRate: null })).toBe(0);
  });
});

describe('rankByScore', () => {
  it('ranks by descending score, ties sharing a rank and the next rank skipping', () => {
    const ranked = rankByScore([
      { id: 'a', score: 70 },
      { id: 'b', score: 90 },
      { id: 'c', score: 90 },
      { id: 'd', score: 50 },
      { id: 'e', score: 70 },
    ]);
    expect(ranked.map((r) => [r.id, r.rank])).toEqual([
      ['b', 1],
      ['c', 1],
      ['a', 3],
      ['e', 3],
      ['d', 5],
    ]);
  });

  it('keeps input order among ties and does not mutate the input', () => {
    const rows = [
      { id: 'x', score: 1 },
      { id: 'y', score: 1 },
    ];
    expect(rankByScore(rows).map((r) => r.id)).toEqual(['x', 'y']);
    expect(rows).toEqual([
      { id: 'x', score: 1 },
      { id: 'y', score: 1 },
    ]);
  });

  it('handles an empty list', () => {
    expect(rankByScore([])).toEqual([]);
  });
});
