import { BadRequestException, ConflictException, ForbiddenException, Injectable } from '@nestjs/common';
import {
  DISPATCH_MACHINE,
  allActionsFrom,
  findTransition,
  runningStage,
  type DispatchAction,
  type DispatchView,
  type Stage,
} from '@whistle/shared';
import type { AuthUser } from '../access/auth-user';
import { illegalTransition, notFound } from '../common/errors';
import { rowUpdate } from '../database/persist';
import { AdmissionService } from '../admission/admission.service';
import { TimerRulesService } from '../timer-rules/timer-rules.service';
import { ChangeRecorder } from '../events/change-recorder.service';
import type { RecordingTx } from '../events/event-log';
import type { IncidentRow } from '../incidents/incident-row';
import { syncIncidentWithDispatches } from './incident-sync';
import { DispatchTimings } from '../observability/dispatch-timings';
import type { ArriveDto, VerifyDto } from './dto/dispatch-actions.dto';
import { Dispatch } from './dispatch.entity';
import { lockDispatchWithIncident } from './dispatch-lock';
import { canSeeDispatch, dispatchActionsForUser, partiesOf } from './dispatch-parties';
import { dispatchRooms, toDispatchView } from './dispatch-view';
import { Rating } from './rating.entity';

/** The dispatch state machine, fired by people: accept, reject, arrive, resolve, verify, reopen, cancel. */
@Injectable()
export class DispatchesService {
  constructor(
    private readonly recorder: ChangeRecorder,
    private readonly admission: AdmissionService,
    private readonly timerRules: TimerRulesService,
    private readonly timings: DispatchTimings,
  ) {}

  accept(user: AuthUser, id: string): Promise<DispatchView> {
    return this.fire(user, id, 'accept', (d) => {
      d.acceptedAt = new Date();
      return Promise.resolve();
    });
  }

  reject(user: AuthUser, id: string, reason: string): Promise<DispatchView> {
    return this.fire(user, id, 'reject', async (d, incident, tx) => {
      // A task sent down may only be returned when its category is not on the street's admission list.
      if (
        d.direction === 'dept_to_street' &&
        (await this.admission.admits(d.streetId, incident.category, tx.manager))
      ) {
        throw new ConflictException({
          message: `Category ${incident.category} is on this street's admission list (准入清单); the task must be accepted`,
          currentStatus: d.status,
          allowedActions: ['accept'],
        });
      }
      d.rejectReason = reason;
      d.closedAt = new Date();
    });
  }

  arrive(user: AuthUser, id: string, dto: ArriveDto): Promise<DispatchView> {
    return this.fire(user, id, 'arrive', (d) => {
      d.arrivedAt = new Date();
      d.arrivalLng = dto.location?.lng ?? null;
      d.arrivalLat = dto.location?.lat ?? null;
      return Promise.resolve();
    });
  }

  resolve(user: AuthUser, id: string, note: string): Promise<DispatchView> {
    return this.fire(user, id, 'resolve', (d) => {
      d.resolvedAt = new Date();
      d.resolutionNote = note;
      return Promise.resolve();
    });
  }

  /** The requester checks the fix: passed → verified and rated; failed → reopened with a fresh resolve clock. */
  verify(user: AuthUser, id: string, dto: VerifyDto): Promise<DispatchView> {
    if (!dto.passed) {
      return this.fire(user, id, 'reopen', async (d, incident, tx) => {
        const limits = await this.timerRules.limitsFor(d.whistleType, incident.priority, tx.manager);
        d.rejectReason = dto.reason ?? null;
        d.reopenCount += 1;
        d.resolvedAt = null;
        d.resolveBy = new Date(Date.now() + limits.resolve * 60_000);
      });
    }
    return this.fire(user, id, 'verify', async (d, _incident, tx) => {
      const ratesDepartment = d.direction === 'street_to_dept' && d.assigneeKind === 'department';
      if (ratesDepartment && dto.rating === undefined) {
        throw new BadRequestException({
          message: 'Invalid request: rating',
          fields: { rating: ['is required when passing a department’s work (1–5)'] },
        });
      }
      d.verifiedAt = new Date();
      d.closedAt = d.verifiedAt;
      // Only departments are rated, and only by the street that summoned them.
      if (ratesDepartment && d.departmentId && dto.rating !== undefined) {
        await tx.manager.insert(Rating, {
          dispatchId: d.id,
          departmentId: d.departmentId,
          streetId: d.streetId,
          score: dto.rating,
          comment: dto.comment ?? null,
          ratedById: user.id,
        });
      }
    });
  }

  cancel(user: AuthUser, id: string, reason: string | undefined): Promise<DispatchView> {
    return this.fire(user, id, 'cancel', (d) => {
      d.rejectReason = reason ?? null;
      d.closedAt = new Date();
      return Promise.resolve();
    });
  }

  private async fire(
    user: AuthUser,
    id: string,
    action: DispatchAction,
    apply: (d: Dispatch, incident: IncidentRow, tx: RecordingTx) => Promise<void>,
  ): Promise<DispatchView> {
    let changed: Dispatch | undefined;
    const view = await this.recorder.run(async (tx) => {
      const locked = await lockDispatchWithIncident(tx.manager, id);
      if (!locked || !canSeeDispatch(user, locked.dispatch)) throw notFound('dispatch', id);
      const { dispatch: d, incident } = locked;
      const transition = findTransition(DISPATCH_MACHINE, d.status, action);
      if (!transition) {
        throw illegalTransition('dispatch', action, d.status, allActionsFrom(DISPATCH_MACHINE, d.status));
      }
      const parties = partiesOf(user, d);
      if (!transition.by.some((party) => parties.includes(party))) {
        throw new ForbiddenException(
          `Only the ${transition.by.join(' or ')} of this dispatch may ${action} it`,
        );
      }
      const stageBefore = runningStage(d.status);
      await apply(d, incident, tx);
      d.status = transition.to;
      if (runningStage(d.status) !== stageBefore || action === 'reopen') {
        d.overdueNotices = 0;
        d.lastOverdueAt = null;
      }
      // Nothing here reads the row again: its UPDATE rides with the events (the sync is told of it).
      tx.write(`dispatches:${d.id}`, rowUpdate(tx.manager, Dispatch, d));
      changed = d;
      const view = toDispatchView(d, incident);
      tx.record({
        type: 'dispatch.updated',
        change: action,
        actorId: user.id,
        incidentId: d.incidentId,
        dispatchId: d.id,
        rooms: dispatchRooms(d, incident),
        payload: { ...view, change: action },
      });
      await syncIncidentWithDispatches(tx, incident, user.id, { current: [d] });
      return { ...view, actions: dispatchActionsForUser(user, d) };
    });
    if (changed) this.observeStage(changed, action);
    return view;
  }

  /** Feeds the Prometheus histograms once the change has committed. */
  private observeStage(d: Dispatch, action: DispatchAction): void {
    const reached: Partial<Record<DispatchAction, [Stage, Date | null]>> = {
      accept: ['accept', d.acceptedAt],
      arrive: ['arrive', d.arrivedAt],
      resolve: ['resolve', d.resolvedAt],
    };
    const [stage, at] = reached[action] ?? [];
    if (stage && at) this.timings.observe(stage, (at.getTime() - d.createdAt.getTime()) / 1000);
  }
}
