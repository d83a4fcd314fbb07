import type { FillLayerSpecification, LineLayerSpecification } from 'maplibre-gl';
import { MAP_COLORS } from './theme';

export const GRIDS_SOURCE = 'grids';

/**
 * Grids shaded by live open-incident load. The count lives in feature-state (`open`), so a new
 * incident repaints one grid on the GPU without touching the GeoJSON source.
 */
export const gridFillLayer: FillLayerSpecification = {
  id: 'grid-fill',
  type: 'fill',
  source: GRIDS_SOURCE,
  paint: {
    'fill-color': [
      'interpolate',
      ['linear'],
      ['coalesce', ['feature-state', 'open'], 0],
      0,
      MAP_COLORS.gridFillEmpty,
      1,
      MAP_COLORS.gridFillLow,
      5,
      MAP_COLORS.gridFillMid,
      10,
      MAP_COLORS.gridFillHigh,
    ],
    'fill-opacity': 0.6,
  },
};

export const gridLineLayer: LineLayerSpecification = {
  id: 'grid-line',
  type: 'line',
  source: GRIDS_SOURCE,
  paint: {
    'line-color': MAP_COLORS.gridLine,
    'line-width': ['interpolate', ['linear'], ['zoom'], 11, 0.4, 15, 1.2],
    'line-opacity': 0.7,
  },
};
