import {
  departmentScore,
  rankByScore,
  streetScore,
  type RankingRow,
  type StreetPerformance,
} from '@whistle/shared';
import {
  departmentPerformance,
  ratio,
  reopenRate,
  resolutionRate,
  shownRating,
  type DispatchRateCounts,
} from './dispatch-rates';
import type { MetricsScope } from './metrics-scope';

interface Named {
  id: string;
  nameZh: string;
  nameEn: string;
}

/** `ratings` is null where the viewer may not see how many there are (rating-disclosure.ts). */
export type DepartmentRankingInput = Named &
  DispatchRateCounts & { averageRating: number | null; ratings: number | null };
export type StreetRankingInput = Named & DispatchRateCounts & { incidents: number; whistles: number };

/** Only aggregates per department: nothing here says which street gave which rating (背对背). */
export function rankDepartments(rows: readonly DepartmentRankingInput[]): RankingRow[] {
  return rankByScore(
    rows.map((row) => {
      const performance = departmentPerformance(row, shownRating(row.averageRating));
      return {
        id: row.id,
        nameZh: row.nameZh,
        nameEn: row.nameEn,
        score: departmentScore(performance),
        components: { ...performance, dispatches: row.dispatches, ratings: row.ratings },
      };
    }),
  );
}

/**
 * The department ranking as `scope` may see it: a department only its own row (ranked among all
 * departments, so its rank still tells where it stands), nothing of any other department; the
 * district and streets the whole ranking.
 */
export function rankingShownTo(scope: MetricsScope, ranking: readonly RankingRow[]): RankingRow[] {
  return scope.kind === 'department' ? ranking.filter((row) => row.id === scope.departmentId) : [...ranking];
}

export function streetWhistleRate(row: { incidents: number; whistles: number }): number | null {
  return ratio(row.whistles, row.incidents);
}

/** The rates a street's score weighs: its dispatches resolved and not re-opened, its whistle rate. */
export function streetPerformance(
  row: DispatchRateCounts & { incidents: number; whistles: number },
): StreetPerformance {
  return {
    resolutionRate: resolutionRate(row),
    reopenRate: reopenRate(row),
    whistleRate: streetWhistleRate(row),
  };
}

export function rankStreets(rows: readonly StreetRankingInput[]): RankingRow[] {
  return rankByScore(
    rows.map((row) => {
      const performance = streetPerformance(row);
      return {
        id: row.id,
        nameZh: row.nameZh,
        nameEn: row.nameEn,
        score: streetScore(performance),
        components: {
          ...performance,
          incidents: row.incidents,
          whistles: row.whistles,
          dispatches: row.dispatches,
        },
      };
    }),
  );
}
