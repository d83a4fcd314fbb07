import type { StyleSpecification } from 'maplibre-gl';
import { MAP_COLORS } from './layers/theme';

/**
 * The self-contained style: a background and nothing to fetch — no tiles, sprites or glyphs URL.
 * Without a glyphs URL MapLibre draws label text with the browser's own fonts (CJK included), so
 * names render with no network at all. Boundaries and grids are added on top from the API's
 * GeoJSON; the wall hides the background and paints it on its grid-shade canvas under the map
 * (DistrictMap).
 */
export const OFFLINE_STYLE: StyleSpecification = {
  version: 8,
  name: 'whistle-offline',
  sources: {},
  layers: [{ id: 'background', type: 'background', paint: { 'background-color': MAP_COLORS.background } }],
};
