import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Map as MapLibreMap, setWorkerUrl, type GeoJSONSource, type MapMouseEvent } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
// MapLibre 6 finds its worker next to its own module, which a bundle moves; Vite bundles the
// worker itself and hands over the URL, so the map works from any base path and offline.
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import type { GeoJSON } from 'geojson';
import type { BasemapView } from '@whistle/shared';
import type { GridCollection } from '../reference/reference-queries';
import { basemapStyle } from './basemap';
import type { BoundaryCollection } from './boundary-queries';
import { gridBounds } from './grid-bounds';
import { expansionZoom } from './incident-clusters';
import type { IncidentColorMode } from './incident-colors';
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
import { GRIDS_SOURCE, gridLineLayer } from './layers/grids';
import { LABEL_FONT } from './layers/theme';
import { fromMercator, toMercator, type FlatView } from './mercator';
import { GridShade } from './overlay/grid-shade';
import { IncidentOverlay } from './overlay/incident-overlay';
import { WhistleOverlay } from './overlay/whistle-overlay';
import type { WhistleMarkerFeed } from './whistle-markers';

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
/** A performance mark the benchmark and tests read: the grid map is drawn. */
export const GRIDS_PAINTED_MARK = 'wall:grids-painted';

export interface DistrictMapProps {
  /** Reference data arrives while the map starts; each layer fills in when its data is there. */
  grids: GridCollection | undefined;
  streets: BoundaryCollection | undefined;
  communities: BoundaryCollection | undefined;
  basemap: BasemapView;
  incidents: IncidentMapModel;
  colorMode: IncidentColorMode;
  onIncidentClick?: (incidentId: string) => void;
  /** Whistle markers over the incidents (the wall's), pulsing until every party has arrived. */
  whistles?: WhistleMarkerFeed;
}

const empty = (): GeoJSON => ({ type: 'FeatureCollection', features: [] });

/**
 * The map's own (WebGL) layers: what changes only with the view — grid lines, boundaries, names.
 * What changes with live events (grid shading, incidents) is drawn as SVG layers around the
 * map's canvas, so live load never makes MapLibre draw a frame. The style's own background is
 * hidden: the grid-shade layer underneath paints it, and the map's canvas stays transparent.
 */
function addDistrictLayers(map: MapLibreMap, language: string): void {
  map.addSource(GRIDS_SOURCE, { type: 'geojson', data: empty() });
  map.addSource(COMMUNITIES_SOURCE, { type: 'geojson', data: empty() });
  map.addSource(STREETS_SOURCE, { type: 'geojson', data: empty() });
  for (const layer of [
    gridLineLayer,
    communityFillLayer,
    communityLineLayer,
    streetGlowLayer,
    streetLineLayer,
    gridLabelLayer,
    communityLabelLayer,
    streetLabelLayer,
  ]) {
    map.addLayer(layer);
  }
  for (const layer of map.getStyle().layers) {
    if (layer.type === 'background') map.setLayoutProperty(layer.id, 'visibility', 'none');
  }
  for (const id of NAME_LABEL_LAYERS) map.setLayoutProperty(id, 'text-field', nameField(language));
}

/** Pushes a reference collection into its source once both the map and the data are there. */
function useSourceData(map: MapLibreMap | null, source: string, data: GeoJSON | undefined): void {
  useEffect(() => {
    if (map && data) void map.getSource<GeoJSONSource>(source)?.setData(data);
  }, [map, source, data]);
}

/** Clusters zoom in to where they split; single incidents open their panel. */
function wireClicks(map: MapLibreMap, overlay: IncidentOverlay, onIncident: (id: string) => void): void {
  map.on('click', (e: MapMouseEvent) => {
    const hit = overlay.hit(e.point.x, e.point.y);
    const [first] = hit?.members ?? [];
    if (!hit || !first) return;
    if (hit.count === 1) onIncident(first.id);
    else map.easeTo({ center: fromMercator(hit.at), zoom: expansionZoom(hit, map.getZoom()) });
  });
  map.on('mousemove', (e: MapMouseEvent) => {
    map.getCanvas().style.cursor = overlay.hit(e.point.x, e.point.y) ? 'pointer' : '';
  });
}

/** The map's current view, for the overlays (the map cannot rotate or tilt). */
function viewOf(map: MapLibreMap): FlatView {
  const { lng, lat } = map.getCenter();
  const container = map.getContainer();
  return {
    center: toMercator(lng, lat),
    zoom: map.getZoom(),
    width: container.clientWidth,
    height: container.clientHeight,
  };
}

/** What the map effects work with once the map has loaded. */
interface MapScene {
  map: MapLibreMap;
  shade: GridShade;
  overlay: IncidentOverlay;
}

/**
 * The district map. React renders the container once; after that everything is imperative:
 * MapLibre draws the reference layers, and the incident model drives the SVG overlays, so live
 * events never re-render this component nor make the WebGL map draw.
 */
