import type { StyleSpecification } from 'maplibre-gl';
import { MAP_COLORS } from './layers/theme';

/**
 * The self-contained style: only a background, no tiles, sprites or glyphs, so the map renders
 * with no network at all. Grid and incident layers are added on top from the API's data.
 * A deployment with its own tiles sets VITE_BASEMAP_STYLE_URL to a style on its network instead.
 */
export const OFFLINE_STYLE: StyleSpecification = {
  version: 8,
  name: 'whistle-offline',
  sources: {},
  layers: [{ id: 'background', type: 'background', paint: { 'background-color': MAP_COLORS.background } }],
};

export function basemapStyle(): StyleSpecification | string {
  const url = import.meta.env.VITE_BASEMAP_STYLE_URL;
  return url && url.length > 0 ? url : OFFLINE_STYLE;
}
