import { rooms } from '@whistle/shared';
import type { EntityManager } from 'typeorm';
import { gridRoom } from '../auth/scope';
import { Dispatch } from '../dispatches/dispatch.entity';
import type { Incident } from './incident.entity';

type Summoned = Pick<Dispatch, 'departmentId' | 'leaderUserId'>;

/** Who hears about an incident: its street, the district, its grid, the reporter and every summoned party. */
export function incidentRoomsOf(incident: Incident, summoned: readonly Summoned[]): string[] {
  return [
    rooms.street(incident.streetId),
    rooms.district(incident.districtId),
    gridRoom(incident.gridId),
    ...(incident.reportedById ? [rooms.user(incident.reportedById)] : []),
    ...summoned.flatMap((d) => [
      ...(d.departmentId ? [rooms.dept(d.departmentId)] : []),
      ...(d.leaderUserId ? [rooms.user(d.leaderUserId)] : []),
    ]),
  ];
}

export async function incidentRooms(manager: EntityManager, incident: Incident): Promise<string[]> {
  const summoned = await manager.find(Dispatch, {
    where: { incidentId: incident.id },
    select: { departmentId: true, leaderUserId: true },
  });
  return incidentRoomsOf(incident, summoned);
}
