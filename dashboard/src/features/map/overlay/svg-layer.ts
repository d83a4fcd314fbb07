const SVG_NS = 'http://www.w3.org/2000/svg';

export function svgElement<K extends keyof SVGElementTagNameMap>(tag: K): SVGElementTagNameMap[K] {
  return document.createElementNS(SVG_NS, tag);
}

/**
 * An SVG layer laid over (or under) the map's WebGL canvas, the size of the map's container.
 * Changing it never makes MapLibre draw a frame: with software WebGL every map frame is read back
 * to the main thread (100 ms and more under load), and even a 2D canvas is rasterised and
 * uploaded on the main thread at every change. An SVG change costs a style and paint update of
 * a few hundred elements; the browser rasterises it off the main thread, only where it changed.
 */
export function svgLayer(className: string): SVGSVGElement {
  const svg = svgElement('svg');
  svg.setAttribute('class', `map-overlay ${className}`);
  svg.setAttribute('aria-hidden', 'true');
  return svg;
}
