import type { LngLat } from '@whistle/shared';

/** A GeoJSON polygon's rings: the outer ring first, then holes; each ring a list of [lng, lat]. */
export type Rings = readonly (readonly (readonly number[])[])[];

/** Even-odd ray casting over every ring, so a point in a hole counts as outside. */
export function pointInPolygon(point: LngLat, rings: Rings): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[i];
      const b = ring[j];
      if (!a || !b) continue;
      const [xi = 0, yi = 0] = a;
      const [xj = 0, yj = 0] = b;
      if (yi > point.lat !== yj > point.lat && point.lng < ((xj - xi) * (point.lat - yi)) / (yj - yi) + xi) {
        inside = !inside;
      }
    }
  }
  return inside;
}

/**
 * A uniform point inside the polygon by rejection sampling in its bounding box. Grids are compact
 * shapes, so a handful of tries suffices; the vertex average is the fallback for a sliver.
 */
export function randomPointIn(rings: Rings, random: () => number, tries = 200): LngLat {
  const outer = rings[0] ?? [];
  const lngs = outer.map((p) => p[0] ?? 0);
  const lats = outer.map((p) => p[1] ?? 0);
  const [minLng, maxLng] = [Math.min(...lngs), Math.max(...lngs)];
  const [minLat, maxLat] = [Math.min(...lats), Math.max(...lats)];
  for (let i = 0; i < tries; i++) {
    const p = round({
      lng: minLng + random() * (maxLng - minLng),
      lat: minLat + random() * (maxLat - minLat),
    });
    // Checked after rounding, so a point near the border cannot round itself out of the grid.
    if (pointInPolygon(p, rings)) return p;
  }
  const centre = {
    lng: lngs.reduce((s, v) => s + v, 0) / Math.max(1, lngs.length),
    lat: lats.reduce((s, v) => s + v, 0) / Math.max(1, lats.length),
  };
  return round(centre);
}

/** Seven decimals (~1 cm), what a phone's GPS would send anyway. */
function round(p: LngLat): LngLat {
  return { lng: Math.round(p.lng * 1e7) / 1e7, lat: Math.round(p.lat * 1e7) / 1e7 };
}
