import { projector, type FlatView } from '../mercator';
import type { WhistleMarker } from '../whistle-markers';
import { svgLayer } from './svg-layer';

const px = (v: number) => v.toFixed(1);

/**
 * Whistle markers over the incidents, as two SVG layers: the halos of the whistles still waiting
 * for a department to report in, whose whole layer pulses by a CSS opacity animation (the
 * compositor runs it: no main-thread work, no map frame), and over it every whistle's marker.
 * Each layer's markup is rewritten only when it changes, and the animation belongs to the layer,
 * not to its shapes, so redraws never restart it: nothing flickers when nothing changes.
 */
export class WhistleOverlay {
  private readonly halos = svgLayer('map-overlay--whistle-halos');
  private readonly marks = svgLayer('map-overlay--whistles');
  private markers: readonly WhistleMarker[] = [];
  private view: FlatView | null = null;
  private halosMarkup = '';
  private marksMarkup = '';

  /** Bottom to top: the pulsing halos, then the markers. */
  get elements(): SVGSVGElement[] {
    return [this.halos, this.marks];
  }

  setMarkers(markers: readonly WhistleMarker[]): void {
    this.markers = markers;
    if (this.view) this.draw(this.view);
  }

  draw(view: FlatView): void {
    this.view = view;
    const project = projector(view);
    const halos: string[] = [];
    const marks: string[] = [];
    for (const m of this.markers) {
      const [x, y] = project(m.at);
      if (x < -40 || y < -40 || x > view.width + 40 || y > view.height + 40) continue;
      const at = `transform="translate(${px(x)} ${px(y)})"`;
      const id = `data-whistle-id="${m.whistleId}"`;
      if (m.pulsing) halos.push(`<circle ${at} ${id} r="17"/>`);
      const kind = `whistle-mark whistle-mark--${m.type}${m.overdue ? ' is-overdue' : ''}`;
      // A diamond, so a whistle never reads as one more incident dot.
      marks.push(
        `<path ${at} ${id} data-pulsing="${m.pulsing}" class="${kind}" d="M0 -10 L10 0 L0 10 L-10 0 Z"/>`,
      );
    }
    const halosMarkup = halos.join('');
    if (halosMarkup !== this.halosMarkup) this.halos.innerHTML = this.halosMarkup = halosMarkup;
    const marksMarkup = marks.join('');
    if (marksMarkup !== this.marksMarkup) this.marks.innerHTML = this.marksMarkup = marksMarkup;
  }

  remove(): void {
    this.halos.remove();
    this.marks.remove();
  }
}
