import type { Polygon, Position } from 'geojson';
import { boxesTouch, boxOf, byAreaDescending, distanceToBoundary, mergeTwo, type Box } from './geometry';
import { clipToConvex } from './clip';
import { voronoiCells } from './voronoi';

/** Vertices closer than this (degrees, ~1 mm) to a neighbour's edge count as on it. */
const TOUCH = 1e-8;

/**
 * Splits `region` into one Polygon per seed: the seed's Voronoi cell clipped to the region. A cell
 * clipped by a concave border can fall apart into several pieces; the biggest piece stays with its
 * seed and every smaller piece is merged into the neighbour it shares the most border with, so the
 * pieces still tile the region exactly (no gap, no overlap) and each one is a single Polygon.
 */
export function partition(region: Polygon, seeds: Position[]): Polygon[] {
  const cells = voronoiCells(seeds, padded(boxOf(region)));
  const mains: Polygon[] = [];
  const orphans: { from: number; shape: Polygon }[] = [];
  cells.forEach((cell, i) => {
    const [main, ...rest] = byAreaDescending(clipToConvex(region, cell));
    if (!main) throw new Error(`seed ${i} has no area inside its region`);
    mains.push(main);
    for (const shape of rest) orphans.push({ from: i, shape });
  });
  adoptOrphans(mains, orphans);
  return mains;
}

function adoptOrphans(mains: Polygon[], orphans: { from: number; shape: Polygon }[]): void {
  // Orphans may only touch other orphans at first; retry while merging still makes progress.
  let pending = orphans;
  while (pending.length > 0) {
    const left: typeof pending = [];
    for (const orphan of pending) if (!adopt(mains, orphan.shape, orphan.from)) left.push(orphan);
    if (left.length === pending.length) throw new Error(`${left.length} stray piece(s) touch no neighbour`);
    pending = left;
  }
}

function adopt(mains: Polygon[], shape: Polygon, from: number): boolean {
  const box = boxOf(shape);
  const vertices = shape.coordinates[0] ?? [];
  const candidates = mains
    .map((main, i) => ({ i, main, box: boxOf(main) }))
    .filter((c) => c.i !== from && boxesTouch(c.box, box, TOUCH))
    .map((c) => ({ ...c, shared: vertices.filter((v) => distanceToBoundary(v, c.main) < TOUCH).length }))
    .filter((c) => c.shared >= 2)
    .sort((a, b) => b.shared - a.shared || a.i - b.i);
  for (const c of candidates) {
    const merged = mergeTwo(c.main, shape);
    if (merged) {
      mains[c.i] = merged;
      return true;
    }
  }
  return false;
}

function padded([minX, minY, maxX, maxY]: Box): Box {
  const pad = Math.max(maxX - minX, maxY - minY) * 0.1;
  return [minX - pad, minY - pad, maxX + pad, maxY + pad];
}
