import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Map as MapLibreMap,
  setWorkerUrl,
  type GeoJSONSource,
  type LngLatBoundsLike,
  type MapGeoJSONFeature,
  type MapLayerMouseEvent,
} from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
// MapLibre 6 finds its worker next to its own module, which a bundle moves; Vite bundles the
// worker itself and hands over the URL, so the map works from any base path and offline.
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import type { GeoJSON } from 'geojson';
import type { BasemapView } from '@whistle/shared';
import type { GridCollection } from '../api/queries';
import { basemapStyle } from './basemap';
import type { BoundaryCollection } from './boundary-queries';
import { incidentColorExpression, type IncidentColorMode } from './incident-colors';
import type { IncidentMapModel } from './incident-model';
import {
  COMMUNITIES_SOURCE,
  communityFillLayer,
  communityLabelLayer,
  communityLineLayer,
  gridLabelLayer,
  NAME_LABEL_LAYERS,
  nameField,
  STREETS_SOURCE,
  streetGlowLayer,
  streetLabelLayer,
  streetLineLayer,
} from './layers/boundaries';
import { GRIDS_SOURCE, gridFillLayer, gridLineLayer } from './layers/grids';
import {
  attentionRingLayer,
  clusterCircleLayer,
  clusterCountLayer,
  incidentPointLayer,
  incidentsSource,
  INCIDENTS_SOURCE,
} from './layers/incidents';
import { LABEL_FONT } from './layers/theme';
import { isSoftwareRenderer, PULSE_TIMING, startPulse } from './pulse';

/** The wall is laid out for 1080 lines; a taller screen sees it larger, map symbols included. */
const REFERENCE_HEIGHT = 1080;

/**
 * Scales the map's container up on screens taller than the reference (a 3840×2160 wall gets 2):
 * the map is laid out at the reference size and enlarged by a CSS transform — MapLibre maps
 * pointer positions through it — so labels, dots and lines are as readable from five metres on a
 * 4K wall as on a 1080p one. Returns the scale.
 */
function wallScale(element: HTMLElement): number {
  const scale = Math.max(1, window.innerHeight / REFERENCE_HEIGHT);
  if (scale > 1) {
    Object.assign(element.style, {
      width: `${100 / scale}%`,
      height: `${100 / scale}%`,
      right: 'auto',
      bottom: 'auto',
      transform: `scale(${scale})`,
      transformOrigin: '0 0',
    });
  }
  return scale;
}

/** Where the map looks before the grids arrive and it fits them (the district's middle). */
const QINHUAI_CENTER: [number, number] = [118.8, 32.015];

setWorkerUrl(workerUrl);

/** A performance mark the benchmark and tests read: the first incidents are on screen. */
export const INCIDENTS_PAINTED_MARK = 'wall:incidents-painted';

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

export interface DistrictMapProps {
  /** Reference data arrives while the map starts; each layer fills in when its data is there. */
  grids: GridCollection | undefined;
  streets: BoundaryCollection | undefined;
  communities: BoundaryCollection | undefined;
  basemap: BasemapView;
  incidents: IncidentMapModel;
  colorMode: IncidentColorMode;
  onIncidentClick?: (incidentId: string) => void;
}

const empty = (): GeoJSON => ({ type: 'FeatureCollection', features: [] });

function addDistrictLayers(map: MapLibreMap, colorMode: IncidentColorMode, language: string): void {
  // promoteId makes the grid's own id the feature id, which feature-state is keyed by.
  map.addSource(GRIDS_SOURCE, { type: 'geojson', data: empty(), promoteId: 'id' });
  map.addSource(COMMUNITIES_SOURCE, { type: 'geojson', data: empty() });
  map.addSource(STREETS_SOURCE, { type: 'geojson', data: empty() });
  map.addSource(INCIDENTS_SOURCE, incidentsSource);
  for (const layer of [
    gridFillLayer,
    gridLineLayer,
    communityFillLayer,
    communityLineLayer,
    streetGlowLayer,
    streetLineLayer,
    gridLabelLayer,
    communityLabelLayer,
    streetLabelLayer,
    attentionRingLayer,
    clusterCircleLayer,
    clusterCountLayer,
    incidentPointLayer,
  ]) {
    map.addLayer(layer);
  }
  for (const id of NAME_LABEL_LAYERS) map.setLayoutProperty(id, 'text-field', nameField(language));
  map.setPaintProperty(incidentPointLayer.id, 'circle-color', incidentColorExpression(colorMode));
}

/** Pushes a reference collection into its source once both the map and the data are there. */
function useSourceData(map: MapLibreMap | null, source: string, data: GeoJSON | undefined): void {
  useEffect(() => {
    if (map && data) void map.getSource<GeoJSONSource>(source)?.setData(data);
  }, [map, source, data]);
}

/** Clusters zoom in to where they split; points open their incident. */
function wireClicks(map: MapLibreMap, onIncident: (id: string) => void): void {
  const first = (e: MapLayerMouseEvent): MapGeoJSONFeature | undefined => e.features?.[0];
  map.on('click', clusterCircleLayer.id, (e) => {
    const feature = first(e);
    const clusterId = feature?.properties.cluster_id as number | undefined;
    if (!feature || clusterId === undefined || feature.geometry.type !== 'Point') return;
    const center = feature.geometry.coordinates as [number, number];
    const source = map.getSource<GeoJSONSource>(INCIDENTS_SOURCE);
    void source?.getClusterExpansionZoom(clusterId).then((zoom) => map.easeTo({ center, zoom: zoom + 0.2 }));
  });
  map.on('click', incidentPointLayer.id, (e) => {
    const id = first(e)?.properties.id as string | undefined;
    if (id) onIncident(id);
  });
  for (const id of [clusterCircleLayer.id, incidentPointLayer.id]) {
    map.on('mouseenter', id, () => (map.getCanvas().style.cursor = 'pointer'));
    map.on('mouseleave', id, () => (map.getCanvas().style.cursor = ''));
  }
}

