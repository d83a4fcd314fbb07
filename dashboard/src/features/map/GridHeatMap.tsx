import { useEffect, useRef } from 'react';
import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import type { GridCollection } from '../reference/reference-queries';
import { gridBounds } from './grid-bounds';
import { HEAT_SOURCE, HEAT_STYLE, heatFillLayer, heatLineLayer } from './layers/heat';

setWorkerUrl(workerUrl);

/**
 * The grid heat map: one GeoJSON source made once, shares pushed as feature-state, so a new
 * period or a live refresh repaints colours without re-parsing 1,334 polygons.
 */
export function GridHeatMap({ grids, shares }: { grids: GridCollection; shares: Map<string, number> }) {
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<MapLibreMap | null>(null);
  const ready = useRef(false);
  const latestShares = useRef(shares);
  const painted = useRef(new Set<string>());

  const paint = () => {
    const instance = map.current;
    if (!instance || !ready.current) return;
    const next = latestShares.current;
    // Grids that had load and now have none are cleared; the rest take their new share.
    for (const id of painted.current) {
      if (!next.has(id)) instance.setFeatureState({ source: HEAT_SOURCE, id }, { heat: 0 });
    }
    for (const [id, heat] of next) instance.setFeatureState({ source: HEAT_SOURCE, id }, { heat });
    painted.current = new Set(next.keys());
  };

  useEffect(() => {
    if (!container.current) return;
    const instance = new MapLibreMap({
      container: container.current,
      style: HEAT_STYLE,
      bounds: gridBounds(grids.features) ?? undefined,
      fitBoundsOptions: { padding: 16 },
      attributionControl: false,
      dragRotate: false,
    });
    map.current = instance;
    instance.on('load', () => {
      instance.addSource(HEAT_SOURCE, { type: 'geojson', data: grids, promoteId: 'id' });
      instance.addLayer(heatFillLayer);
      instance.addLayer(heatLineLayer);
      ready.current = true;
      paint();
      // Says when the grids are on screen (screenshots and tests wait for it).
      instance.once('idle', () => {
        if (container.current) container.current.dataset.drawn = 'true';
      });
    });
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(container.current);
    return () => {
      resize.disconnect();
      ready.current = false;
      painted.current = new Set();
      instance.remove();
      map.current = null;
    };
  }, [grids]);

  useEffect(() => {
    latestShares.current = shares;
    paint();
  });

  return <div ref={container} className="heat-map" data-testid="heat-map" />;
}
