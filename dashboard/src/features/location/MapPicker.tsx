import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { gridBounds } from '../map/grid-bounds';
import { Map as MapLibreMap, setWorkerUrl, type GeoJSONSource } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import type { LngLat } from '@whistle/shared';
import type { GridCollection } from '../reference/reference-queries';

setWorkerUrl(workerUrl);

const PICK_SOURCE = 'picked-point';

/**
 * Where the device cannot tell: the worker taps the spot on the grid map, framed on their own
 * grids (highlighted). Light, offline style: only the grid outlines from the server.
 */
export function MapPicker({
  grids,
  myGridIds,
  initial,
  onPick,
  onCancel,
}: {
  grids: GridCollection;
  myGridIds: readonly string[];
  initial: LngLat | null;
  onPick: (point: LngLat) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const [picked, setPicked] = useState<LngLat | null>(initial);

  useEffect(() => {
    if (!container.current) return;
    const mine = grids.features.filter((f) => myGridIds.includes(f.properties.id));
    const map = new MapLibreMap({
      container: container.current,
      style: {
        version: 8,
        sources: {},
        layers: [{ id: 'bg', type: 'background', paint: { 'background-color': '#eef2f7' } }],
      },
      // Framed on the worker's own grids, or the whole district if none are known.
      bounds: gridBounds(mine.length > 0 ? mine : grids.features) ?? undefined,
      fitBoundsOptions: { padding: 24 },
      attributionControl: false,
      dragRotate: false,
    });
    const showPoint = (point: LngLat | null) =>
      void map.getSource<GeoJSONSource>(PICK_SOURCE)?.setData({
        type: 'FeatureCollection',
        features: point
          ? [
              {
                type: 'Feature',
                properties: {},
                geometry: { type: 'Point', coordinates: [point.lng, point.lat] },
              },
            ]
          : [],
      });
    map.on('load', () => {
      map.addSource('pick-grids', { type: 'geojson', data: grids });
      map.addSource(PICK_SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
      map.addLayer({
        id: 'pick-grid-fill',
        type: 'fill',
        source: 'pick-grids',
        paint: {
          'fill-color': ['case', ['in', ['get', 'id'], ['literal', [...myGridIds]]], '#cfe3ff', '#ffffff'],
          'fill-opacity': 0.9,
        },
      });
      map.addLayer({
        id: 'pick-grid-line',
        type: 'line',
        source: 'pick-grids',
        paint: { 'line-color': '#6b8fbf', 'line-width': 0.8 },
      });
      map.addLayer({
        id: 'pick-point',
        type: 'circle',
        source: PICK_SOURCE,
        paint: {
          'circle-radius': 10,
          'circle-color': '#e53935',
          'circle-stroke-color': '#fff',
          'circle-stroke-width': 3,
        },
      });
      showPoint(initial);
    });
    map.on('click', (e) => {
      const point = { lng: e.lngLat.lng, lat: e.lngLat.lat };
      setPicked(point);
      showPoint(point);
    });
    const resize = new ResizeObserver(() => map.resize());
    resize.observe(container.current);
    return () => {
      resize.disconnect();
      map.remove();
    };
    // The picker is made once when opened; later prop changes do not move the map.
  }, []);

  return (
    <div className="map-picker" data-testid="map-picker">
      <p className="map-picker__hint">{t('gridWorker.location.tapHint')}</p>
      <div ref={container} className="map-picker__map" />
      <div className="map-picker__actions">
        <button type="button" className="btn btn--ghost" onClick={onCancel}>
          {t('gridWorker.location.cancel')}
        </button>
        <button
          type="button"
          className="btn btn--primary"
          disabled={!picked}
          data-testid="map-picker-confirm"
          onClick={() => picked && onPick(picked)}
        >
          {t('gridWorker.location.usePoint')}
        </button>
      </div>
    </div>
  );
}
