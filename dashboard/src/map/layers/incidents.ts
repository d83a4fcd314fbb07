import type { CircleLayerSpecification } from 'maplibre-gl';
import { MAP_COLORS } from './theme';

export const INCIDENTS_SOURCE = 'incidents';

/** Open incidents as dots; urgent ones red, overdue ones amber (clustering comes with the full wall). */
export const incidentCircleLayer: CircleLayerSpecification = {
  id: 'incident-circle',
  type: 'circle',
  source: INCIDENTS_SOURCE,
  paint: {
    'circle-radius': ['interpolate', ['linear'], ['zoom'], 11, 2.5, 15, 6],
    'circle-color': [
      'case',
      ['==', ['get', 'overdue'], true],
      MAP_COLORS.incidentOverdue,
      ['==', ['get', 'priority'], 'urgent'],
      MAP_COLORS.incidentUrgent,
      MAP_COLORS.incident,
    ],
    'circle-stroke-color': '#06122b',
    'circle-stroke-width': 0.5,
  },
};
