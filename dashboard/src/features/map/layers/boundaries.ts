import type {
  ExpressionSpecification,
  FillLayerSpecification,
  LineLayerSpecification,
  SymbolLayerSpecification,
} from 'maplibre-gl';
import { GRIDS_SOURCE } from './grids';
import { LABEL_FONT, MAP_COLORS } from './theme';

export const STREETS_SOURCE = 'streets';
export const COMMUNITIES_SOURCE = 'communities';

/**
 * Which names show at which zoom: street names over the whole district, community names once a
 * street fills the screen, grid codes when single grids are large enough to read.
 */
export const LABEL_ZOOMS = {
  street: { min: 0, max: 13.6 },
  community: { min: 13.6, max: 15.2 },
  grid: { min: 15.2, max: 24 },
} as const;

/** The label text in the UI language (feature properties nameZh / nameEn). */
export function nameField(language: string): ExpressionSpecification {
  return ['coalesce', ['get', language === 'en' ? 'nameEn' : 'nameZh'], ['get', 'nameZh'], ''];
}

const halo = { 'text-halo-color': MAP_COLORS.labelHalo, 'text-halo-width': 1.6 } as const;

export const streetLineLayer: LineLayerSpecification = {
  id: 'street-line',
  type: 'line',
  source: STREETS_SOURCE,
  paint: {
    'line-color': MAP_COLORS.streetLine,
    'line-width': ['interpolate', ['linear'], ['zoom'], 11, 1.4, 16, 3],
    'line-opacity': 0.85,
  },
};

/** The district outline glow: the streets' union reads as the district border. */
export const streetGlowLayer: LineLayerSpecification = {
  id: 'street-glow',
  type: 'line',
  source: STREETS_SOURCE,
  paint: { 'line-color': MAP_COLORS.streetLine, 'line-width': 6, 'line-blur': 4, 'line-opacity': 0.25 },
};

export const communityLineLayer: LineLayerSpecification = {
  id: 'community-line',
  type: 'line',
  source: COMMUNITIES_SOURCE,
  minzoom: 12.5,
  paint: {
    'line-color': MAP_COLORS.communityLine,
    'line-width': ['interpolate', ['linear'], ['zoom'], 12.5, 0.6, 16, 1.6],
    'line-dasharray': [3, 2],
    'line-opacity': 0.8,
  },
};

/** Invisible fill so community polygons can be queried and labelled at their centre. */
export const communityFillLayer: FillLayerSpecification = {
  id: 'community-fill',
  type: 'fill',
  source: COMMUNITIES_SOURCE,
  paint: { 'fill-opacity': 0 },
};

function labelLayer(
  id: string,
  source: string,
  zooms: { min: number; max: number },
  field: ExpressionSpecification,
  size: number,
  color: string,
): SymbolLayerSpecification {
  return {
    id,
    type: 'symbol',
    source,
    minzoom: zooms.min,
    maxzoom: zooms.max,
    layout: {
      'text-field': field,
      'text-font': LABEL_FONT,
      'text-size': size,
      'text-max-width': 8,
      'text-padding': 4,
    },
    paint: { 'text-color': color, ...halo },
  };
}

export const streetLabelLayer = labelLayer(
  'street-label',
  STREETS_SOURCE,
  LABEL_ZOOMS.street,
  nameField('zh-CN'),
  16,
  MAP_COLORS.labelText,
);
export const communityLabelLayer = labelLayer(
  'community-label',
  COMMUNITIES_SOURCE,
  LABEL_ZOOMS.community,
  nameField('zh-CN'),
  13,
  MAP_COLORS.labelText,
);
export const gridLabelLayer = labelLayer(
  'grid-label',
  GRIDS_SOURCE,
  LABEL_ZOOMS.grid,
  ['get', 'code'],
  11,
  MAP_COLORS.gridLabelText,
);

/** Labels whose text follows the UI language. */
export const NAME_LABEL_LAYERS = [streetLabelLayer.id, communityLabelLayer.id] as const;
