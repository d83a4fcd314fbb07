import { ConflictException, ForbiddenException, Injectable } from '@nestjs/common';
import type { IncidentStatus, SiteCheckView } from '@whistle/shared';
import type { AuthUser } from '../access/auth-user';
import { ChangeRecorder } from '../events/change-recorder.service';
import { UsersService } from '../users/users.service';
import type { SiteCheckDto } from './dto/site-check.dto';
import { IncidentAccess } from './incident-access.service';
import { incidentRoomsOf } from './incident-rooms';
import { toIncidentView } from './incident-view';

export const SITE_CHECK_CHANGE = 'site_check';

/** A fix is checked on site only while it waits for the street's verification. */
const CHECKABLE: readonly IncidentStatus[] = ['resolved'];

/**
 * 现场核查: the grid worker of the incident's grid says whether a department's fix held. It changes
 * no state (the street still verifies); the event log is its record, and the street sees it in
 * the incident's timeline and as `lastSiteCheck` on the detail.
 */
@Injectable()
export class SiteChecksService {
  constructor(
    private readonly recorder: ChangeRecorder,
    private readonly access: IncidentAccess,
    private readonly users: UsersService,
  ) {}

  check(user: AuthUser, incidentId: string, dto: SiteCheckDto): Promise<SiteCheckView> {
    return this.recorder.run(async (tx) => {
      // Row-locked: the check is recorded against the status it was made in.
      const incident = await this.access.load(user, tx.manager, incidentId, true);
      // A worker also sees what they reported elsewhere, but checks fixes only in their own grids.
      if (!(await this.users.gridIdsOf(user.id, tx.manager)).includes(incident.gridId)) {
        throw new ForbiddenException('Only a grid worker of the incident’s grid may check it on site');
      }
      if (!CHECKABLE.includes(incident.status)) {
        throw new ConflictException({
          message: `Cannot check on site an incident that is ${incident.status}; allowed when: ${CHECKABLE.join(', ')}`,
          currentStatus: incident.status,
          allowedStatuses: [...CHECKABLE],
        });
      }
      const siteCheck = { fixed: dto.fixed, note: dto.note?.trim() ?? null };
      tx.record({
        type: 'incident.updated',
        change: SITE_CHECK_CHANGE,
        actorId: user.id,
        incidentId: incident.id,
        rooms: incidentRoomsOf(incident),
        payload: { ...toIncidentView(incident), change: SITE_CHECK_CHANGE, siteCheck },
      });
      const [event] = await tx.flush();
      if (!event) throw new Error('site check event was not written');
      return { ...siteCheck, checkedById: user.id, checkedAt: event.occurredAt.toISOString() };
    });
  }
}
