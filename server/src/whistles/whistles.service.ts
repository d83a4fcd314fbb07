import { randomUUID } from 'node:crypto';
import { ConflictException, ForbiddenException, Injectable } from '@nestjs/common';
import { WHISTLEABLE_INCIDENT_STATUSES, rooms, type WhistleView } from '@whistle/shared';
import type { AuthUser } from '../access/auth-user';
import type { SqlParam } from '../database/deferred-write';
import { unprocessable } from '../common/errors';
import { TimerRulesService } from '../timer-rules/timer-rules.service';
import { DepartmentsService } from '../departments/departments.service';
import { toDispatchView } from '../dispatches/dispatch-view';
import { openDispatches } from '../dispatches/open-dispatch';
import { ChangeRecorder } from '../events/change-recorder.service';
import { IncidentAccess } from '../incidents/incident-access.service';
import { syncIncidentWithDispatches } from '../dispatches/incident-sync';
import { UsersService } from '../users/users.service';
import type { BlowWhistleDto } from './dto/blow-whistle.dto';
import { Whistle } from './whistle.entity';
import { toWhistleSummary } from './whistle-view';

/** 吹哨: the street summons departments on a registered incident, one dispatch each. */
@Injectable()
export class WhistlesService {
  constructor(
    private readonly recorder: ChangeRecorder,
    private readonly access: IncidentAccess,
    private readonly departments: DepartmentsService,
    private readonly timerRules: TimerRulesService,
    private readonly users: UsersService,
  ) {}

  async blow(user: AuthUser, incidentId: string, dto: BlowWhistleDto): Promise<WhistleView> {
    const unknown = await this.departments.unknownIds(dto.departmentIds);
    if (unknown.length) {
      throw unprocessable(`Unknown departments: ${unknown.join(', ')}`, {
        departmentIds: [`unknown: ${unknown.join(', ')}`],
      });
    }
    return this.recorder.run(async (tx) => {
      const incident = await this.access.load(user, tx.manager, incidentId, true);
      if (user.role === 'street_operator' && incident.streetId !== user.streetId) {
        throw new ForbiddenException('Only the incident’s own street may blow a whistle on it');
      }
      if (!WHISTLEABLE_INCIDENT_STATUSES.includes(incident.status)) {
        throw new ConflictException({
          message: `Cannot blow a whistle on an incident that is ${incident.status}; allowed when ${WHISTLEABLE_INCIDENT_STATUSES.join(', ')}`,
          currentStatus: incident.status,
          allowedActions: [],
        });
      }
      const at = new Date();
      const limits = await this.timerRules.limitsFor(dto.type, incident.priority, tx.manager);
      const whistle = Object.assign(new Whistle(), {
        id: randomUUID(),
        incidentId,
        streetId: incident.streetId,
        type: dto.type,
        note: dto.note ?? null,
        blownById: user.id,
        createdAt: at,
      });
      tx.write(`whistles:${whistle.id}`, (param) => insertWhistle(whistle, param));
      // 双报到: a tough-problem whistle also summons the district leaders paired with the street.
      const leaderIds =
        dto.type === 'tough' ? await this.users.pairedLeaderIds(incident.streetId, tx.manager) : [];
      tx.record({
        type: 'whistle.created',
        change: 'created',
        actorId: user.id,
        incidentId,
        // Not the departments' rooms: each summoned department hears of the whistle through its
        // own dispatch.created, which carries the whistle id; one message per officer, not two.
        rooms: [
          rooms.street(incident.streetId),
          rooms.district(incident.districtId),
          ...leaderIds.map(rooms.user),
        ],
        payload: { ...toWhistleSummary(whistle), departmentIds: dto.departmentIds },
      });
      const common = {
        incident,
        whistleId: whistle.id,
        direction: 'street_to_dept' as const,
        whistleType: dto.type,
        limits,
        createdById: user.id,
        at,
      };
      const opened = openDispatches(tx, [
        ...dto.departmentIds.map((departmentId) => ({
          ...common,
          assigneeKind: 'department' as const,
          departmentId,
          leaderUserId: null,
        })),
        ...leaderIds.map((leaderUserId) => ({
          ...common,
          assigneeKind: 'leader' as const,
          departmentId: null,
          leaderUserId,
        })),
      ]);
      const dispatches = opened.filter((d) => d.assigneeKind === 'department');
      const leaderDispatches = opened.filter((d) => d.assigneeKind === 'leader');
      const updated = await syncIncidentWithDispatches(tx, incident, user.id, {
        current: opened,
        summonedNow: opened,
      });
      return {
        ...toWhistleSummary(whistle),
        dispatches: dispatches.map((d) => toDispatchView(d, updated)),
        leaderDispatches: leaderDispatches.map((d) => toDispatchView(d, updated)),
      };
    });
  }
}

function insertWhistle(w: Whistle, param: SqlParam): string {
  return `INSERT INTO whistles (id, incident_id, street_id, type, note, blown_by_id, created_at)
    VALUES (${[w.id, w.incidentId, w.streetId, w.type, w.note, w.blownById, w.createdAt].map(param).join(', ')})`;
}
