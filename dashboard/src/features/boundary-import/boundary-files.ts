import type { FeatureCollection } from 'geojson';
import type { BoundaryLayer } from '@whistle/shared';

export const LAYERS: readonly BoundaryLayer[] = ['streets', 'communities', 'grids'];

/** What is wrong with a chosen file before it is sent; the texts are i18n keys. */
export type LayerFileProblem = 'notJson' | 'notCollection';

/** One layer's chosen file, read in the browser so the map can draw it before any check. */
export interface LoadedLayer {
  file: File;
  collection: FeatureCollection | null;
  problem: LayerFileProblem | null;
}

export type LoadedLayers = Partial<Record<BoundaryLayer, LoadedLayer>>;

/** A file's text as a GeoJSON FeatureCollection, or why it is not one. */
export function parseLayerText(text: string): Pick<LoadedLayer, 'collection' | 'problem'> {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { collection: null, problem: 'notJson' };
  }
  const fc = value as { type?: unknown; features?: unknown } | null;
  if (
    typeof fc !== 'object' ||
    fc === null ||
    fc.type !== 'FeatureCollection' ||
    !Array.isArray(fc.features)
  ) {
    return { collection: null, problem: 'notCollection' };
  }
  return { collection: value as FeatureCollection, problem: null };
}

/** The file as UTF-8 text (FileReader: also where Blob.text is missing, as in jsdom). */
function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error(`cannot read ${file.name}`));
    reader.readAsText(file, 'utf-8');
  });
}

export async function loadLayer(file: File): Promise<LoadedLayer> {
  return { file, ...parseLayerText(await readText(file)) };
}

/** The multipart body the boundaries API takes: one file per layer under the layer's name. */
export function layersForm(layers: LoadedLayers): FormData {
  const form = new FormData();
  for (const layer of LAYERS) {
    const loaded = layers[layer];
    if (loaded) form.append(layer, loaded.file, loaded.file.name);
  }
  return form;
}
