import type { GridLoadRow } from '@whistle/shared';

export type HeatMeasure = 'reported' | 'open';

/** Each grid's share of the busiest grid's load (0..1); grids not listed are 0. */
export function heatShares(rows: readonly GridLoadRow[], measure: HeatMeasure): Map<string, number> {
  const max = Math.max(0, ...rows.map((r) => r[measure]));
  return new Map(rows.map((r) => [r.gridId, max > 0 ? r[measure] / max : 0]));
}
