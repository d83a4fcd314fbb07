import { rooms } from '@whistle/shared';
import type { EntityManager } from 'typeorm';
import { gridRoom } from '../auth/scope';
import { Dispatch } from '../dispatches/dispatch.entity';
import type { Incident } from './incident.entity';

/** Who hears about an incident: its street, the district, its grid, the reporter and every summoned party. */
export async function incidentRooms(manager: EntityManager, incident: Incident): Promise<string[]> {
  const dispatches = await manager.find(Dispatch, {
    where: { incidentId: incident.id },
    select: { departmentId: true, leaderUserId: true },
  });
  return [
    rooms.street(incident.streetId),
    rooms.district(incident.districtId),
    gridRoom(incident.gridId),
    ...(incident.reportedById ? [rooms.user(incident.reportedById)] : []),
    ...dispatches.flatMap((d) => [
      ...(d.departmentId ? [rooms.dept(d.departmentId)] : []),
      ...(d.leaderUserId ? [rooms.user(d.leaderUserId)] : []),
    ]),
  ];
}
