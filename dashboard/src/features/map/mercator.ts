/**
 * Web Mercator in the unit square (x and y from 0 to 1, y down), the space MapLibre lays tiles
 * out in. Overlays keep their geometry in it once, so redrawing for a new view is a multiply and
 * an add per vertex instead of a projection call.
 */
export interface MercatorPoint {
  x: number;
  y: number;
}

export function toMercator(lng: number, lat: number): MercatorPoint {
  const sin = Math.sin((lat * Math.PI) / 180);
  return {
    x: (lng + 180) / 360,
    y: 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI),
  };
}

/** MapLibre's world is 512 CSS pixels wide at zoom 0. */
export const WORLD_TILE_SIZE = 512;

/**
 * The view of a north-up, unpitched map (the wall's map cannot rotate or tilt): where the centre
 * lies in mercator units, the zoom and the container's CSS size.
 */
export interface FlatView {
  center: MercatorPoint;
  zoom: number;
  width: number;
  height: number;
}

/** A mercator point to the container's CSS pixels for a view. */
export function projector(view: FlatView): (p: MercatorPoint) => [number, number] {
  const world = WORLD_TILE_SIZE * 2 ** view.zoom;
  const dx = view.width / 2 - view.center.x * world;
  const dy = view.height / 2 - view.center.y * world;
  return (p) => [p.x * world + dx, p.y * world + dy];
}

/** The inverse of toMercator, for handing a point back to MapLibre (a click's zoom target). */
export function fromMercator(p: MercatorPoint): [number, number] {
  const lng = p.x * 360 - 180;
  const lat = (360 / Math.PI) * Math.atan(Math.exp((0.5 - p.y) * 2 * Math.PI)) - 90;
  return [lng, lat];
}
