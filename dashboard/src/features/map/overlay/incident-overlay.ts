import { clusterIncidents, type IncidentCluster, type MapIncident } from '../incident-clusters';
import { incidentColor, type IncidentColorMode } from '../incident-colors';
import { LABEL_FONT, MAP_COLORS } from '../layers/theme';
import { projector, type FlatView } from '../mercator';
import { abbreviateCount, clusterRadius, pointRadius, ringRadius } from './cluster-style';
import { svgElement, svgLayer } from './svg-layer';

/** A cluster where it was last drawn, for clicks. */
interface Drawn {
  x: number;
  y: number;
  radius: number;
  cluster: IncidentCluster;
}

const px = (v: number) => v.toFixed(1);

/**
 * The shapes' fixed looks are rules in wall.css (`.map-overlay--incidents`), set once for the layer
 * rather than on every shape; the theme's colours and font reach them as custom properties. Not a
 * <style> element: the content security policy allows no inline stylesheet.
 */
const DOTS_THEME = {
  '--overlay-cluster': MAP_COLORS.cluster,
  '--overlay-cluster-text': MAP_COLORS.clusterText,
  '--overlay-background': MAP_COLORS.background,
  '--overlay-font': LABEL_FONT.map((f) => (f.includes(' ') ? `'${f}'` : f)).join(', '),
};

/** One drawn dot or cluster, as the attributes its elements get. */
interface Slot {
  kind: 'dot' | 'cluster';
  x: string;
  y: string;
  radius: string;
  fill: string;
  label: string;
}

/**
 * The dots and clusters as reused elements: between two pushes most clusters keep their place and
 * count, so only the attributes that changed are set and the browser restyles and repaints little.
 */
class DotSlots {
  readonly svg = svgLayer('map-overlay--incidents');
  private readonly shapes = svgElement('g');
  private readonly slots: { circle: SVGCircleElement; text: SVGTextElement; key: string }[] = [];

  constructor() {
    for (const [name, value] of Object.entries(DOTS_THEME)) this.svg.style.setProperty(name, value);
    this.svg.append(this.shapes);
  }

  slot(index: number, s: Slot): void {
    let slot = this.slots[index];
    if (!slot) {
      slot = { circle: svgElement('circle'), text: svgElement('text'), key: '' };
      this.shapes.append(slot.circle, slot.text);
      this.slots.push(slot);
    }
    const key = `${s.kind}|${s.x}|${s.y}|${s.radius}|${s.fill}|${s.label}`;
    if (key === slot.key) return;
    slot.key = key;
    const { circle, text } = slot;
    circle.setAttribute('class', s.kind);
    circle.setAttribute('cx', s.x);
    circle.setAttribute('cy', s.y);
    circle.setAttribute('r', s.radius);
    if (s.fill) circle.setAttribute('fill', s.fill);
    else circle.removeAttribute('fill');
    text.setAttribute('x', s.x);
    text.setAttribute('y', s.y);
    text.textContent = s.label;
  }

  /** Drops the slots past the last one drawn. */
  truncate(count: number): void {
    for (const slot of this.slots.splice(count)) {
      slot.circle.remove();
      slot.text.remove();
    }
  }
}

/**
 * Open incidents over the map, as SVG: clusters with their counts and single dots in one layer,
 * the urgent/overdue rings in another that blinks by a CSS opacity animation — the compositor
 * runs it, so the blink costs the main thread nothing and never makes the map draw a frame.
 */
export class IncidentOverlay {
  private readonly dots = new DotSlots();
  private readonly rings = svgLayer('map-overlay--attention');
  private incidents: readonly MapIncident[] = [];
  private clusters: { level: number; list: IncidentCluster[] } | null = null;
  private drawn: Drawn[] = [];
  private ringsMarkup = '';
  private view: FlatView | null = null;
  private mode: IncidentColorMode;

  constructor(mode: IncidentColorMode) {
    this.mode = mode;
    this.rings.setAttribute('fill', 'none');
    this.rings.setAttribute('stroke-width', '2.5');
  }

  /** Bottom to top: the rings, then the dots and clusters over them. */
  get elements(): SVGSVGElement[] {
    return [this.rings, this.dots.svg];
  }

  /** How many incidents the drawn clusters and dots hold together (all of them, by construction). */
  get shownCount(): number {
    return (this.clusters?.list ?? []).reduce((sum, c) => sum + c.count, 0);
  }

  setIncidents(incidents: readonly MapIncident[]): void {
    this.incidents = incidents;
    this.clusters = null;
    if (this.view) this.draw(this.view);
  }

  setColorMode(mode: IncidentColorMode): void {
    this.mode = mode;
    if (this.view) this.draw(this.view);
  }

  draw(view: FlatView): void {
    this.view = view;
    const level = Math.floor(view.zoom);
    if (this.clusters?.level !== level) {
      this.clusters = { level, list: clusterIncidents(this.incidents, view.zoom) };
    }
    const project = projector(view);
    const margin = 40;
    const dotRadius = pointRadius(view.zoom);
    const rings: string[] = [];
    this.drawn = [];
    let slot = 0;
    for (const cluster of this.clusters.list) {
      const [x, y] = project(cluster.at);
      if (x < -margin || y < -margin || x > view.width + margin || y > view.height + margin) continue;
      const [first] = cluster.members;
      const single = cluster.count === 1 && first;
      const radius = single ? dotRadius : clusterRadius(cluster.count);
      this.drawn.push({ x, y, radius, cluster });
      if (cluster.urgent > 0 || cluster.overdue > 0) {
        const color = cluster.overdue > 0 ? MAP_COLORS.incidentOverdue : MAP_COLORS.incidentUrgent;
        rings.push(`<circle cx="${px(x)}" cy="${px(y)}" r="${ringRadius(cluster)}" stroke="${color}"/>`);
      }
      this.dots.slot(slot++, {
        kind: single ? 'dot' : 'cluster',
        x: px(x),
        y: px(y),
        radius: px(radius),
        fill: single ? incidentColor(this.mode, first) : '',
        label: single ? '' : abbreviateCount(cluster.count),
      });
    }
    this.dots.truncate(slot);
    // The rings change far less often than the counts: an unchanged layer is left alone.
    const ringsMarkup = rings.join('');
    if (ringsMarkup !== this.ringsMarkup) this.rings.innerHTML = this.ringsMarkup = ringsMarkup;
  }

  /** The cluster or dot under a point of the map (CSS pixels), the topmost one first. */
  hit(x: number, y: number): IncidentCluster | null {
    for (let i = this.drawn.length - 1; i >= 0; i--) {
      const d = this.drawn[i];
      if (d && (d.x - x) ** 2 + (d.y - y) ** 2 <= (d.radius + 3) ** 2) return d.cluster;
    }
    return null;
  }

  remove(): void {
    this.dots.svg.remove();
    this.rings.remove();
  }
}
