/**
 * Department performance score (DESIGN.md §3): response, on-time arrival, resolution, re-open
 * and the streets' ratings, with the ratings weighing at least one third.
 */
export const DEPARTMENT_SCORE_WEIGHTS = {
  response: 0.15,
  onTimeArrival: 0.15,
  resolution: 0.2,
  notReopened: 0.1,
  streetRating: 0.4,
} as const;

export interface DepartmentPerformance {
  /** Share of dispatches accepted before the accept deadline (0..1). */
  responseRate: number | null;
  /** Share of arrivals before the arrive deadline (0..1). */
  onTimeArrivalRate: number | null;
  /** Share of dispatches resolved (0..1). */
  resolutionRate: number | null;
  /** Share of resolved dispatches re-opened by the street (0..1). */
  reopenRate: number | null;
  /** Average street rating 1..5. */
  averageRating: number | null;
}

/** Score 0..100; a department with no dispatches yet is not ranked last for missing data. */
export function departmentScore(p: DepartmentPerformance): number {
  const parts: [number, number | null][] = [
    [DEPARTMENT_SCORE_WEIGHTS.response, p.responseRate],
    [DEPARTMENT_SCORE_WEIGHTS.onTimeArrival, p.onTimeArrivalRate],
    [DEPARTMENT_SCORE_WEIGHTS.resolution, p.resolutionRate],
    [DEPARTMENT_SCORE_WEIGHTS.notReopened, p.reopenRate === null ? null : 1 - p.reopenRate],
    [DEPARTMENT_SCORE_WEIGHTS.streetRating, p.averageRating === null ? null : (p.averageRating - 1) / 4],
  ];
  return weightedScore(parts);
}

export const STREET_SCORE_WEIGHTS = { resolution: 0.5, notReopened: 0.2, lowWhistleRate: 0.3 } as const;

export interface StreetPerformance {
  resolutionRate: number | null;
  reopenRate: number | null;
  /** Whistles per incident: a street that settles matters itself needs fewer (小事不出社区). */
  whistleRate: number | null;
}

export function streetScore(p: StreetPerformance): number {
  const parts: [number, number | null][] = [
    [STREET_SCORE_WEIGHTS.resolution, p.resolutionRate],
    [STREET_SCORE_WEIGHTS.notReopened, p.reopenRate === null ? null : 1 - p.reopenRate],
    [STREET_SCORE_WEIGHTS.lowWhistleRate, p.whistleRate === null ? null : 1 - Math.min(1, p.whistleRate)],
  ];
  return weightedScore(parts);
}

/**
 * Weighted mean on a 0..100 scale, one decimal. A component without data counts as neutral:
 * its weight is spread over the others.
 */
function weightedScore(parts: readonly [weight: number, value: number | null][]): number {
  const known = parts.filter((part): part is [number, number] => part[1] !== null);
  const weight = known.reduce((sum, [w]) => sum + w, 0);
  if (weight === 0) return 0;
  const value = known.reduce((sum, [w, v]) => sum + w * clamp01(v), 0) / weight;
  return Math.round(value * 1000) / 10;
}

function clamp01(v: number): number {
  return Math.max(0, Math.min(1, v));
}

/** Assigns 1-based ranks by descending score; ties share a rank. */
export function rankByScore<T extends { score: number }>(rows: readonly T[]): (T & { rank: number })[] {
  const sorted = [...rows].sort((a, b) => b.score - a.score);
  return sorted.map((row, i) => ({
    ...row,
    rank:
      i > 0 && sorted[i - 1]?.score === row.score
        ? sorted.findIndex((r) => r.score === row.score) + 1
        : i + 1,
  }));
}
