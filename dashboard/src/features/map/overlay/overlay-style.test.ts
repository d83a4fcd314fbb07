import { MAP_COLORS } from '../layers/theme';
import { abbreviateCount, clusterRadius, pointRadius } from './cluster-style';
import { gridShadeColor } from './grid-shade-color';

const channels = (css: string) => (css.match(/\d+/g) ?? []).map(Number);

describe('overlay styles', () => {
  it('shades grids from quiet to overloaded, blended over the map background', () => {
    const bg = channels(
      `rgb(${[1, 3, 5].map((i) => parseInt(MAP_COLORS.background.slice(i, i + 2), 16)).join(',')})`,
    );
    const empty = channels(gridShadeColor(0));
    const high = channels(gridShadeColor(10));
    expect(gridShadeColor(50)).toBe(gridShadeColor(10));
    expect(gridShadeColor(3)).not.toBe(gridShadeColor(1));
    // Red rises with the load; every shade sits between the background and its full colour.
    expect((high[0] ?? 0) > (empty[0] ?? 0)).toBe(true);
    const fullHigh = parseInt(MAP_COLORS.gridFillHigh.slice(1, 3), 16);
    expect(high[0]).toBe(Math.round(fullHigh * 0.6 + (bg[0] ?? 0) * 0.4));
  });

  it('sizes circles by count and dots by zoom, and abbreviates large counts', () => {
    expect([1, 10, 50, 200].map(clusterRadius)).toEqual([11, 15, 20, 26]);
    expect(pointRadius(11)).toBe(3.5);
    expect(pointRadius(16)).toBe(7);
    expect(pointRadius(20)).toBe(7);
    expect([999, 1234, 12_345].map(abbreviateCount)).toEqual(['999', '1.2k', '12k']);
  });
});
