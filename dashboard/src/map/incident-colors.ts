import type { ExpressionSpecification } from 'maplibre-gl';
import { CATEGORIES, OPEN_INCIDENT_STATUSES, type IncidentStatus } from '@whistle/shared';
import { CATEGORY_PALETTE, MAP_COLORS, STATE_COLORS } from './layers/theme';

/** The wall's toggle: incidents coloured by what they are, or by where they stand. */
export const INCIDENT_COLOR_MODES = ['category', 'state'] as const;
export type IncidentColorMode = (typeof INCIDENT_COLOR_MODES)[number];

export function categoryColor(code: string): string {
  const index = CATEGORIES.findIndex((c) => c.code === code);
  return index < 0 ? MAP_COLORS.incident : CATEGORY_PALETTE[index % CATEGORY_PALETTE.length];
}

export function stateColor(status: IncidentStatus): string {
  return (STATE_COLORS as Partial<Record<IncidentStatus, string>>)[status] ?? MAP_COLORS.incident;
}

/** The open statuses the state palette covers, in the order a legend lists them. */
export const STATE_LEGEND: readonly IncidentStatus[] = OPEN_INCIDENT_STATUSES;

/** The circle-color expression for a mode: a `match` on the feature's category or status. */
export function incidentColorExpression(mode: IncidentColorMode): ExpressionSpecification {
  switch (mode) {
    case 'category': {
      const pairs = CATEGORIES.flatMap((c) => [c.code, categoryColor(c.code)]);
      // A `match` with one label/colour pair per category; the tuple type cannot express a spread.
      return [
        'match',
        ['get', 'category'],
        ...pairs,
        MAP_COLORS.incident,
      ] as unknown as ExpressionSpecification;
    }
    case 'state': {
      const pairs = STATE_LEGEND.flatMap((s) => [s, stateColor(s)]);
      return [
        'match',
        ['get', 'status'],
        ...pairs,
        MAP_COLORS.incident,
      ] as unknown as ExpressionSpecification;
    }
  }
}
