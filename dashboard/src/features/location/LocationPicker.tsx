import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Map as MapLibreMap,
  Marker,
  setWorkerUrl,
  type ExpressionSpecification,
  type StyleSpecification,
} from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { gridBounds } from '../map/grid-bounds';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import type { LngLat } from '@whistle/shared';
import type { GridCollection } from '../reference/reference-queries';

setWorkerUrl(workerUrl);

/** A light, self-contained style for the desk consoles: no tiles, sprites or glyphs (offline). */
const DESK_STYLE: StyleSpecification = {
  version: 8,
  sources: {},
  layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#eef2f7' } }],
};

interface LocationPickerProps {
  grids: GridCollection;
  /** Only points inside this street's grids may be picked; the rest of the district is drawn faint. */
  streetId: string | null;
  value: LngLat | null;
  onChange: (point: LngLat, gridId: string) => void;
}

/**
 * Click the map to pick where something is. The pick is accepted only on a grid of the allowed
 * street (the server would answer 422 for a point outside every grid), and shown as a marker.
 */
export default function LocationPicker({ grids, streetId, value, onChange }: LocationPickerProps) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<MapLibreMap | null>(null);
  const marker = useRef<Marker | null>(null);
  const changeRef = useRef(onChange);
  changeRef.current = onChange;
  const valueRef = useRef(value);
  valueRef.current = value;
  const [outside, setOutside] = useState(false);

  useEffect(() => {
    if (!container.current) return;
    const own: ExpressionSpecification = ['==', ['get', 'streetId'], streetId ?? ''];
    const instance = new MapLibreMap({
      container: container.current,
      style: DESK_STYLE,
      bounds:
        gridBounds(grids.features.filter((f) => !streetId || f.properties.streetId === streetId)) ??
        gridBounds(grids.features) ??
        undefined,
      fitBoundsOptions: { padding: 16 },
      attributionControl: false,
      dragRotate: false,
    });
    instance.on('load', () => {
      instance.addSource('pick-grids', { type: 'geojson', data: grids });
      instance.addLayer({
        id: 'pick-grid-fill',
        type: 'fill',
        source: 'pick-grids',
        paint: {
          'fill-color': streetId ? ['case', own, '#cfe3ff', '#e3e7ee'] : '#cfe3ff',
          'fill-opacity': 0.8,
        },
      });
      instance.addLayer({
        id: 'pick-grid-line',
        type: 'line',
        source: 'pick-grids',
        paint: {
          'line-color': streetId ? ['case', own, '#3a78c9', '#c5ccd8'] : '#3a78c9',
          'line-width': 0.6,
        },
      });
    });
    instance.on('click', (event) => {
      const hit = instance
        .queryRenderedFeatures(event.point, { layers: ['pick-grid-fill'] })
        .find((f) => !streetId || f.properties.streetId === streetId);
      if (!hit) {
        setOutside(true);
        return;
      }
      setOutside(false);
      changeRef.current({ lng: event.lngLat.lng, lat: event.lngLat.lat }, String(hit.properties.id));
    });
    map.current = instance;
    // A centre chosen before the map existed still gets its marker.
    if (valueRef.current)
      marker.current = new Marker({ color: '#d93025' }).setLngLat(valueRef.current).addTo(instance);
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(container.current);
    return () => {
      resize.disconnect();
      marker.current = null;
      map.current = null;
      instance.remove();
    };
  }, [grids, streetId]);

  useEffect(() => {
    const instance = map.current;
    if (!instance) return;
    if (!value) {
      marker.current?.remove();
      marker.current = null;
      return;
    }
    if (!marker.current) marker.current = new Marker({ color: '#d93025' }).setLngLat(value).addTo(instance);
    else marker.current.setLngLat(value);
  }, [value]);

  return (
    <div className="picker">
      <div ref={container} className="picker__map" data-testid="location-picker" />
      <p className={outside ? 'dk-field-error' : 'muted'}>
        {outside ? t('desk.location.outside') : t('desk.location.hint')}
      </p>
    </div>
  );
}
