import type { IncidentView } from '@whistle/shared';
import { WORLD_TILE_SIZE, type MercatorPoint } from './mercator';

/** One open incident as the map overlay draws it: what it is, where it is, whether it needs attention. */
export interface MapIncident {
  id: string;
  category: string;
  status: IncidentView['status'];
  priority: IncidentView['priority'];
  overdue: boolean;
  at: MercatorPoint;
}

/** A cluster of nearby open incidents, or (count 1) a single incident drawn as its own dot. */
export interface IncidentCluster {
  /** Mean position of the members, in mercator units. */
  at: MercatorPoint;
  count: number;
  urgent: number;
  overdue: number;
  members: MapIncident[];
}

/** Above this zoom every incident is its own dot. */
export const CLUSTER_MAX_ZOOM = 15;
/** The side of a clustering cell in CSS pixels: incidents closer than about this share a circle. */
export const CLUSTER_CELL_PX = 60;

/**
 * Clusters incidents for a zoom by square cells of the world at that whole zoom level, so a
 * cluster keeps its place while the map pans and only regroups when the zoom crosses a level.
 * Every incident lands in exactly one cluster, so the counts add up to the total; a cluster's
 * urgent and overdue figures are the sums over its members. Cheap enough to redo on every
 * change: one pass over the points and a map lookup each.
 */
export function clusterIncidents(
  incidents: Iterable<MapIncident>,
  zoom: number,
  cellPx = CLUSTER_CELL_PX,
): IncidentCluster[] {
  const level = Math.floor(zoom);
  if (level > CLUSTER_MAX_ZOOM) {
    return [...incidents].map((i) => ({
      at: i.at,
      count: 1,
      urgent: i.priority === 'urgent' ? 1 : 0,
      overdue: i.overdue ? 1 : 0,
      members: [i],
    }));
  }
  const cells = (WORLD_TILE_SIZE * 2 ** level) / cellPx;
  // Positions are summed while grouping and divided once at the end.
  const byCell = new Map<number, IncidentCluster & { sumX: number; sumY: number }>();
  for (const incident of incidents) {
    const key = Math.floor(incident.at.y * cells) * cells + Math.floor(incident.at.x * cells);
    let cluster = byCell.get(key);
    if (!cluster) {
      cluster = { at: incident.at, count: 0, urgent: 0, overdue: 0, members: [], sumX: 0, sumY: 0 };
      byCell.set(key, cluster);
    }
    cluster.count++;
    if (incident.priority === 'urgent') cluster.urgent++;
    if (incident.overdue) cluster.overdue++;
    cluster.members.push(incident);
    cluster.sumX += incident.at.x;
    cluster.sumY += incident.at.y;
  }
  return [...byCell.values()].map(({ sumX, sumY, ...cluster }) => ({
    ...cluster,
    at: { x: sumX / cluster.count, y: sumY / cluster.count },
  }));
}

/**
 * The zoom a click on a cluster goes to: the first whole level at which its members no longer
 * share one cell (past CLUSTER_MAX_ZOOM every member is its own dot anyway).
 */
export function expansionZoom(cluster: IncidentCluster, zoom: number, cellPx = CLUSTER_CELL_PX): number {
  for (let level = Math.floor(zoom) + 1; level <= CLUSTER_MAX_ZOOM; level++) {
    if (clusterIncidents(cluster.members, level, cellPx).length > 1) return level;
  }
  return CLUSTER_MAX_ZOOM + 1;
}
