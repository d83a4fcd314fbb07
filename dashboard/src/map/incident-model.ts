import type { Feature, FeatureCollection, Point } from 'geojson';
import { OPEN_INCIDENT_STATUSES, type IncidentView } from '@whistle/shared';

export interface IncidentFeatureProperties {
  id: string;
  category: string;
  priority: IncidentView['priority'];
  status: IncidentView['status'];
  overdue: boolean;
}

/** What the map needs to redraw: new incident points and the grids whose open count changed. */
export interface IncidentMapSink {
  setIncidents(data: FeatureCollection<Point, IncidentFeatureProperties>): void;
  setGridOpenCount(gridId: string, open: number): void;
}

/**
 * The open incidents on the map, kept outside React. Live updates mutate it; one redraw per
 * animation frame pushes the whole collection with setData and only the changed grids' counts as
 * feature-state — so a burst of events never re-renders React or rebuilds the grid source.
 */
export class IncidentMapModel {
  private readonly incidents = new Map<string, IncidentView>();
  private readonly gridCounts = new Map<string, number>();
  private readonly dirtyGrids = new Set<string>();
  private sink: IncidentMapSink | null = null;
  private scheduled = false;

  constructor(private readonly schedule: (run: () => void) => void = (run) => requestAnimationFrame(run)) {}

  attach(sink: IncidentMapSink): void {
    this.sink = sink;
    for (const gridId of this.gridCounts.keys()) this.dirtyGrids.add(gridId);
    this.requestDraw();
  }

  detach(): void {
    this.sink = null;
  }

  replaceAll(incidents: readonly IncidentView[]): void {
    for (const old of this.incidents.values()) this.count(old.gridId, -1);
    this.incidents.clear();
    for (const incident of incidents) this.upsert(incident);
  }

  /** An incident view from the API or a live event: kept while open, dropped once it is not. */
  upsert(incident: IncidentView): void {
    const previous = this.incidents.get(incident.id);
    if (previous) {
      this.incidents.delete(incident.id);
      this.count(previous.gridId, -1);
    }
    if (OPEN_INCIDENT_STATUSES.includes(incident.status)) {
      this.incidents.set(incident.id, incident);
      this.count(incident.gridId, 1);
    }
    this.requestDraw();
  }

  get size(): number {
    return this.incidents.size;
  }

  private count(gridId: string, delta: number): void {
    this.gridCounts.set(gridId, Math.max(0, (this.gridCounts.get(gridId) ?? 0) + delta));
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
    if (!sink) return;
    sink.setIncidents(this.toGeoJson());
    for (const gridId of this.dirtyGrids) sink.setGridOpenCount(gridId, this.gridCounts.get(gridId) ?? 0);
    this.dirtyGrids.clear();
  }

  private toGeoJson(): FeatureCollection<Point, IncidentFeatureProperties> {
    const features: Feature<Point, IncidentFeatureProperties>[] = [];
    for (const i of this.incidents.values()) {
      features.push({
        type: 'Feature',
        properties: {
          id: i.id,
          category: i.category,
          priority: i.priority,
          status: i.status,
          overdue: i.overdue,
        },
        geometry: { type: 'Point', coordinates: [i.location.lng, i.location.lat] },
      });
    }
    return { type: 'FeatureCollection', features };
  }
}