/**
 * The district map. React renders the container once; after that everything is imperative
 * MapLibre calls driven by the incident model, so live events never re-render this component.
 */
export function DistrictMap(props: DistrictMapProps) {
  const { grids, streets, communities, basemap, incidents, colorMode } = props;
  const container = useRef<HTMLDivElement>(null);
  // The map once its style and layers are in: the data effects below wait for it.
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const { i18n } = useTranslation();
  // The latest props for handlers registered once, when the map is made.
  const latest = useRef({ props, language: i18n.language });
  latest.current = { props, language: i18n.language };

  // The map starts at once, before the reference data: making the WebGL context is the slowest
  // step of a cold start, and the API answers arrive meanwhile.
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    let cancelled = false;
    let cleanup = () => undefined as void;
    void basemapStyle(basemap).then((style) => {
      if (cancelled) return;
      const scale = wallScale(element);
      const created = new MapLibreMap({
        container: element,
        style,
        // Drawn at the screen's real resolution, however far the container is scaled up.
        pixelRatio: window.devicePixelRatio * scale,
        center: QINHUAI_CENTER,
        zoom: 12,
        attributionControl: false,
        dragRotate: false,
        // Labels and cluster counts appear at once: a fade animates the map for 300 ms after every
        // push, which under live load means repainting non-stop.
        fadeDuration: 0,
        // CJK names are drawn from the machine's fonts, never fetched as glyph ranges.
        localIdeographFontFamily: LABEL_FONT.join(', '),
      });
      let stopPulse = () => undefined as void;
      created.on('load', () => {
        performance.mark('wall:map-loaded');
        addDistrictLayers(created, latest.current.props.colorMode, latest.current.language);
        wireClicks(created, (id) => latest.current.props.onIncidentClick?.(id));
        // The rings start breathing once the incidents are drawn: every pulse step repaints the
        // map, and the first paint should not share the main thread with it.
        markFirstPaint(created, element, incidents, () => {
          const software = isSoftwareRenderer(created.getCanvas());
          stopPulse = startPulse(
            {
              apply: (phase) => {
                created.setPaintProperty(attentionRingLayer.id, 'circle-stroke-opacity', 0.3 + 0.7 * phase);
                created.setPaintProperty(attentionRingLayer.id, 'circle-stroke-width', 1.5 + 2.5 * phase);
              },
            },
            software ? PULSE_TIMING.software : PULSE_TIMING.gpu,
          );
        });
        incidents.attach({
          // setData's promise only reports when the worker has parsed the data; nothing waits on it.
          setIncidents: (data) => {
            if (
              incidents.loadedPushed &&
              performance.getEntriesByName('wall:incidents-pushed').length === 0
            ) {
              performance.mark('wall:incidents-pushed');
            }
            void created.getSource<GeoJSONSource>(INCIDENTS_SOURCE)?.setData(data);
          },
          setGridOpenCount: (id, open) => created.setFeatureState({ source: GRIDS_SOURCE, id }, { open }),
        });
        setMap(created);
      });
      const resize = new ResizeObserver(() => created.resize());
      resize.observe(element);
      cleanup = () => {
        stopPulse();
        resize.disconnect();
        incidents.detach();
        setMap(null);
        created.remove();
      };
    });
    return () => {
      cancelled = true;
      cleanup();
    };
  }, [basemap, incidents]);

  useSourceData(map, GRIDS_SOURCE, grids);
  useEffect(() => {
    if (map && grids) map.fitBounds(boundsOf(grids), { padding: 24, animate: false });
  }, [map, grids]);
  useSourceData(map, STREETS_SOURCE, streets);
  useSourceData(map, COMMUNITIES_SOURCE, communities);

  useEffect(() => {
    if (map) map.setPaintProperty(incidentPointLayer.id, 'circle-color', incidentColorExpression(colorMode));
  }, [map, colorMode]);

  useEffect(() => {
    if (!map) return;
    const language = i18n.language;
    for (const id of NAME_LABEL_LAYERS) map.setLayoutProperty(id, 'text-field', nameField(language));
    // Says when the relaid-out labels are on screen (tests and screenshots wait for it).
    const onRender = () => {
      if (!map.areTilesLoaded()) return;
      map.off('render', onRender);
      if (container.current) container.current.dataset.labelLanguage = language;
    };
    map.on('render', onRender);
    map.triggerRepaint();
    return () => void map.off('render', onRender);
  }, [map, i18n.language]);

  return (
    <div ref={container} className="district-map" data-testid="district-map" data-color-mode={colorMode} />
  );
}

/**
 * Marks the first frame that shows the complete initial set of open incidents (a performance mark
 * and a data attribute on the container): the map's part of the wall's first meaningful paint.
 */
function markFirstPaint(
  map: MapLibreMap,
  element: HTMLElement,
  incidents: IncidentMapModel,
  then: () => void,
): void {
  const onRender = () => {
    if (!incidents.loadedPushed || !map.isSourceLoaded(INCIDENTS_SOURCE)) return;
    const shown = map.queryRenderedFeatures({
      layers: [incidentPointLayer.id, clusterCircleLayer.id],
    }).length;
    if (shown === 0 && incidents.size > 0) return;
    map.off('render', onRender);
    performance.mark(INCIDENTS_PAINTED_MARK);
    element.dataset.incidentsPainted = String(incidents.size);
    then();
  };
  map.on('render', onRender);
}
