import { useEffect, useRef } from 'react';
import { Map as MapLibreMap, setWorkerUrl, type GeoJSONSource, type LngLatBoundsLike } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
// MapLibre 6 finds its worker next to its own module, which a bundle moves; Vite bundles the
// worker itself and hands over the URL, so the map works from any base path and offline.
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import type { GridCollection } from '../api/queries';
import { GRIDS_SOURCE, gridFillLayer, gridLineLayer } from './layers/grids';
import { INCIDENTS_SOURCE, incidentCircleLayer } from './layers/incidents';
import type { IncidentMapModel } from './incident-model';
import { basemapStyle } from './style';

setWorkerUrl(workerUrl);

function boundsOf(grids: GridCollection): LngLatBoundsLike {
  let [minLng, minLat, maxLng, maxLat] = [180, 90, -180, -90];
  for (const f of grids.features) {
    for (const [lng = 0, lat = 0] of f.geometry.coordinates[0] ?? []) {
      minLng = Math.min(minLng, lng);
      minLat = Math.min(minLat, lat);
      maxLng = Math.max(maxLng, lng);
      maxLat = Math.max(maxLat, lat);
    }
  }
  return [minLng, minLat, maxLng, maxLat];
}

/**
 * The district map. React renders the container once; after that everything is imperative
 * MapLibre calls driven by the incident model, so live events never re-render this component.
 */
export function DistrictMap({ grids, incidents }: { grids: GridCollection; incidents: IncidentMapModel }) {
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!container.current) return;
    const map = new MapLibreMap({
      container: container.current,
      style: basemapStyle(),
      bounds: boundsOf(grids),
      fitBoundsOptions: { padding: 24 },
      attributionControl: false,
      dragRotate: false,
    });
    map.on('load', () => {
      // promoteId makes the grid's own id the feature id, which feature-state is keyed by.
      map.addSource(GRIDS_SOURCE, { type: 'geojson', data: grids, promoteId: 'id' });
      map.addSource(INCIDENTS_SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
      map.addLayer(gridFillLayer);
      map.addLayer(gridLineLayer);
      map.addLayer(incidentCircleLayer);
      incidents.attach({
        // setData's promise only reports when the worker has parsed the data; nothing waits on it.
        setIncidents: (data) => void map.getSource<GeoJSONSource>(INCIDENTS_SOURCE)?.setData(data),
        setGridOpenCount: (id, open) => map.setFeatureState({ source: GRIDS_SOURCE, id }, { open }),
      });
    });
    const resize = new ResizeObserver(() => map.resize());
    resize.observe(container.current);
    return () => {
      resize.disconnect();
      incidents.detach();
      map.remove();
    };
  }, [grids, incidents]);

  return <div ref={container} className="district-map" data-testid="district-map" />;
}
