import type { MetricsScope } from './metrics-scope';

/*
 * Back-to-back rating (背对背, DESIGN.md §2–3): a department must never learn which street gave it
 * which mark. It sees its own dispatches verified live, so any rating figure it can watch move
 * live (its average, its count, its ranking row, its score, which weighs the ratings at 40 %)
 * ties the mark to the dispatch just verified. Departments therefore see ratings only through
 * published snapshots:
 *
 * - a snapshot holds the ratings given before the start of a Beijing day, and is taken at most
 *   once per day;
 * - a new snapshot is published only once at least MIN_RATINGS_DISCLOSED ratings have come in
 *   since the last one. Comparing two snapshots then reveals only the sum of at least that many
 *   marks, never one mark (nor a handful that a department could tie to the few dispatches
 *   verified that day);
 * - so nothing is shown before the first MIN_RATINGS_DISCLOSED ratings.
 *
 * Streets (the raters), district operators, leaders and administrators see live figures.
 */

/** Fewest ratings a department ever sees aggregated, and fewest new ones a snapshot may add. */
export const MIN_RATINGS_DISCLOSED = 5;

/** Which rating figures a scope is shown: live ones, or only the published snapshots. */
export function ratingViewOf(scope: MetricsScope): 'live' | 'published' {
  return scope.kind === 'department' ? 'published' : 'live';
}

export interface RatingTotals {
  count: number;
  /** Sum of the scores, kept exact so averages are computed only when shown. */
  sum: number;
}

export interface RatingSnapshot extends RatingTotals {
  /** The snapshot holds the ratings given before this instant (a Beijing midnight). */
  before: Date;
}

/**
 * The snapshot to publish now, or null to keep the published one. `candidate` holds every rating
 * given before the start of today.
 */
export function nextSnapshot(
  published: RatingSnapshot | undefined,
  candidate: RatingSnapshot,
): RatingSnapshot | null {
  // At most one snapshot per day, and never an older one.
  if (published && candidate.before.getTime() <= published.before.getTime()) return null;
  const base = published?.count ?? 0;
  // Ratings are never deleted in operation; fewer means the data was reset (a re-seed): start over.
  if (candidate.count < base) {
    return candidate.count >= MIN_RATINGS_DISCLOSED ? candidate : { ...candidate, count: 0, sum: 0 };
  }
  return candidate.count - base >= MIN_RATINGS_DISCLOSED ? candidate : null;
}

/** Rating figures as a viewer is shown them. */
export interface RatingFigure {
  /** 1..5 to two decimals; null when there is none or it is not shown. */
  average: number | null;
  /** Ratings the average is over; null when not shown. */
  count: number | null;
}

/** What a department sees of a snapshot: nothing unless it aggregates enough ratings. */
export function disclose(snapshot: RatingTotals | undefined): RatingFigure {
  if (!snapshot || snapshot.count < MIN_RATINGS_DISCLOSED) return { average: null, count: null };
  return { average: Math.round((snapshot.sum / snapshot.count) * 100) / 100, count: snapshot.count };
}
