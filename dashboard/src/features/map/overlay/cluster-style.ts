import type { IncidentCluster } from '../incident-clusters';

/** A cluster's circle grows with its count (the same steps the wall has always used). */
export function clusterRadius(count: number): number {
  if (count >= 200) return 26;
  if (count >= 50) return 20;
  if (count >= 10) return 15;
  return 11;
}

/** A single incident's dot: small when the district fills the screen, larger zoomed in. */
export function pointRadius(zoom: number): number {
  const t = Math.min(1, Math.max(0, (zoom - 11) / 5));
  return 3.5 + (7 - 3.5) * t;
}

/** The attention ring sits just outside the cluster's circle or the dot. */
export function ringRadius(cluster: IncidentCluster): number {
  return cluster.count === 1 ? 9 : clusterRadius(cluster.count) + 4;
}

/** How a count reads in a circle: 1234 → "1.2k", as MapLibre abbreviates point counts. */
export function abbreviateCount(count: number): string {
  if (count < 1000) return String(count);
  if (count < 10_000) return `${Math.round(count / 100) / 10}k`;
  return `${Math.round(count / 1000)}k`;
}
