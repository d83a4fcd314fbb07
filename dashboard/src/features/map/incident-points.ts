import { INCIDENT_POINT_FIELDS, type IncidentPointsView } from '@whistle/shared';
import type { IncidentPoint } from './incident-model';

/**
 * The compact rows of `GET /api/incidents/points` as the points the map model keeps. Rows are
 * positional, so an answer laid out differently (a server of another version) is refused rather
 * than drawn with its columns mixed up.
 */
export function decodeIncidentPoints(view: IncidentPointsView): IncidentPoint[] {
  if (INCIDENT_POINT_FIELDS.some((field, i) => view.fields[i] !== field)) {
    throw new Error(`Unexpected incident point fields: ${view.fields.join(',')}`);
  }
  return view.rows.map(([id, lng, lat, category, status, priority, overdue, gridId]) => ({
    id,
    location: { lng, lat },
    category,
    status,
    priority,
    overdue,
    gridId,
  }));
}
