import { ConflictException, Injectable } from '@nestjs/common';
import {
  DISPATCH_MACHINE,
  allActionsFrom,
  findTransition,
  runningStage,
  type DispatchView,
  type ReassignedDispatchView,
  type SupervisionView,
} from '@whistle/shared';
import { In, Not } from 'typeorm';
import type { AuthUser } from '../access/auth-user';
import { illegalTransition, notFound, unprocessable } from '../common/errors';
import { persist } from '../database/persist';
import { DepartmentsService } from '../departments/departments.service';
import { ChangeRecorder } from '../events/change-recorder.service';
import type { RecordingTx } from '../events/event-log';
import type { IncidentRow } from '../incidents/incident-row';
import { TimerRulesService } from '../timer-rules/timer-rules.service';
import { Dispatch } from './dispatch.entity';
import { lockDispatchWithIncident } from './dispatch-lock';
import { dispatchActionsForUser } from './dispatch-parties';
import { dispatchRooms, toDispatchView } from './dispatch-view';
import type { ReassignDto } from './dto/command-desk.dto';
import { syncIncidentWithDispatches } from './incident-sync';
import { openDispatches } from './open-dispatch';

/**
 * What the district command (the dispatch's oversight party) does to a dispatch beyond the state
 * machine: 督办 (a supervising note to the department) and 改派 (reassigning it to another
 * department). The routes are for district_operator and admin; both see the whole district.
 */
@Injectable()
export class OversightService {
  constructor(
    private readonly recorder: ChangeRecorder,
    private readonly departments: DepartmentsService,
    private readonly timerRules: TimerRulesService,
  ) {}

  /**
   * 督办: recorded as a `dispatch.updated` event (change `supervise`) to the dispatch's rooms — the
   * department's duty console hears it live and the dispatch's timeline keeps it. The dispatch's
   * state does not change; a dispatch whose work is over (resolved or final) cannot be supervised.
   */
  supervise(user: AuthUser, id: string, note: string): Promise<SupervisionView> {
    return this.recorder.run(async (tx) => {
      const { dispatch: d, incident } = await this.lock(tx, id);
      if (runningStage(d.status) === null) {
        throw illegalTransition(
          'dispatch',
          'supervise',
          d.status,
          allActionsFrom(DISPATCH_MACHINE, d.status),
        );
      }
      const at = new Date();
      tx.record({
        type: 'dispatch.updated',
        change: 'supervise',
        actorId: user.id,
        incidentId: d.incidentId,
        dispatchId: d.id,
        rooms: dispatchRooms(d, incident),
        payload: { ...toDispatchView(d, incident), change: 'supervise', note },
      });
      return { dispatchId: d.id, note, supervisedAt: at.toISOString(), supervisedById: user.id };
    });
  }

  /**
   * 改派, in one transaction: cancel this department's dispatch and open one for `departmentId`
   * on the same incident and whistle. The new dispatch's stage deadlines start now from the timer
   * rules of the whistle's type and the incident's priority; the deadline timers follow both
   * changes (the cancelled one's stop, the new one's start) through the dispatch-changes queue.
   */
  async reassign(user: AuthUser, id: string, dto: ReassignDto): Promise<ReassignedDispatchView> {
    if ((await this.departments.unknownIds([dto.departmentId])).length > 0) {
      throw unprocessable(`Unknown department: ${dto.departmentId}`, {
        departmentId: ['unknown department'],
      });
    }
    return this.recorder.run(async (tx) => {
      const { dispatch: d, incident } = await this.lock(tx, id);
      const cancel = findTransition(DISPATCH_MACHINE, d.status, 'cancel');
      if (!cancel) {
        throw illegalTransition('dispatch', 'reassign', d.status, allActionsFrom(DISPATCH_MACHINE, d.status));
      }
      if (d.direction !== 'street_to_dept' || d.assigneeKind !== 'department') {
        throw new ConflictException({
          message: 'Only a department’s dispatch on a whistle can be reassigned to another department',
          currentStatus: d.status,
          allowedActions: ['cancel'],
        });
      }
      if (d.departmentId === dto.departmentId) {
        throw unprocessable('The dispatch is already with this department', {
          departmentId: ['is the department the dispatch is with'],
        });
      }
      // The whistle summons each department once: reassigning to one it already summons (and who
      // still works on it) would make that department owe the same incident twice.
      const alreadySummoned = await tx.manager.getRepository(Dispatch).existsBy({
        whistleId: d.whistleId ?? undefined,
        incidentId: d.incidentId,
        departmentId: dto.departmentId,
        status: Not(In(['cancelled', 'rejected'])),
      });
      if (alreadySummoned) {
        throw unprocessable('The whistle already summons this department', {
          departmentId: ['is already summoned by this whistle'],
        });
      }
      const at = new Date();
      d.status = cancel.to;
      d.rejectReason = dto.reason ?? null;
      d.closedAt = at;
      d.overdueNotices = 0;
      d.lastOverdueAt = null;
      await persist(tx.manager, Dispatch, d);
      const limits = await this.timerRules.limitsFor(d.whistleType, incident.priority, tx.manager);
      const [opened] = openDispatches(tx, [
        {
          incident,
          whistleId: d.whistleId,
          direction: d.direction,
          assigneeKind: 'department',
          departmentId: dto.departmentId,
          leaderUserId: null,
          whistleType: d.whistleType,
          limits,
          createdById: user.id,
          at,
        },
      ]);
      if (!opened) throw new Error('reassigned dispatch was not opened');
      // Recorded after the new dispatch's dispatch.created (which carries the new department) so
      // the event can name it; the timeline reads "cancelled, reassigned to …".
      tx.record({
        type: 'dispatch.updated',
        change: 'reassign',
        actorId: user.id,
        incidentId: d.incidentId,
        dispatchId: d.id,
        rooms: dispatchRooms(d, incident),
        payload: {
          ...toDispatchView(d, incident),
          change: 'reassign',
          reassignedToId: opened.id,
          ...(dto.reason ? { note: dto.reason } : {}),
        },
      });
      const updated = await syncIncidentWithDispatches(tx, incident, user.id, {
        current: [opened],
        summonedNow: [opened],
      });
      return {
        cancelled: this.view(user, d, updated),
        opened: this.view(user, opened, updated),
      };
    });
  }

  private async lock(tx: RecordingTx, id: string): Promise<{ dispatch: Dispatch; incident: IncidentRow }> {
    const locked = await lockDispatchWithIncident(tx.manager, id);
    if (!locked) throw notFound('dispatch', id);
    return locked;
  }

  private view(user: AuthUser, d: Dispatch, incident: IncidentRow): DispatchView {
    return toDispatchView(d, incident, dispatchActionsForUser(user, d));
  }
}
