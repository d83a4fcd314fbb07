import { shownRating } from './dispatch-rates';
import type { MetricsScope } from './metrics-scope';
import { disclose, ratingViewOf, type RatingFigure, type RatingTotals } from './rating-disclosure';
import { departmentRatingTotals, readSnapshots } from './rating-snapshots';
import { ratingTotals, type RunQuery } from './summary-queries';

/** Every rating figure a summary shows, as its viewer may see them. */
export interface RatingFigures {
  /** The scope's own ratings (the summary's `ratings`). */
  own: RatingFigure;
  /** A department's ratings as its ranking row shows them, and as its score weighs them. */
  ofDepartment: (departmentId: string) => RatingFigure;
}

export async function ratingFigures(run: RunQuery, scope: MetricsScope): Promise<RatingFigures> {
  if (ratingViewOf(scope) === 'live') return liveFigures(run, scope);
  // Never the live ratings here: only the snapshots published to departments
  // (publishRatingSnapshots has run before the summary's read).
  const snapshots = await readSnapshots(run, scope.districtId);
  return {
    own: disclose(scope.kind === 'department' ? snapshots.get(scope.departmentId) : undefined),
    ofDepartment: (id) => disclose(snapshots.get(id)),
  };
}

async function liveFigures(run: RunQuery, scope: MetricsScope): Promise<RatingFigures> {
  const [own, byDepartment] = await Promise.all([
    ratingTotals(run, scope),
    departmentRatingTotals(run, scope.districtId),
  ]);
  const live = (t: RatingTotals | undefined): RatingFigure =>
    t && t.count > 0
      ? { average: shownRating(t.sum / t.count), count: t.count }
      : { average: null, count: 0 };
  return {
    own: { average: shownRating(own.average), count: own.count },
    ofDepartment: (id) => live(byDepartment.get(id)),
  };
}
