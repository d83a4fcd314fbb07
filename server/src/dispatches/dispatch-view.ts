import { rooms, type DispatchAction, type DispatchView } from '@whistle/shared';
import type { IncidentRow } from '../incidents/incident-row';
import type { Dispatch } from './dispatch.entity';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export function toDispatchView(d: Dispatch, incident: IncidentRow, actions?: DispatchAction[]): DispatchView {
  return {
    id: d.id,
    whistleId: d.whistleId,
    incidentId: d.incidentId,
    direction: d.direction,
    assigneeKind: d.assigneeKind,
    departmentId: d.departmentId,
    leaderUserId: d.leaderUserId,
    streetId: d.streetId,
    whistleType: d.whistleType,
    status: d.status,
    acceptBy: d.acceptBy.toISOString(),
    arriveBy: d.arriveBy.toISOString(),
    resolveBy: d.resolveBy.toISOString(),
    acceptedAt: iso(d.acceptedAt),
    arrivedAt: iso(d.arrivedAt),
    resolvedAt: iso(d.resolvedAt),
    verifiedAt: iso(d.verifiedAt),
    overdueStages: d.overdueStages,
    overdueNotices: d.overdueNotices,
    lastOverdueAt: iso(d.lastOverdueAt),
    rejectReason: d.rejectReason,
    resolutionNote: d.resolutionNote,
    arrivalLocation:
      d.arrivalLng !== null && d.arrivalLat !== null ? { lng: d.arrivalLng, lat: d.arrivalLat } : null,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
    incident: {
      id: incident.id,
      title: incident.title,
      category: incident.category,
      priority: incident.priority,
      location: { lng: incident.lng, lat: incident.lat },
      streetId: incident.streetId,
      gridId: incident.gridId,
    },
    ...(actions ? { actions } : {}),
  };
}

/** Where a dispatch's events go: its assignee, its street and the district command. */
export function dispatchRooms(d: Dispatch, incident: IncidentRow): string[] {
  const assignee = d.departmentId
    ? rooms.dept(d.departmentId)
    : d.leaderUserId
      ? rooms.user(d.leaderUserId)
      : null;
  return [rooms.street(d.streetId), rooms.district(incident.districtId), ...(assignee ? [assignee] : [])];
}
