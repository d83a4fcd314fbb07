import {
  between,
  chance,
  DISPATCH_REJECT_REASONS,
  LEADER_RESOLUTIONS,
  pick,
  resolutionsOf,
  taskResolutionOf,
} from '@whistle/demo';
import { WHISTLE_TYPE_NAMES, type DispatchView, type Stage, type StageLimits } from '@whistle/shared';
import type { Sim } from './context';
import { planDispatch, stageDelayMs, WORK_MINUTES, type DispatchPlan } from './timing';
import type { Actor } from './world';

/** Who does the work: a department, a district leader (攻坚哨 双报到) or a street on a task sent down. */
export type AssigneeRole = 'department' | 'leader' | 'street';

export interface WorkOptions {
  canReject: boolean;
  role: AssigneeRole;
}

const MINUTE = 60_000;

/** The stage limits the dispatch was given, in minutes, read back from its deadlines. */
function limitsOf(d: DispatchView): StageLimits {
  const from = Date.parse(d.createdAt);
  const minutes = (at: string) => (Date.parse(at) - from) / MINUTE;
  return { accept: minutes(d.acceptBy), arrive: minutes(d.arriveBy), resolve: minutes(d.resolveBy) };
}

function who(sim: Sim, actor: Actor, role: AssigneeRole): string {
  if (role === 'leader') return actor.user.displayName.replace(/（.*）$/, '');
  if (role === 'street') return sim.streetName(actor.user.streetId ?? '');
  return sim.deptName(actor.user.departmentId);
}

/**
 * Plays the assignee of a new dispatch: accept (or now and then reject with a reason), arrive
 * (报到) and resolve, each after a realistic delay; a few run deliberately past a short deadline.
 */
export function workOn(sim: Sim, actor: Actor, d: DispatchView, opts: WorkOptions): void {
  const plan = planDispatch(sim.rng, d.whistleType, limitsOf(d), sim.opts.lateShare);
  const rejects = opts.canReject && chance(sim.rng, 0.06);
  const delay = delayFor(sim, plan, 'accept', d.acceptBy);
  sim.scheduler.after(delay, 'accept', async () => {
    if (rejects) {
      const reason = pick(sim.rng, DISPATCH_REJECT_REASONS);
      const done = await sim.act('reject dispatch', () =>
        actor.api.post<DispatchView>(`/api/dispatches/${d.id}/reject`, { reason }),
      );
      if (!done) return;
      sim.stats.dispatchesRejected++;
      sim.stats.rejectedDispatchIds.add(d.id);
      sim.log.info(`${who(sim, actor, opts.role)} 拒单 · ${d.incident.title} — ${reason}`);
      return;
    }
    const accepted = await sim.act('accept', () =>
      actor.api.post<DispatchView>(`/api/dispatches/${d.id}/accept`),
    );
    if (!accepted) return;
    if (opts.role === 'street') sim.stats.tasksAccepted++;
    else sim.stats.accepted++;
    const lateNote = plan.late === 'accept' ? '（超时）' : '';
    sim.log.info(
      `${who(sim, actor, opts.role)} 接单${lateNote} · ${WHISTLE_TYPE_NAMES[d.whistleType].nameZh} · ${sim.streetName(d.streetId)} · ${d.incident.title}`,
    );
    sim.scheduler.after(delayFor(sim, plan, 'arrive', d.arriveBy), 'arrive', () =>
      arrive(sim, actor, d, plan, opts),
    );
  });
}

async function arrive(
  sim: Sim,
  actor: Actor,
  d: DispatchView,
  plan: DispatchPlan,
  opts: WorkOptions,
): Promise<void> {
  // Officers report in from the scene: a few metres from the incident.
  const location = {
    lng: d.incident.location.lng + between(sim.rng, -0.0002, 0.0002),
    lat: d.incident.location.lat + between(sim.rng, -0.0002, 0.0002),
  };
  const arrived = await sim.act('arrive', () =>
    actor.api.post<DispatchView>(`/api/dispatches/${d.id}/arrive`, { location }),
  );
  if (!arrived) return;
  if (opts.role !== 'street') sim.stats.arrived++;
  if (opts.role === 'department' && d.departmentId) sim.stats.departmentsReportedIn.add(d.departmentId);
  const lateNote = plan.late === 'arrive' ? '（超时）' : '';
  sim.log.info(
    `${who(sim, actor, opts.role)} 已报到${lateNote} · ${sim.streetName(d.streetId)} · ${d.incident.title}`,
  );
  sim.scheduler.after(delayFor(sim, plan, 'resolve', d.resolveBy), 'resolve', () =>
    resolve(sim, actor, d, opts),
  );
}

/** Resolves a dispatch; also what happens again after a failed verification (reopened). */
export async function resolve(sim: Sim, actor: Actor, d: DispatchView, opts: WorkOptions): Promise<void> {
  const note =
    opts.role === 'leader'
      ? pick(sim.rng, LEADER_RESOLUTIONS)
      : opts.role === 'street'
        ? taskResolutionOf(d.incident.category)
        : pick(
            sim.rng,
            sim.incidents.get(d.incidentId)?.scenario?.resolutions ?? resolutionsOf(d.incident.category),
          );
  const resolved = await sim.act('resolve', () =>
    actor.api.post<DispatchView>(`/api/dispatches/${d.id}/resolve`, { note }),
  );
  if (!resolved) return;
  if (opts.role !== 'street') {
    sim.stats.resolved++;
    if (sim.dispatches.has(d.id)) sim.stats.resolvedDispatchIds.add(d.id);
  }
  sim.log.info(`${who(sim, actor, opts.role)} 办结 · ${d.incident.title} — ${note}`);
}

/** After a failed check the resolve clock restarts: the assignee fixes it again in a few hours. */
export function redo(sim: Sim, actor: Actor, d: DispatchView, opts: WorkOptions): void {
  const [min, max] = WORK_MINUTES[d.whistleType].resolve;
  const delay = stageDelayMs({
    plannedSimMinutes: between(sim.rng, min / 2, max / 2),
    compression: sim.opts.compression,
    dueAtMs: Date.parse(d.resolveBy),
    nowMs: Date.now(),
    late: false,
    lateMarginMs: 0,
  });
  sim.scheduler.after(delay, 'resolve again', () => resolve(sim, actor, d, opts));
}

/** Real ms until the stage is done: the plan's work, measured from now, against the stage's deadline. */
function delayFor(sim: Sim, plan: DispatchPlan, stage: Stage, dueAt: string): number {
  const late = plan.late === stage;
  if (late) sim.stats.lateOnPurpose[stage]++;
  return stageDelayMs({
    plannedSimMinutes: plan.work[stage],
    compression: sim.opts.compression,
    dueAtMs: Date.parse(dueAt),
    nowMs: Date.now(),
    late,
    // Past the deadline by 15–45 s, so the server's overdue notice goes out before the bot acts.
    lateMarginMs: between(sim.rng, 15_000, 45_000),
  });
}
