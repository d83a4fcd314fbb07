import type { FillLayerSpecification, LineLayerSpecification, StyleSpecification } from 'maplibre-gl';

/** The leaders' grid heat map: its own source, so it never shares state with the wall's grid layer. */
export const HEAT_SOURCE = 'heat-grids';

export const HEAT_COLORS = {
  background: '#06122b',
  none: '#0b2250',
  low: '#1d6fa5',
  lowMid: '#35d0ff',
  mid: '#f5b21b',
  high: '#ff4d4f',
  line: '#2a8fc4',
} as const;

/** A background-only style: the heat map needs no tiles, glyphs or sprites, so it works offline. */
export const HEAT_STYLE: StyleSpecification = {
  version: 8,
  name: 'whistle-heat',
  sources: {},
  layers: [
    { id: 'heat-background', type: 'background', paint: { 'background-color': HEAT_COLORS.background } },
  ],
};

/**
 * Grids coloured by feature-state `heat`, the grid's load divided by the busiest grid's (0..1),
 * so the scale fits a day as well as a month. Grids with no load keep the quiet base colour.
 */
export const heatFillLayer: FillLayerSpecification = {
  id: 'heat-fill',
  type: 'fill',
  source: HEAT_SOURCE,
  paint: {
    'fill-color': [
      'interpolate',
      ['linear'],
      ['coalesce', ['feature-state', 'heat'], 0],
      0,
      HEAT_COLORS.none,
      0.01,
      HEAT_COLORS.low,
      0.25,
      HEAT_COLORS.lowMid,
      0.6,
      HEAT_COLORS.mid,
      1,
      HEAT_COLORS.high,
    ],
    'fill-opacity': 0.85,
  },
};

export const heatLineLayer: LineLayerSpecification = {
  id: 'heat-line',
  type: 'line',
  source: HEAT_SOURCE,
  paint: {
    'line-color': HEAT_COLORS.line,
    'line-width': ['interpolate', ['linear'], ['zoom'], 11, 0.3, 15, 1],
    'line-opacity': 0.5,
  },
};
