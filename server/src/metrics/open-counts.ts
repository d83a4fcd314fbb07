import type { MetricsSummary } from '@whistle/shared';
import type { OpenIncidentRow, StreetCountRow } from './summary-queries';

export interface StreetListing {
  /** The district's streets in display order, so the output is stable between pushes. */
  order: readonly string[];
  /** Streets listed even at zero, so a wall screen keeps each in its place; others only with counts. */
  alwaysListed: readonly string[];
}

/** Folds grouped counts into the summary's `open` section. */
export function openSection(
  incidents: readonly OpenIncidentRow[],
  whistles: readonly StreetCountRow[],
  listing: StreetListing,
): MetricsSummary['open'] {
  const byStreet = new Map<string, { streetId: string; incidents: number; whistles: number }>();
  const street = (streetId: string) => {
    let entry = byStreet.get(streetId);
    if (!entry) {
      entry = { streetId, incidents: 0, whistles: 0 };
      byStreet.set(streetId, entry);
    }
    return entry;
  };
  const byCategory = new Map<string, number>();
  for (const row of incidents) {
    street(row.streetId).incidents += row.incidents;
    byCategory.set(row.category, (byCategory.get(row.category) ?? 0) + row.incidents);
  }
  for (const row of whistles) street(row.streetId).whistles += row.count;
  const ordered = listing.order
    .filter((id) => listing.alwaysListed.includes(id) || byStreet.has(id))
    .map(street);
  const unordered = [...byStreet.values()]
    .filter((s) => !listing.order.includes(s.streetId))
    .sort((a, b) => a.streetId.localeCompare(b.streetId));
  const streets = [...ordered, ...unordered];
  return {
    incidents: streets.reduce((sum, s) => sum + s.incidents, 0),
    whistles: streets.reduce((sum, s) => sum + s.whistles, 0),
    byStreet: streets,
    byCategory: [...byCategory.entries()]
      .map(([category, count]) => ({ category, incidents: count }))
      .sort((a, b) => b.incidents - a.incidents || a.category.localeCompare(b.category)),
  };
}
