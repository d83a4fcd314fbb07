import type { DispatchView, WhistleType } from '@whistle/shared';
import { toMercator, type MercatorPoint } from './mercator';

/** A whistle on the map: at its incident, pulsing while a summoned party has not yet reported in. */
export interface WhistleMarker {
  whistleId: string;
  type: WhistleType;
  at: MercatorPoint;
  /** Some summoned department (or, for a 攻坚哨, leader) has not arrived (报到) yet. */
  pulsing: boolean;
  /** A running stage is past its deadline. */
  overdue: boolean;
}

/**
 * The markers of the running whistle dispatches: one per whistle, in a stable order (by whistle
 * id) so a redraw with the same whistles writes the same markup. A dispatch leaves the running
 * list once it needs nothing more (resolved, rejected, cancelled), and the whistle's marker with
 * its last one.
 */
export function whistleMarkers(dispatches: readonly DispatchView[], now = Date.now()): WhistleMarker[] {
  const byWhistle = new Map<string, WhistleMarker>();
  for (const d of dispatches) {
    if (!d.whistleId) continue; // tasks sent down to streets are not whistles
    const marker = byWhistle.get(d.whistleId) ?? {
      whistleId: d.whistleId,
      type: d.whistleType,
      at: toMercator(d.incident.location.lng, d.incident.location.lat),
      pulsing: false,
      overdue: false,
    };
    marker.pulsing ||= d.arrivedAt === null;
    marker.overdue ||= d.overdueStages.length > 0 || Date.parse(stageDue(d)) < now;
    byWhistle.set(d.whistleId, marker);
  }
  return [...byWhistle.values()].sort((a, b) => (a.whistleId < b.whistleId ? -1 : 1));
}

function stageDue(d: DispatchView): string {
  return d.status === 'pending' ? d.acceptBy : d.status === 'accepted' ? d.arriveBy : d.resolveBy;
}

/**
 * Hands the latest markers from the whistle column to the map, outside React: the column already
 * follows every dispatch event, and the map must not re-render for them. The map attaches once it
 * has loaded and gets the latest list at once.
 */
export class WhistleMarkerFeed {
  private markers: readonly WhistleMarker[] = [];
  private listener: ((markers: readonly WhistleMarker[]) => void) | null = null;

  set(markers: readonly WhistleMarker[]): void {
    this.markers = markers;
    this.listener?.(markers);
  }

  attach(listener: (markers: readonly WhistleMarker[]) => void): void {
    this.listener = listener;
    listener(this.markers);
  }

  detach(): void {
    this.listener = null;
  }
}
