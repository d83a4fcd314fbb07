import { OPEN_INCIDENT_STATUSES, type IncidentView } from '@whistle/shared';
import type { MapIncident } from './incident-clusters';
import { toMercator } from './mercator';

/**
 * What the model keeps of an incident: a full view from a live event fits, and so does a point
 * decoded from the compact initial load (`GET /api/incidents/points`).
 */
export type IncidentPoint = Pick<
  IncidentView,
  'id' | 'category' | 'priority' | 'status' | 'overdue' | 'location' | 'gridId'
>;

/** What the map needs to redraw: the open incidents and the grids whose open count changed. */
export interface IncidentMapSink {
  setIncidents(incidents: readonly MapIncident[]): void;
  setGridOpenCount(gridId: string, open: number): void;
}

export interface IncidentModelOptions {
  /** Runs a draw on the next animation frame; a manual tick in tests. */
  schedule?: (run: () => void) => void;
  now?: () => number;
  /**
   * Least time between two pushes to the map. A push re-clusters every point and redraws the
   * overlay (a few milliseconds); under 50 events/s a few pushes a second still look live from
   * across the room and leave the main thread free for the rest of the wall.
   */
  intervalMs?: number;
}

/** The few fields the map draws, with the position projected once for every later redraw. */
export function toMapIncident(i: IncidentPoint): MapIncident {
  return {
    id: i.id,
    category: i.category,
    priority: i.priority,
    status: i.status,
    overdue: i.overdue,
    at: toMercator(i.location.lng, i.location.lat),
  };
}

/**
 * The open incidents on the map, kept outside React. Live updates mutate it; redraws are batched
 * into one animation frame at most every `intervalMs`: the changed grids' counts and, when points
 * changed, the open incidents for the overlay to re-cluster — so a burst of events never
 * re-renders React, and never makes the WebGL map draw a frame (see DistrictMap).
 */
export class IncidentMapModel {
  private readonly features = new Map<string, MapIncident>();
  private readonly gridOf = new Map<string, string>();
  private readonly gridCounts = new Map<string, number>();
  private readonly dirtyGrids = new Set<string>();
  private pointsDirty = false;
  private lastPush = -Infinity;
  private sink: IncidentMapSink | null = null;
  private scheduled = false;
  private loaded = false;
  private loadedPushedFlag = false;
  private readonly schedule: (run: () => void) => void;
  private readonly now: () => number;
  private readonly intervalMs: number;

  constructor(options: IncidentModelOptions = {}) {
    this.schedule = options.schedule ?? ((run) => requestAnimationFrame(run));
    this.now = options.now ?? (() => performance.now());
    this.intervalMs = options.intervalMs ?? 400;
  }

  attach(sink: IncidentMapSink): void {
    this.sink = sink;
    for (const gridId of this.gridCounts.keys()) this.dirtyGrids.add(gridId);
    this.pointsDirty = true;
    this.lastPush = -Infinity;
    this.requestDraw();
  }

  detach(): void {
    this.sink = null;
  }

  replaceAll(incidents: Iterable<IncidentPoint>): void {
    for (const [id, gridId] of this.gridOf) {
      this.count(gridId, -1);
      this.gridOf.delete(id);
    }
    this.features.clear();
    this.pointsDirty = true;
    for (const incident of incidents) this.upsert(incident);
    this.requestDraw();
  }

  /** An incident from the initial load or a live event: kept while open, dropped once it is not. */
  upsert(incident: IncidentPoint): void {
    const previousGrid = this.gridOf.get(incident.id);
    if (previousGrid !== undefined) {
      this.features.delete(incident.id);
      this.gridOf.delete(incident.id);
      this.count(previousGrid, -1);
      this.pointsDirty = true;
    }
    if (OPEN_INCIDENT_STATUSES.includes(incident.status)) {
      this.features.set(incident.id, toMapIncident(incident));
      this.gridOf.set(incident.id, incident.gridId);
      this.count(incident.gridId, 1);
      this.pointsDirty = true;
    }
    this.requestDraw();
  }

  get size(): number {
    return this.features.size;
  }

  /** The initial load is complete: the next point push carries every open incident. */
  markLoaded(): void {
    this.loaded = true;
    this.pointsDirty = true;
    // The complete set goes out on the next frame, whenever the last push was.
    this.lastPush = -Infinity;
    this.requestDraw();
  }

  /** True once the push after markLoaded() has gone to the map (what first paint waits for). */
  get loadedPushed(): boolean {
    return this.loadedPushedFlag;
  }

  openInGrid(gridId: string): number {
    return this.gridCounts.get(gridId) ?? 0;
  }

  private count(gridId: string, delta: number): void {
    const next = Math.max(0, (this.gridCounts.get(gridId) ?? 0) + delta);
    if (next === 0) this.gridCounts.delete(gridId);
    else this.gridCounts.set(gridId, next);
    this.dirtyGrids.add(gridId);
  }

  private requestDraw(): void {
    if (this.scheduled || !this.sink) return;
    this.scheduled = true;
    this.schedule(() => this.draw());
  }

  private draw(): void {
    this.scheduled = false;
    const sink = this.sink;
    if (!sink || (!this.pointsDirty && this.dirtyGrids.size === 0)) return;
    const now = this.now();
    if (now - this.lastPush < this.intervalMs) {
      // Too soon after the last push: look again next frame, so the last change is never lost.
      this.requestDraw();
      return;
    }
    this.lastPush = now;
    for (const gridId of this.dirtyGrids) sink.setGridOpenCount(gridId, this.gridCounts.get(gridId) ?? 0);
    this.dirtyGrids.clear();
    if (!this.pointsDirty) return;
    this.pointsDirty = false;
    if (this.loaded) this.loadedPushedFlag = true;
    sink.setIncidents([...this.features.values()]);
  }
}
