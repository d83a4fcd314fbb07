import { basemapView, LOCAL_PMTILES_PATH, localPmtilesFile } from './basemap-setting';

describe('basemap setting', () => {
  it('is empty when nothing is configured, so the dashboard uses its offline style', () => {
    expect(basemapView({})).toEqual({ styleUrl: null, pmtilesUrl: null });
    expect(localPmtilesFile({})).toBeNull();
  });

  it('serves a local archive under its own path', () => {
    const config = { BASEMAP_PMTILES: '/srv/maps/qinhuai.pmtiles' };
    expect(basemapView(config)).toEqual({ styleUrl: null, pmtilesUrl: LOCAL_PMTILES_PATH });
    expect(localPmtilesFile(config)).toBe('/srv/maps/qinhuai.pmtiles');
  });

  it('passes an archive URL and a style URL through', () => {
    const config = {
      BASEMAP_PMTILES: 'http://tiles.local/q.pmtiles',
      BASEMAP_STYLE_URL: 'http://tiles.local/style.json',
    };
    expect(basemapView(config)).toEqual({
      styleUrl: 'http://tiles.local/style.json',
      pmtilesUrl: 'http://tiles.local/q.pmtiles',
    });
    expect(localPmtilesFile(config)).toBeNull();
  });
});
