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

/** An incident dot's colour in a mode: its category's colour, or its status's. */
export function incidentColor(
  mode: IncidentColorMode,
  incident: { category: string; status: IncidentStatus },
): string {
  return mode === 'category' ? categoryColor(incident.category) : stateColor(incident.status);
}
