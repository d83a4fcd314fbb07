import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Map as MapLibreMap, setWorkerUrl, type GeoJSONSource } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
// As in DistrictMap: Vite bundles MapLibre's worker and hands over its URL, so the map works offline.
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import type { Feature, FeatureCollection, GeoJSON } from 'geojson';
import type { BasemapView } from '@whistle/shared';
import { basemapStyle } from '../map/basemap';
import { LABEL_FONT } from '../map/layers/theme';
import type { BoundaryCollection } from '../map/boundary-queries';
import type { GridCollection } from '../reference/reference-queries';
import type { LoadedLayers } from './boundary-files';
import { boundsOf, problemAreas, problemPoints, type Bounds, type ProblemRow } from './boundary-report';
import {
  CURRENT_LAYERS,
  PROBLEM_COLORS,
  PROBLEM_FILL_LAYER,
  PROBLEM_POINT_LAYER,
  PROBLEM_SELECTED_LAYER,
  REPORT_LAYERS,
  SOURCES,
  UPLOADED_COLOR,
  UPLOADED_LAYERS,
} from './report-map-layers';

setWorkerUrl(workerUrl);

const QINHUAI_CENTER: [number, number] = [118.8, 32.015];

export interface MapFocus {
  bounds: Bounds;
  /** A problem is shown with its neighbours around it; a file's extent only with a margin. */
  surroundings: boolean;
  /** Bumped on every request, so clicking the same problem twice flies there again. */
  seq: number;
}

interface Props {
  basemap: BasemapView;
  current: { streets?: BoundaryCollection; communities?: BoundaryCollection; grids?: GridCollection };
  uploaded: LoadedLayers;
  rows: readonly ProblemRow[];
  selectedId: number | null;
  focus: MapFocus | null;
}

const empty = (): FeatureCollection => ({ type: 'FeatureCollection', features: [] });

/**
 * Only features MapLibre can draw: a (Multi)Polygon with positions. A file with broken shapes is
 * still shown as far as it can be; the report says what is wrong with the rest.
 */
function drawable(collection: FeatureCollection | null | undefined): FeatureCollection {
  if (!collection) return empty();
  const features = collection.features.filter((f: Feature) => {
    const geometry = f.geometry as { type?: unknown; coordinates?: unknown } | null;
    return (
      (geometry?.type === 'Polygon' || geometry?.type === 'MultiPolygon') &&
      boundsOf(geometry.coordinates) !== null
    );
  });
  return { type: 'FeatureCollection', features };
}

/** Pushes a collection into its source once both the map and the data are there. */
function useSource(map: MapLibreMap | null, source: string, data: GeoJSON | undefined): void {
  useEffect(() => {
    if (map && data) void map.getSource<GeoJSONSource>(source)?.setData(data);
  }, [map, source, data]);
}

const toLngLatBounds = (b: Bounds): [[number, number], [number, number]] => [
  [b[0], b[1]],
  [b[2], b[3]],
];

/**
 * The validation report on the map: the stored boundaries faint underneath, the uploaded ones in
 * green over them, and the overlaps (red), gaps (amber) and spill-overs (violet) the server drew.
 * The container's data attributes say what is on screen (tests and screenshots wait for them).
 */
