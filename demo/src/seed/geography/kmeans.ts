import type { Polygon, Position } from 'geojson';
import { samplePoints } from './geometry';
import type { Random } from '../../world';
import { LNG_SCALE } from './voronoi';

const SAMPLES_PER_SEED = 40;
const ROUNDS = 15;

/**
 * `count` seed points spread evenly over a polygon: k-means over uniform samples of its area, so the
 * Voronoi cells of the seeds come out of roughly equal area even in odd-shaped regions.
 */
export function spreadSeeds(region: Polygon, count: number, random: Random): Position[] {
  const samples = samplePoints(region, Math.max(count * SAMPLES_PER_SEED, 50), random);
  if (samples.length < count) throw new Error(`cannot place ${count} seeds in a region this small`);
  const centres = initialCentres(samples, count, random);
  for (let round = 0; round < ROUNDS; round++) {
    const sums = centres.map(() => ({ x: 0, y: 0, n: 0 }));
    for (const p of samples) {
      const sum = sums[nearest(p, centres)];
      sum.x += p[0];
      sum.y += p[1];
      sum.n++;
    }
    sums.forEach((s, k) => {
      // An emptied cluster restarts on a random sample rather than vanishing: the count is fixed.
      centres[k] = s.n > 0 ? [s.x / s.n, s.y / s.n] : samples[Math.floor(random() * samples.length)];
    });
  }
  return centres;
}

/** k-means++ start: each next centre drawn with probability proportional to squared distance. */
function initialCentres(samples: Position[], count: number, random: Random): Position[] {
  const first = samples[Math.floor(random() * samples.length)];
  const centres: Position[] = [first];
  const d2 = samples.map((p) => distance2(p, first));
  while (centres.length < count) {
    const total = d2.reduce((a, b) => a + b, 0);
    let pick = random() * total;
    let index = 0;
    while (index < samples.length - 1 && pick > d2[index]) pick -= d2[index++];
    const next = samples[index];
    centres.push(next);
    samples.forEach((p, i) => (d2[i] = Math.min(d2[i], distance2(p, next))));
  }
  return centres;
}

function nearest(p: Position, centres: Position[]): number {
  let best = 0;
  let bestD = Infinity;
  centres.forEach((c, k) => {
    const d = distance2(p, c);
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  });
  return best;
}

/** Squared distance with longitude shrunk to its length at this latitude, so clusters are round on the ground. */
function distance2([ax, ay]: Position, [bx, by]: Position): number {
  const dx = (ax - bx) * LNG_SCALE;
  const dy = ay - by;
  return dx * dx + dy * dy;
}
