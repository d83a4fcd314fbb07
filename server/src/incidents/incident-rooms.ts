import { rooms } from '@whistle/shared';
import { gridRoom } from '../access/scope';
import type { Incident } from './incident.entity';

/** A department or leader with a dispatch on an incident. */
export interface IncidentParty {
  departmentId: string | null;
  leaderUserId: string | null;
}

/**
 * Who hears about an incident: its street, the district, its grid, the reporter and every party
 * with a dispatch on it — but for `except`, parties that hear of this change another way.
 */
export function incidentRoomsOf(incident: Incident, except: readonly IncidentParty[] = []): string[] {
  const skipDepartments = new Set(except.flatMap((p) => (p.departmentId ? [p.departmentId] : [])));
  const skipLeaders = new Set(except.flatMap((p) => (p.leaderUserId ? [p.leaderUserId] : [])));
  return [
    rooms.street(incident.streetId),
    rooms.district(incident.districtId),
    gridRoom(incident.gridId),
    ...(incident.reportedById ? [rooms.user(incident.reportedById)] : []),
    ...incident.partyDepartmentIds.filter((id) => !skipDepartments.has(id)).map(rooms.dept),
    ...incident.partyLeaderIds.filter((id) => !skipLeaders.has(id)).map(rooms.user),
  ];
}
