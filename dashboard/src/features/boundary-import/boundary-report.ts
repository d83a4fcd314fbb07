import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';
import type {
  BoundaryImportReport,
  BoundaryLayer,
  BoundaryLayerCounts,
  BoundaryProblem,
  BoundaryProblemKind,
} from '@whistle/shared';

/** [minLng, minLat, maxLng, maxLat]. */
export type Bounds = [number, number, number, number];

/** One line of the problem list, with where the map flies when it is clicked. */
export interface ProblemRow {
  /** Stable within one report: the problem's place in the server's list. */
  id: number;
  problem: BoundaryProblem;
  target: Bounds | null;
}

/** What the map can show first: places before shapes, shapes before the file's form. */
const ORDER: readonly BoundaryProblemKind[] = [
  'overlap',
  'gap',
  'outside_parent',
  'self_intersection',
  'invalid_geometry',
  'unknown_parent',
  'duplicate_code',
  'malformed',
];

/** The box around every position in nested GeoJSON coordinates; null when there are none. */
export function boundsOf(coordinates: unknown): Bounds | null {
  let box: Bounds | null = null;
  const visit = (value: unknown) => {
    if (!Array.isArray(value)) return;
    if (typeof value[0] === 'number' && typeof value[1] === 'number') {
      const [lng, lat] = value as [number, number];
      box = box
        ? [Math.min(box[0], lng), Math.min(box[1], lat), Math.max(box[2], lng), Math.max(box[3], lat)]
        : [lng, lat, lng, lat];
      return;
    }
    for (const item of value) visit(item);
  };
  visit(coordinates);
  return box;
}

export function joinBounds(boxes: readonly (Bounds | null)[]): Bounds | null {
  let joined: Bounds | null = null;
  for (const b of boxes) {
    if (!b) continue;
    joined = joined
      ? [
          Math.min(joined[0], b[0]),
          Math.min(joined[1], b[1]),
          Math.max(joined[2], b[2]),
          Math.max(joined[3], b[3]),
        ]
      : b;
  }
  return joined;
}

/** The uploaded feature a problem names first, found by its code in the problem's layer. */
function featureBounds(
  problem: BoundaryProblem,
  uploaded: Partial<Record<BoundaryLayer, FeatureCollection | null>>,
): Bounds | null {
  const code = problem.codes[0];
  if (code === undefined) return null;
  const feature = uploaded[problem.layer]?.features.find(
    (f) => (f.properties as { code?: unknown } | null)?.code === code,
  );
  const geometry = feature?.geometry as { coordinates?: unknown } | null | undefined;
  return boundsOf(geometry?.coordinates);
}

/**
 * The report's problems in the order the list shows them, each with the box the map frames: the
 * area drawn for an overlap, gap or spill-over; the point of a self-intersection; otherwise the
 * uploaded feature the problem names (a malformed file may have none).
 */
export function problemRows(
  report: BoundaryImportReport,
  uploaded: Partial<Record<BoundaryLayer, FeatureCollection | null>>,
): ProblemRow[] {
  const rows = report.problems.map((problem, id) => {
    const point = problem.location;
    const target =
      boundsOf(problem.geometry?.coordinates) ??
      (point ? ([point.lng, point.lat, point.lng, point.lat] as Bounds) : null) ??
      featureBounds(problem, uploaded);
    return { id, problem, target };
  });
  const rank = (row: ProblemRow) => ORDER.indexOf(row.problem.kind);
  return rows.sort((a, b) => rank(a) - rank(b) || a.id - b.id);
}

export interface ProblemShapeProperties {
  id: number;
  kind: BoundaryProblemKind;
}

/** The overlaps, gaps and spill-overs as polygons for the map. */
export function problemAreas(
  rows: readonly ProblemRow[],
): FeatureCollection<Polygon, ProblemShapeProperties> {
  const features: Feature<Polygon, ProblemShapeProperties>[] = [];
  for (const { id, problem } of rows) {
    if (problem.geometry)
      features.push({
        type: 'Feature',
        id,
        properties: { id, kind: problem.kind },
        geometry: problem.geometry,
      });
  }
  return { type: 'FeatureCollection', features };
}

/** Problems with a place but no area (a boundary crossing itself) as points. */
export function problemPoints(rows: readonly ProblemRow[]): FeatureCollection<Point, ProblemShapeProperties> {
  const features: Feature<Point, ProblemShapeProperties>[] = [];
  for (const { id, problem } of rows) {
    if (!problem.geometry && problem.location)
      features.push({
        type: 'Feature',
        id,
        properties: { id, kind: problem.kind },
        geometry: { type: 'Point', coordinates: [problem.location.lng, problem.location.lat] },
      });
  }
  return { type: 'FeatureCollection', features };
}

/** The counts of all layers together, for the confirmation. */
export function totalCounts(counts: Record<BoundaryLayer, BoundaryLayerCounts>): BoundaryLayerCounts {
  return Object.values(counts).reduce(
    (sum, c) => ({
      inserted: sum.inserted + c.inserted,
      updated: sum.updated + c.updated,
      unchanged: sum.unchanged + c.unchanged,
    }),
    { inserted: 0, updated: 0, unchanged: 0 },
  );
}