export function BoundaryReportMap({ basemap, current, uploaded, rows, selectedId, focus }: Props) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const [showCurrent, setShowCurrent] = useState(true);
  const [showUploaded, setShowUploaded] = useState(true);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    let cancelled = false;
    let created: MapLibreMap | null = null;
    void basemapStyle(basemap).then((style) => {
      if (cancelled) return;
      created = new MapLibreMap({
        container: element,
        style,
        center: QINHUAI_CENTER,
        zoom: 11.5,
        attributionControl: false,
        dragRotate: false,
        pitchWithRotate: false,
        maxPitch: 0,
        fadeDuration: 0,
        localIdeographFontFamily: LABEL_FONT.join(', '),
      });
      const loaded = created;
      loaded.on('load', () => {
        for (const id of Object.values(SOURCES)) loaded.addSource(id, { type: 'geojson', data: empty() });
        for (const layer of REPORT_LAYERS) loaded.addLayer(layer);
        // What is drawn, once the map has settled: the problems in view by kind.
        loaded.on('idle', () => {
          const drawn = loaded.queryRenderedFeatures({ layers: [PROBLEM_FILL_LAYER, PROBLEM_POINT_LAYER] });
          const ofKind = (kind: string) =>
            new Set(drawn.filter((f) => f.properties.kind === kind).map((f) => f.properties.id as number))
              .size;
          element.dataset.overlapsDrawn = String(ofKind('overlap'));
          element.dataset.gapsDrawn = String(ofKind('gap'));
          element.dataset.ready = 'true';
        });
        setMap(loaded);
      });
    });
    return () => {
      cancelled = true;
      setMap(null);
      created?.remove();
    };
  }, [basemap]);

  useSource(map, SOURCES.currentStreets, current.streets);
  useSource(map, SOURCES.currentCommunities, current.communities);
  useSource(map, SOURCES.currentGrids, current.grids);
  useSource(
    map,
    SOURCES.uploadedStreets,
    useMemo(() => drawable(uploaded.streets?.collection), [uploaded.streets]),
  );
  useSource(
    map,
    SOURCES.uploadedCommunities,
    useMemo(() => drawable(uploaded.communities?.collection), [uploaded.communities]),
  );
  useSource(
    map,
    SOURCES.uploadedGrids,
    useMemo(() => drawable(uploaded.grids?.collection), [uploaded.grids]),
  );
  useSource(
    map,
    SOURCES.problemAreas,
    useMemo(() => problemAreas(rows), [rows]),
  );
  useSource(
    map,
    SOURCES.problemPoints,
    useMemo(() => problemPoints(rows), [rows]),
  );

  // With nothing uploaded the map frames the district as stored.
  useEffect(() => {
    if (!map || focus || !current.grids) return;
    const box = boundsOf(current.grids.features.map((f) => f.geometry.coordinates));
    if (box) map.fitBounds(toLngLatBounds(box), { padding: 24, animate: false });
  }, [map, current.grids, focus]);

  useEffect(() => {
    if (!map || !focus) return;
    const [minLng, minLat, maxLng, maxLat] = focus.bounds;
    // The problem with its surroundings (the grids it lies between), and a point (a
    // self-intersection) with a neighbourhood rather than an endless zoom.
    const size = Math.max(maxLng - minLng, maxLat - minLat);
    const pad = focus.surroundings ? Math.max(size, 0.004) : Math.max(0.15 * size, 0.001);
    const element = container.current;
    if (element) element.dataset.focus = 'moving';
    map.fitBounds(toLngLatBounds([minLng - pad, minLat - pad, maxLng + pad, maxLat + pad]), {
      padding: 40,
      maxZoom: 17,
      duration: 700,
    });
    map.once('moveend', () => {
      if (element) element.dataset.focus = String(focus.seq);
    });
  }, [map, focus]);

  useEffect(() => {
    if (!map) return;
    const id = selectedId ?? -1;
    map.setFilter(PROBLEM_SELECTED_LAYER, ['==', ['get', 'id'], id]);
    map.setPaintProperty(PROBLEM_POINT_LAYER, 'circle-radius', ['case', ['==', ['get', 'id'], id], 11, 7]);
  }, [map, selectedId]);

  useEffect(() => {
    if (!map) return;
    for (const id of CURRENT_LAYERS)
      map.setLayoutProperty(id, 'visibility', showCurrent ? 'visible' : 'none');
    for (const id of UPLOADED_LAYERS)
      map.setLayoutProperty(id, 'visibility', showUploaded ? 'visible' : 'none');
  }, [map, showCurrent, showUploaded]);

  return (
    <div className="boundary-map">
      <div ref={container} className="boundary-map__canvas" data-testid="boundary-map" />
      <div className="boundary-map__legend" aria-label={t('adminImports.boundaries.legend.current')}>
        <label>
          <input type="checkbox" checked={showCurrent} onChange={(e) => setShowCurrent(e.target.checked)} />
          <i className="swatch swatch--line swatch--current" />
          {t('adminImports.boundaries.legend.current')}
        </label>
        <label>
          <input type="checkbox" checked={showUploaded} onChange={(e) => setShowUploaded(e.target.checked)} />
          <i className="swatch swatch--line" style={{ borderColor: UPLOADED_COLOR }} />
          {t('adminImports.boundaries.legend.uploaded')}
        </label>
        <span>
          <i className="swatch" style={{ background: PROBLEM_COLORS.overlap }} />
          {t('adminImports.boundaries.legend.overlap')}
        </span>
        <span>
          <i className="swatch" style={{ background: PROBLEM_COLORS.gap }} />
          {t('adminImports.boundaries.legend.gap')}
        </span>
        <span>
          <i className="swatch" style={{ background: PROBLEM_COLORS.outside_parent }} />
          {t('adminImports.boundaries.legend.outside')}
        </span>
        <span>
          <i className="swatch swatch--dot" style={{ background: PROBLEM_COLORS.point }} />
          {t('adminImports.boundaries.legend.point')}
        </span>
      </div>
    </div>
  );
}
