import type { LineLayerSpecification } from 'maplibre-gl';
import { MAP_COLORS } from './theme';

export const GRIDS_SOURCE = 'grids';

// The grids' load shading is drawn on a canvas under the map (overlay/grid-shade.ts).
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
