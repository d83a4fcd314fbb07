import { ForbiddenException, Injectable } from '@nestjs/common';
import type { DispatchView } from '@whistle/shared';
import type { AuthUser } from '../access/auth-user';
import { unprocessable } from '../common/errors';
import { TimerRulesService } from '../timer-rules/timer-rules.service';
import { ChangeRecorder } from '../events/change-recorder.service';
import { GridsService } from '../grids/grids.service';
import { syncIncidentWithDispatches } from './incident-sync';
import { raiseIncident } from '../incidents/raise-incident';
import { dispatchActionsForUser } from './dispatch-parties';
import { toDispatchView } from './dispatch-view';
import type { SendTaskDto } from './dto/dispatch-actions.dto';
import { openDispatches } from './open-dispatch';

/**
 * Two-way dispatch (街道与部门双向派单): a department — or the district command (区→街道) — sends a
 * task down to a street. The task is an incident of the street (source `department` or `district`,
 * already registered) with one dispatch whose assignee is the street; the street accepts it, or
 * returns it when it is not on its admission list.
 */
@Injectable()
export class TasksService {
  constructor(
    private readonly recorder: ChangeRecorder,
    private readonly grids: GridsService,
    private readonly timerRules: TimerRulesService,
  ) {}

  async send(user: AuthUser, dto: SendTaskDto): Promise<DispatchView> {
    // A department's task names the department; the district command's (区→街道) names none: its
    // requester is the district command itself (see partiesOf in dispatch-parties.ts).
    const fromDistrict = user.role === 'district_operator';
    if (!fromDistrict && !user.departmentId) {
      throw new ForbiddenException('Only a department or the district command may send a task down');
    }
    const departmentId = fromDistrict ? null : (user.departmentId ?? null);
    const grid = this.grids.locateOrFail(dto.location);
    if (grid.streetId !== dto.streetId) {
      throw unprocessable('The location is not in the street the task is sent to', {
        location: ['is outside the street given by streetId'],
      });
    }
    const type = dto.type ?? 'key_work';
    const limits = await this.timerRules.limitsFor(type, dto.priority);
    return this.recorder.run(async (tx) => {
      const at = new Date();
      const incident = await raiseIncident(tx, {
        ...dto,
        source: fromDistrict ? 'district' : 'department',
        grid,
        reportedById: user.id,
        registeredAt: at,
      });
      const [d] = openDispatches(tx, [
        {
          incident,
          whistleId: null,
          direction: 'dept_to_street',
          assigneeKind: 'street',
          departmentId,
          leaderUserId: null,
          whistleType: type,
          limits,
          createdById: user.id,
          at,
        },
      ]);
      if (!d) throw new Error('task dispatch was not opened');
      const updated = await syncIncidentWithDispatches(tx, incident, user.id, { current: [d] });
      return toDispatchView(d, updated, dispatchActionsForUser(user, d));
    });
  }
}
