import type { GridCollection } from '../../reference/reference-queries';
import { MAP_COLORS } from '../layers/theme';
import { WORLD_TILE_SIZE, projector, toMercator, type FlatView, type MercatorPoint } from '../mercator';
import { gridShadeColor } from './grid-shade-color';
import { svgElement, svgLayer } from './svg-layer';

/**
 * Paths are kept in "pixels at zoom 11" from the first grid's corner: small numbers that keep
 * sub-pixel precision in SVG's single-precision floats, and one group transform places them for
 * any view.
 */
const PATH_ZOOM = 11;
const PATH_SCALE = WORLD_TILE_SIZE * 2 ** PATH_ZOOM;

/**
 * The grids shaded by live open-incident load, as SVG under the (transparent) WebGL map, so the
 * grid lines, boundaries and names stay on top. A count change sets one path's fill; a new view
 * (pan, zoom, resize) changes the group's transform only.
 */
export class GridShade {
  readonly element: SVGSVGElement;
  private readonly group: SVGGElement;
  private readonly paths = new Map<string, SVGPathElement>();
  private readonly counts = new Map<string, number>();
  private origin: MercatorPoint = { x: 0, y: 0 };
  private view: FlatView | null = null;

  constructor() {
    this.element = svgLayer('map-overlay--grid-shade');
    const background = svgElement('rect');
    background.setAttribute('width', '100%');
    background.setAttribute('height', '100%');
    background.setAttribute('fill', MAP_COLORS.background);
    this.group = svgElement('g');
    this.element.append(background, this.group);
  }

  setGrids(grids: GridCollection): void {
    this.paths.clear();
    const [first] = grids.features;
    const [lng = 0, lat = 0] = first?.geometry.coordinates[0]?.[0] ?? [];
    this.origin = toMercator(lng, lat);
    const local = ([x = 0, y = 0]: number[]) => {
      const m = toMercator(x, y);
      return `${((m.x - this.origin.x) * PATH_SCALE).toFixed(2)} ${((m.y - this.origin.y) * PATH_SCALE).toFixed(2)}`;
    };
    const paths = grids.features.map((f) => {
      const path = svgElement('path');
      path.setAttribute('d', f.geometry.coordinates.map((ring) => `M${ring.map(local).join('L')}Z`).join(''));
      path.setAttribute('fill', gridShadeColor(this.counts.get(f.properties.id) ?? 0));
      this.paths.set(f.properties.id, path);
      return path;
    });
    this.group.replaceChildren(...paths);
    if (this.view) this.draw(this.view);
  }

  setOpenCount(gridId: string, open: number): void {
    if (this.counts.get(gridId) === open) return;
    this.counts.set(gridId, open);
    this.paths.get(gridId)?.setAttribute('fill', gridShadeColor(open));
  }

  draw(view: FlatView): void {
    this.view = view;
    const [tx, ty] = projector(view)(this.origin);
    const k = (WORLD_TILE_SIZE * 2 ** view.zoom) / PATH_SCALE;
    this.group.setAttribute('transform', `matrix(${k} 0 0 ${k} ${tx} ${ty})`);
  }

  remove(): void {
    this.element.remove();
  }
}
