import { basemapOrigins } from './security-headers';

describe('basemap origins in the content security policy', () => {
  it('names none for the offline style or a local archive', () => {
    expect(basemapOrigins({})).toEqual([]);
    expect(basemapOrigins({ BASEMAP_PMTILES: '/srv/maps/qinhuai.pmtiles' })).toEqual([]);
  });

  it('names the origins of a style and an archive elsewhere, once each', () => {
    expect(
      basemapOrigins({
        BASEMAP_STYLE_URL: 'https://tiles.district.local:8443/styles/qinhuai.json',
        BASEMAP_PMTILES: 'https://tiles.district.local:8443/qinhuai.pmtiles',
      }),
    ).toEqual(['https://tiles.district.local:8443']);
    expect(
      basemapOrigins({
        BASEMAP_STYLE_URL: 'http://maps.local/style.json',
        BASEMAP_PMTILES: 'http://cdn.local/q.pmtiles',
      }),
    ).toEqual(['http://maps.local', 'http://cdn.local']);
  });
});
