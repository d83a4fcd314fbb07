import type {
  CircleLayerSpecification,
  ExpressionSpecification,
  GeoJSONSourceSpecification,
  SymbolLayerSpecification,
} from 'maplibre-gl';
import { CLUSTER_NEEDS_ATTENTION, CLUSTER_PROPERTIES, NEEDS_ATTENTION } from '../cluster-properties';
import { incidentColorExpression } from '../incident-colors';
import { LABEL_FONT, MAP_COLORS } from './theme';

export const INCIDENTS_SOURCE = 'incidents';
/** Above this zoom every incident is its own dot. */
export const CLUSTER_MAX_ZOOM = 15;

/** Open incidents, clustered when zoomed out; clusters carry urgent and overdue sums. */
export const incidentsSource: GeoJSONSourceSpecification = {
  type: 'geojson',
  data: { type: 'FeatureCollection', features: [] },
  cluster: true,
  clusterRadius: 42,
  clusterMaxZoom: CLUSTER_MAX_ZOOM,
  clusterProperties: CLUSTER_PROPERTIES,
  // Features carry their incident id, so a click can open the incident.
  promoteId: 'id',
};

const IS_CLUSTER: ExpressionSpecification = ['has', 'point_count'];

export const clusterCircleLayer: CircleLayerSpecification = {
  id: 'incident-cluster',
  type: 'circle',
  source: INCIDENTS_SOURCE,
  filter: IS_CLUSTER,
  paint: {
    // Neutral fill: a cluster's urgent and overdue members show as its pulsing ring instead, so
    // the fill keeps saying "how many" and the ring "how bad".
    'circle-color': MAP_COLORS.cluster,
    'circle-opacity': 0.85,
    'circle-radius': ['step', ['get', 'point_count'], 11, 10, 15, 50, 20, 200, 26],
    'circle-stroke-color': MAP_COLORS.clusterText,
    'circle-stroke-width': 1,
    'circle-stroke-opacity': 0.6,
  },
};

export const clusterCountLayer: SymbolLayerSpecification = {
  id: 'incident-cluster-count',
  type: 'symbol',
  source: INCIDENTS_SOURCE,
  filter: IS_CLUSTER,
  layout: {
    'text-field': ['get', 'point_count_abbreviated'],
    'text-font': LABEL_FONT,
    'text-size': 13,
    'text-allow-overlap': true,
    // Counts never push street and community names off the map; the names sit under the circles.
    'text-ignore-placement': true,
  },
  paint: { 'text-color': MAP_COLORS.clusterText },
};

export const incidentPointLayer: CircleLayerSpecification = {
  id: 'incident-point',
  type: 'circle',
  source: INCIDENTS_SOURCE,
  filter: ['!', IS_CLUSTER],
  paint: {
    'circle-radius': ['interpolate', ['linear'], ['zoom'], 11, 3.5, 16, 7],
    'circle-color': incidentColorExpression('category'),
    'circle-stroke-color': MAP_COLORS.background,
    'circle-stroke-width': 0.8,
  },
};

/**
 * The attention ring around urgent and overdue incidents and the clusters holding them: amber
 * for overdue, red for urgent. Its radius and opacity pulse (see pulse.ts).
 */
export const attentionRingLayer: CircleLayerSpecification = {
  id: 'incident-attention',
  type: 'circle',
  source: INCIDENTS_SOURCE,
  filter: ['case', IS_CLUSTER, CLUSTER_NEEDS_ATTENTION, NEEDS_ATTENTION],
  paint: {
    'circle-color': 'rgba(0,0,0,0)',
    // Just outside the cluster's own circle (see clusterCircleLayer) or the point.
    'circle-radius': ['case', IS_CLUSTER, ['step', ['get', 'point_count'], 15, 10, 19, 50, 24, 200, 30], 9],
    'circle-stroke-width': 2,
    'circle-stroke-color': [
      'case',
      // A point's `overdue` is a boolean, a cluster's a count; to-number reads both.
      ['>', ['to-number', ['get', 'overdue'], 0], 0],
      MAP_COLORS.incidentOverdue,
      MAP_COLORS.incidentUrgent,
    ],
    'circle-stroke-opacity': 0.9,
  },
};

/** Layers clicks go to: clusters zoom in, points open their incident. */
export const CLICKABLE_INCIDENT_LAYERS = [clusterCircleLayer.id, incidentPointLayer.id] as const;