export function DistrictMap(props: DistrictMapProps) {
  const { grids, streets, communities, basemap, incidents, colorMode, whistles } = props;
  const container = useRef<HTMLDivElement>(null);
  // The map and its overlays once the style and layers are in: the data effects below wait for it.
  const [scene, setScene] = useState<MapScene | null>(null);
  const map = scene?.map ?? null;
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
      // Drawn at the screen's real resolution, however far the container is scaled up.
      const pixelRatio = window.devicePixelRatio * scale;
      const created = new MapLibreMap({
        container: element,
        style,
        pixelRatio,
        center: QINHUAI_CENTER,
        zoom: 12,
        attributionControl: false,
        // North up and flat, always: the overlays project with plain mercator arithmetic.
        dragRotate: false,
        pitchWithRotate: false,
        touchPitch: false,
        maxPitch: 0,
        // Labels appear at once: a fade would animate the map for 300 ms after every change.
        fadeDuration: 0,
        // CJK names are drawn from the machine's fonts, never fetched as glyph ranges.
        localIdeographFontFamily: LABEL_FONT.join(', '),
      });
      created.touchZoomRotate.disableRotation();
      created.keyboard.disableRotation();
      const shade = new GridShade();
      const overlay = new IncidentOverlay(latest.current.props.colorMode);
      const whistleOverlay = new WhistleOverlay();
      // The shade under the map's canvas, the incidents and whistles over it (and under the controls).
      const canvasContainer = created.getCanvasContainer();
      element.insertBefore(shade.element, canvasContainer);
      canvasContainer.after(...overlay.elements, ...whistleOverlay.elements);
      const redraw = () => {
        const view = viewOf(created);
        shade.draw(view);
        overlay.draw(view);
        whistleOverlay.draw(view);
      };
      // 'move' comes in the frame MapLibre draws for a new camera, so overlays and map stay in step.
      created.on('move', redraw);
      created.on('resize', redraw);
      created.on('load', () => {
        performance.mark('wall:map-loaded');
        addDistrictLayers(created, latest.current.language);
        wireClicks(created, overlay, (id) => latest.current.props.onIncidentClick?.(id));
        redraw();
        const markPainted = firstPaintMarker(element, overlay);
        incidents.attach({
          setIncidents: (list) => {
            if (
              incidents.loadedPushed &&
              performance.getEntriesByName('wall:incidents-pushed').length === 0
            ) {
              performance.mark('wall:incidents-pushed');
            }
            overlay.setIncidents(list);
            if (incidents.loadedPushed) markPainted();
          },
          setGridOpenCount: (id, open) => shade.setOpenCount(id, open),
        });
        whistles?.attach((markers) => whistleOverlay.setMarkers(markers));
        setScene({ map: created, shade, overlay });
      });
      const resize = new ResizeObserver(() => created.resize());
      resize.observe(element);
      cleanup = () => {
        resize.disconnect();
        incidents.detach();
        whistles?.detach();
        setScene(null);
        created.remove();
        shade.remove();
        overlay.remove();
        whistleOverlay.remove();
      };
    });
    return () => {
      cancelled = true;
      cleanup();
    };
  }, [basemap, incidents, whistles]);

  useSourceData(map, GRIDS_SOURCE, grids);
  useEffect(() => {
    if (!scene || !grids) return;
    scene.shade.setGrids(grids);
    const bounds = gridBounds(grids.features);
    if (bounds) scene.map.fitBounds(bounds, { padding: 24, animate: false });
    return markGridsDrawn(scene.map);
  }, [scene, grids]);
  useSourceData(map, STREETS_SOURCE, streets);
  useSourceData(map, COMMUNITIES_SOURCE, communities);

  useEffect(() => {
    scene?.overlay.setColorMode(colorMode);
  }, [scene, colorMode]);

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
 * Called right after the overlay drew that set; the next animation frame comes once the frame
 * holding the drawing has been handed to the screen. The attribute says how many incidents the
 * drawn clusters and dots hold together.
 */
function firstPaintMarker(element: HTMLElement, overlay: IncidentOverlay): () => void {
  let requested = false;
  return () => {
    if (requested) return;
    requested = true;
    requestAnimationFrame(() => {
      performance.mark(INCIDENTS_PAINTED_MARK);
      element.dataset.incidentsPainted = String(overlay.shownCount);
    });
  };
}

/**
 * Marks the first time the map settles with the grids laid out (a performance mark and a data
 * attribute on the container): the base map's part of the wall's first meaningful paint.
 */
function markGridsDrawn(map: MapLibreMap): () => void {
  const onIdle = () => {
    if (map.querySourceFeatures(GRIDS_SOURCE).length === 0) return;
    map.off('idle', onIdle);
    if (performance.getEntriesByName(GRIDS_PAINTED_MARK).length === 0) performance.mark(GRIDS_PAINTED_MARK);
    map.getContainer().dataset.gridsPainted = 'true';
  };
  map.on('idle', onIdle);
  return () => void map.off('idle', onIdle);
}
