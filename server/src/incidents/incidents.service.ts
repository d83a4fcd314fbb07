import { ForbiddenException, Injectable } from '@nestjs/common';
import {
  INCIDENT_MACHINE,
  OPEN_INCIDENT_STATUSES,
  allActionsFrom,
  findTransition,
  type CreatedIncidentView,
  type IncidentAction,
  type IncidentView,
} from '@whistle/shared';
import type { AuthUser } from '../access/auth-user';
import { illegalTransition, notFound, unprocessable } from '../common/errors';
import { persist } from '../database/persist';
import { ChangeRecorder } from '../events/change-recorder.service';
import type { RecordingTx } from '../events/event-log';
import { GridsService } from '../grids/grids.service';
import { UsersService } from '../users/users.service';
import type { CreateIncidentDto } from './dto/create-incident.dto';
import type { StandingRegisterDto } from './dto/incident-actions.dto';
import { IncidentAccess } from './incident-access.service';
import { IncidentActionHooks } from './incident-action-hooks';
import { IncidentIntake } from './incident-intake';
import { LikelyDuplicates } from './likely-duplicates';
import { raiseIncident } from './raise-incident';
import { Incident } from './incident.entity';
import { incidentRoomsOf } from './incident-rooms';
import { toIncidentView } from './incident-view';

/** Raising incidents and the people-fired transitions of their state machine. */
@Injectable()
export class IncidentsService {
  constructor(
    private readonly recorder: ChangeRecorder,
    private readonly grids: GridsService,
    private readonly users: UsersService,
    private readonly access: IncidentAccess,
    private readonly duplicates: LikelyDuplicates,
    private readonly intake: IncidentIntake,
    private readonly hooks: IncidentActionHooks,
  ) {}

  /** `alongside` writes more rows (e.g. a report's photos) in the same transaction as the incident. */
  async create(
    user: AuthUser,
    dto: CreateIncidentDto,
    alongside?: (tx: RecordingTx, incident: Incident) => Promise<void>,
  ): Promise<CreatedIncidentView> {
    const grid = this.grids.locateOrFail(dto.location);
    if (user.role === 'street_operator' && grid.streetId !== user.streetId) {
      throw new ForbiddenException('The location is outside your street');
    }
    if (user.role === 'grid_worker' && !(await this.users.gridIdsOf(user.id)).includes(grid.id)) {
      throw new ForbiddenException('The location is outside your grids');
    }
    const input = { ...dto, grid, reportedById: user.id };
    if (!alongside) return this.intake.raise(user, input);
    return this.recorder.run(async (tx) => {
      const incident = await raiseIncident(tx, input);
      await alongside(tx, incident);
      return {
        ...toIncidentView(incident),
        likelyDuplicates: await this.duplicates.of(user, tx.manager, incident),
      };
    });
  }

  register(user: AuthUser, id: string): Promise<IncidentView> {
    return this.fire(user, id, 'register', (_tx, incident) => {
      incident.registeredAt = new Date();
      return Promise.resolve();
    });
  }

  reject(user: AuthUser, id: string, reason: string): Promise<IncidentView> {
    return this.fire(user, id, 'reject', (_tx, incident) => {
      incident.rejectReason = reason;
      return Promise.resolve();
    });
  }

  /** Closing also stands down leaders still summoned by a tough whistle (a hook of the dispatches module). */
  close(user: AuthUser, id: string): Promise<IncidentView> {
    return this.fire(user, id, 'close', (_tx, incident) => {
      incident.closedAt = new Date();
      return Promise.resolve();
    });
  }

  /** Marks `id` a duplicate of `intoId`; both keep their timelines and the survivor shows both. */
  merge(user: AuthUser, id: string, intoId: string): Promise<IncidentView> {
    return this.fire(user, id, 'merge', async (tx, incident) => {
      if (intoId === id)
        throw unprocessable('An incident cannot be merged into itself', {
          intoIncidentId: ['is this incident'],
        });
      const into = await tx.manager.findOneBy(Incident, { id: intoId });
      if (!into || !(await this.access.canSee(user, tx.manager, into))) throw notFound('incident', intoId);
      if (into.streetId !== incident.streetId) {
        throw unprocessable('Only incidents of the same street can be merged', {
          intoIncidentId: ['is in another street'],
        });
      }
      if (['rejected', 'merged', 'closed'].includes(into.status)) {
        throw unprocessable(`Cannot merge into an incident that is ${into.status}`, {
          intoIncidentId: [`is ${into.status}`],
        });
      }
      // The dispatches module refuses while dispatches are open (its hook runs next).
      incident.mergedIntoId = into.id;
    });
  }

  /** 挂账: the district puts an incident it cannot solve in time on the standing register. */
  async putOnStandingRegister(user: AuthUser, id: string, dto: StandingRegisterDto): Promise<IncidentView> {
    return this.recorder.run(async (tx) => {
      const incident = await this.access.load(user, tx.manager, id, true);
      if (!OPEN_INCIDENT_STATUSES.includes(incident.status)) {
        throw illegalTransition('incident', 'put on the standing register', incident.status, []);
      }
      incident.standingReason = dto.reason;
      incident.standingReviewOn = dto.reviewOn;
      incident.standingSince = new Date();
      return this.saveAndRecord(tx, user, incident, 'standing');
    });
  }

  /** 销账: the district takes an incident off the standing register, saying why. */
  async removeFromStandingRegister(user: AuthUser, id: string, reason: string): Promise<IncidentView> {
    return this.recorder.run(async (tx) => {
      const incident = await this.access.load(user, tx.manager, id, true);
      if (!incident.standingSince) {
        throw illegalTransition('incident', 'take off the standing register', 'not on the register', [
          'standing',
        ]);
      }
      incident.standingReason = null;
      incident.standingReviewOn = null;
      incident.standingSince = null;
      incident.standingRemindedOn = null;
      return this.saveAndRecord(tx, user, incident, 'standing_removed', { reason });
    });
  }

  private fire(
    user: AuthUser,
    id: string,
    action: IncidentAction,
    mutate: (tx: RecordingTx, incident: Incident) => Promise<void>,
  ): Promise<IncidentView> {
    return this.recorder.run(async (tx) => {
      const incident = await this.access.load(user, tx.manager, id, true);
      const transition = findTransition(INCIDENT_MACHINE, incident.status, action);
      if (!transition) {
        throw illegalTransition(
          'incident',
          action,
          incident.status,
          allActionsFrom(INCIDENT_MACHINE, incident.status),
        );
      }
      if (!transition.by.includes(user.role)) {
        throw new ForbiddenException(`Role ${user.role} may not ${action} an incident`);
      }
      await mutate(tx, incident);
      await this.hooks.run(action, tx, incident, user.id);
      incident.status = transition.to;
      return this.saveAndRecord(tx, user, incident, action);
    });
  }

  private async saveAndRecord(
    tx: RecordingTx,
    user: AuthUser,
    incident: Incident,
    change: string,
    /** Words the timeline keeps beside the change (e.g. why it was taken off the register). */
    extra: { reason?: string } = {},
  ): Promise<IncidentView> {
    await persist(tx.manager, Incident, incident);
    tx.record({
      type: 'incident.updated',
      change,
      actorId: user.id,
      incidentId: incident.id,
      rooms: incidentRoomsOf(incident),
      payload: { ...toIncidentView(incident), change, ...extra },
    });
    return toIncidentView(incident);
  }
}
