import type { IncidentSource, LngLat, Priority, SatisfactionResult } from '@whistle/shared';
import type { RecordingTx } from '../events/event-log';
import type { IndexedGrid } from '../grids/grid-index';
import { Incident } from './incident.entity';
import { incidentRoomsOf } from './incident-rooms';
import { toIncidentView } from './incident-view';

export interface RaiseIncidentInput {
  /** Given when the caller must link the incident before it exists (a 12345 order's row). */
  id?: string;
  title: string;
  description?: string;
  category: string;
  priority: Priority;
  source: IncidentSource;
  location: LngLat;
  /** The grid holding the location: it decides community, street and district. */
  grid: IndexedGrid;
  reportedById: string | null;
  /** Tasks sent down by a department arrive already registered. */
  registeredAt?: Date;
  /** A 12345 order may arrive with the citizen's verdict on an earlier call. */
  citizenSatisfaction?: SatisfactionResult | null;
}

/**
 * Inserts a new incident and records incident.created, inside the caller's transaction. Every
 * intake — the street's form, bulk intake, Open311, 12345 orders, tasks sent down — raises
 * incidents here and nowhere else.
 */
export async function raiseIncident(tx: RecordingTx, input: RaiseIncidentInput): Promise<Incident> {
  const [incident] = await raiseIncidents(tx, [input]);
  return incident;
}

/**
 * Inserts new incidents — one INSERT for all of them — and records incident.created for each, in
 * input order, inside the caller's transaction.
 */
export async function raiseIncidents(
  tx: RecordingTx,
  inputs: readonly RaiseIncidentInput[],
): Promise<Incident[]> {
  const incidents = inputs.map((input) =>
    tx.manager.create(Incident, {
      ...(input.id ? { id: input.id } : {}),
      title: input.title,
      description: input.description ?? null,
      category: input.category,
      priority: input.priority,
      source: input.source,
      status: input.registeredAt ? 'registered' : 'reported',
      registeredAt: input.registeredAt ?? null,
      lng: input.location.lng,
      lat: input.location.lat,
      gridId: input.grid.id,
      communityId: input.grid.communityId,
      streetId: input.grid.streetId,
      districtId: input.grid.districtId,
      reportedById: input.reportedById,
      citizenSatisfaction: input.citizenSatisfaction ?? null,
      partyDepartmentIds: [],
      partyLeaderIds: [],
    }),
  );
  // insert() writes the generated columns (id, timestamps, defaults) back onto these objects.
  await tx.manager.insert(Incident, incidents);
  for (const [i, incident] of incidents.entries()) {
    tx.record({
      type: 'incident.created',
      change: 'created',
      actorId: inputs[i].reportedById,
      incidentId: incident.id,
      // Nobody is summoned to a new incident yet.
      rooms: incidentRoomsOf(incident),
      payload: toIncidentView(incident),
    });
  }
  return incidents;
}
