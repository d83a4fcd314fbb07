import { addProtocol, type LayerSpecification, type StyleSpecification } from 'maplibre-gl';
import { PMTiles, Protocol, TileType } from 'pmtiles';
import type { BasemapView } from '@whistle/shared';
import { MAP_COLORS } from './layers/theme';
import { OFFLINE_STYLE } from './style';

let protocol: Protocol | null = null;

/** Lets styles use pmtiles:// URLs; registered once per page. */
function pmtilesProtocol(): Protocol {
  if (!protocol) {
    protocol = new Protocol();
    addProtocol('pmtiles', protocol.tile);
  }
  return protocol;
}

/**
 * Layers for a vector archive in the Protomaps basemap schema (water, roads, buildings),
 * toned down under the district's own layers. An archive with other layer names draws nothing
 * from these, and the district layers still show; such a deployment sets its own style URL.
 */
function vectorBasemapLayers(source: string): LayerSpecification[] {
  const base = { source } as const;
  // No land fill and see-through water: the grid shading lies under the map's canvas (see
  // DistrictMap) and must show through the basemap.
  return [
    {
      ...base,
      id: 'bm-water',
      type: 'fill',
      'source-layer': 'water',
      paint: { 'fill-color': '#0d2f5c', 'fill-opacity': 0.5 },
    },
    {
      ...base,
      id: 'bm-buildings',
      type: 'fill',
      'source-layer': 'buildings',
      paint: { 'fill-color': '#10244a', 'fill-opacity': 0.4 },
    },
    {
      ...base,
      id: 'bm-roads',
      type: 'line',
      'source-layer': 'roads',
      paint: { 'line-color': '#1d3b6e', 'line-width': ['interpolate', ['linear'], ['zoom'], 11, 0.5, 16, 3] },
    },
  ];
}

async function pmtilesStyle(url: string): Promise<StyleSpecification> {
  const archive = new PMTiles(url);
  pmtilesProtocol().add(archive);
  const header = await archive.getHeader();
  const vector = header.tileType === TileType.Mvt;
  const source = 'basemap';
  return {
    ...OFFLINE_STYLE,
    sources: { [source]: { type: vector ? 'vector' : 'raster', url: `pmtiles://${url}`, tileSize: 256 } },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': MAP_COLORS.background } },
      ...(vector
        ? vectorBasemapLayers(source)
        : [
            {
              id: 'bm-raster',
              type: 'raster',
              source,
              paint: { 'raster-opacity': 0.55 },
            } as LayerSpecification,
          ]),
    ],
  };
}

/**
 * The style the map starts from: the deployment's style URL, else its PMTiles archive, else the
 * offline style. A basemap that cannot be read falls back to the offline style rather than
 * leaving the wall blank.
 */
export async function basemapStyle(setting: BasemapView | undefined): Promise<StyleSpecification | string> {
  if (setting?.pmtilesUrl) pmtilesProtocol();
  if (setting?.styleUrl) return setting.styleUrl;
  if (setting?.pmtilesUrl) {
    try {
      return await pmtilesStyle(new URL(setting.pmtilesUrl, window.location.origin).toString());
    } catch {
      return OFFLINE_STYLE;
    }
  }
  return OFFLINE_STYLE;
}
