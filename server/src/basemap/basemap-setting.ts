import type { BasemapView } from '@whistle/shared';

/** The path the server serves a local PMTiles file under (range requests, no token). */
export const LOCAL_PMTILES_PATH = '/api/basemap/tiles.pmtiles';

const isHttpUrl = (value: string) => /^https?:\/\//i.test(value);

/**
 * What the dashboard is told about the basemap. A PMTiles setting that is an http(s) URL is passed
 * on as it is; anything else is a local file this server serves itself.
 */
export function basemapView(config: { BASEMAP_STYLE_URL?: string; BASEMAP_PMTILES?: string }): BasemapView {
  const pmtiles = config.BASEMAP_PMTILES;
  return {
    styleUrl: config.BASEMAP_STYLE_URL ?? null,
    pmtilesUrl: pmtiles ? (isHttpUrl(pmtiles) ? pmtiles : LOCAL_PMTILES_PATH) : null,
  };
}

/** The local PMTiles file to serve, or null when the setting is absent or points elsewhere. */
export function localPmtilesFile(config: { BASEMAP_PMTILES?: string }): string | null {
  const pmtiles = config.BASEMAP_PMTILES;
  return pmtiles && !isHttpUrl(pmtiles) ? pmtiles : null;
}
