import { isDistrictWide, rooms } from '@whistle/shared';
import type { AuthUser } from './auth-user';

/** Extra room for grid workers: events about incidents in a grid. */
export const gridRoom = (gridId: string): string => `grid:${gridId}`;

/** The socket rooms a user belongs to, from the token's scope alone. */
export function roomsOf(user: AuthUser, gridIds: readonly string[]): string[] {
  const joined = [rooms.user(user.id)];
  switch (user.role) {
    case 'district_operator':
    case 'district_leader':
    case 'admin':
      joined.push(rooms.district(user.districtId));
      break;
    case 'street_operator':
      if (user.streetId) joined.push(rooms.street(user.streetId));
      break;
    case 'dept_officer':
      if (user.departmentId) joined.push(rooms.dept(user.departmentId));
      break;
    case 'grid_worker':
      joined.push(...gridIds.map(gridRoom));
      break;
  }
  return joined;
}

export interface IncidentScope {
  streetId: string;
  gridId: string;
  reportedById: string | null;
  /** Departments with a dispatch on the incident. */
  departmentIds: readonly string[];
  /** District leaders summoned to the incident. */
  leaderUserIds: readonly string[];
}

/** Tenancy (DESIGN.md §2): who may see an incident. */
export function canSeeIncident(
  user: AuthUser,
  incident: IncidentScope,
  userGridIds: readonly string[],
): boolean {
  if (isDistrictWide(user.role)) return true;
  switch (user.role) {
    case 'street_operator':
      return incident.streetId === user.streetId;
    case 'dept_officer':
      return user.departmentId !== null && incident.departmentIds.includes(user.departmentId);
    case 'grid_worker':
      return userGridIds.includes(incident.gridId) || incident.reportedById === user.id;
    case 'district_operator':
    case 'district_leader':
    case 'admin':
      return true;
  }
}
