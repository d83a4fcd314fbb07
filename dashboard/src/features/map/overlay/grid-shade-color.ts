import { MAP_COLORS } from '../layers/theme';

type Rgb = readonly [number, number, number];

const rgb = (hex: string): Rgb => [
  parseInt(hex.slice(1, 3), 16),
  parseInt(hex.slice(3, 5), 16),
  parseInt(hex.slice(5, 7), 16),
];
const mix = (a: Rgb, b: Rgb, t: number): Rgb => [
  a[0] + (b[0] - a[0]) * t,
  a[1] + (b[1] - a[1]) * t,
  a[2] + (b[2] - a[2]) * t,
];

/** Open incidents in a grid → its shade: quiet, low, busy, overloaded (linear between the stops). */
const SEGMENTS: readonly { from: number; to: number; fromColor: Rgb; toColor: Rgb }[] = [
  { from: 0, to: 1, fromColor: rgb(MAP_COLORS.gridFillEmpty), toColor: rgb(MAP_COLORS.gridFillLow) },
  { from: 1, to: 5, fromColor: rgb(MAP_COLORS.gridFillLow), toColor: rgb(MAP_COLORS.gridFillMid) },
  { from: 5, to: 10, fromColor: rgb(MAP_COLORS.gridFillMid), toColor: rgb(MAP_COLORS.gridFillHigh) },
];

/** The shade lies over the background at this opacity, so the map stays dark and calm. */
export const GRID_SHADE_OPACITY = 0.6;

/**
 * A grid's fill for its open count, already blended over the map background: an opaque colour
 * can be painted over the old one when the count changes, with no need to redraw the neighbours.
 */
export function gridShadeColor(open: number): string {
  let color = rgb(MAP_COLORS.gridFillEmpty);
  for (const s of SEGMENTS) {
    if (open <= s.from) break;
    color = mix(s.fromColor, s.toColor, Math.min(1, (open - s.from) / (s.to - s.from)));
  }
  const over = mix(rgb(MAP_COLORS.background), color, GRID_SHADE_OPACITY).map(Math.round);
  return `rgb(${over.join(', ')})`;
}
