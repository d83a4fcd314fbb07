import {
  DISPATCH_DRIVEN_STATUSES,
  DISPATCH_MACHINE,
  INCIDENT_MACHINE,
  WHISTLEABLE_INCIDENT_STATUSES,
  deriveIncidentStatus,
  findTransition,
  runningStage,
  type DispatchStatus,
  type IncidentStatus,
  type Stage,
  type StageLimits,
  type WhistleType,
} from '@whistle/shared';
import { ADMISSION_LISTS } from '../demo-data';
import { MINUTE } from './draw';
import { demoLimits } from './plan-limits';
import type { DispatchRef, HistoryPlan, PlannedIncident, Step } from './plan-types';

export interface PlannedDispatch {
  key: string;
  incident: string;
  kind: DispatchRef['kind'];
  departmentCode: string | null;
  whistleType: WhistleType;
  status: DispatchStatus;
  createdAt: number;
  /** When the running resolve clock started: the whistle, or the last failed check. */
  resolveFrom: number;
  limits: StageLimits;
  arrivedAt: number | null;
  rating: number | null;
  reopened: boolean;
  /** Stages whose notices the history holds. */
  noticedStages: Stage[];
}

export interface PlanOutcome {
  incidents: Map<string, IncidentStatus>;
  dispatches: Map<string, PlannedDispatch>;
  whistles: { key: string; incident: string; type: WhistleType }[];
}

export function refKey(ref: DispatchRef): string {
  switch (ref.kind) {
    case 'department':
      return `${ref.whistle}:${ref.departmentCode}`;
    case 'leader':
      return `${ref.whistle}:leader`;
    case 'task':
      return `${ref.incident}:task`;
  }
}

/**
 * Plays the plan through the shared state machines, exactly as the services will: the statuses
 * everything should end in, and an error naming the first step the services would refuse.
 */
export function simulatePlan(plan: HistoryPlan, limitsFor = demoLimits): PlanOutcome {
  const byKey = new Map(plan.incidents.map((i) => [i.key, i]));
  const incidents = new Map<string, IncidentStatus>();
  const dispatches = new Map<string, PlannedDispatch>();
  const whistles: PlanOutcome['whistles'] = [];
  const fail = (step: Step, why: string): never => {
    throw new Error(
      `plan step ${step.incident} ${step.action.kind} at ${new Date(step.at).toISOString()}: ${why}`,
    );
  };
  const statusOf = (step: Step): IncidentStatus =>
    incidents.get(step.incident) ?? fail(step, 'incident not created yet');
  const sync = (key: string) => {
    const status = incidents.get(key);
    if (!status || !(DISPATCH_DRIVEN_STATUSES as readonly string[]).includes(status)) return;
    const own = [...dispatches.values()].filter((d) => d.incident === key && d.kind !== 'leader');
    incidents.set(key, deriveIncidentStatus(own.map((d) => d.status)));
  };
  const open = (
    key: string,
    incident: PlannedIncident,
    kind: DispatchRef['kind'],
    code: string | null,
    type: WhistleType,
    at: number,
  ) =>
    dispatches.set(key, {
      key,
      incident: incident.key,
      kind,
      departmentCode: code,
      whistleType: type,
      status: 'pending',
      createdAt: at,
      resolveFrom: at,
      limits: limitsFor(type, incident.priority),
      arrivedAt: null,
      rating: null,
      reopened: false,
      noticedStages: [],
    });

  for (const step of plan.steps) {
    const incident = byKey.get(step.incident) ?? fail(step, 'unknown incident');
    const a = step.action;
    switch (a.kind) {
      case 'create':
        if (incidents.has(step.incident)) fail(step, 'created twice');
        if (incident.task) {
          incidents.set(step.incident, 'registered');
          open(
            refKey({ kind: 'task', incident: incident.key }),
            incident,
            'task',
            incident.task.departmentCode,
            incident.task.type,
            step.at,
          );
          sync(step.incident);
        } else {
          incidents.set(step.incident, 'reported');
        }
        break;
      case 'register':
      case 'reject':
      case 'close':
      case 'merge': {
        const t = findTransition(INCIDENT_MACHINE, statusOf(step), a.kind);
        if (!t) fail(step, `not allowed from ${statusOf(step)}`);
        if (a.kind === 'merge') {
          const into = incidents.get(a.into);
          if (!into || ['rejected', 'merged', 'closed'].includes(into))
            fail(step, `cannot merge into ${a.into} (${into})`);
          if (byKey.get(a.into)?.streetCode !== incident.streetCode) fail(step, 'merge across streets');
        }
        incidents.set(step.incident, t?.to ?? statusOf(step));
        break;
      }
      case 'whistle': {
        if (!WHISTLEABLE_INCIDENT_STATUSES.includes(statusOf(step)))
          fail(step, `cannot whistle when ${statusOf(step)}`);
        whistles.push({ key: a.whistle, incident: step.incident, type: a.type });
        for (const code of a.departmentCodes) {
          open(
            refKey({ kind: 'department', whistle: a.whistle, departmentCode: code }),
            incident,
            'department',
            code,
            a.type,
            step.at,
          );
        }
        if (a.type === 'tough')
          open(refKey({ kind: 'leader', whistle: a.whistle }), incident, 'leader', null, a.type, step.at);
        sync(step.incident);
        break;
      }
      case 'dispatch': {
        const d = dispatches.get(refKey(a.ref)) ?? fail(step, `no dispatch ${refKey(a.ref)}`);
        const t = findTransition(DISPATCH_MACHINE, d.status, a.act.action);
        if (!t) fail(step, `dispatch ${d.key} cannot ${a.act.action} when ${d.status}`);
        if (
          d.kind === 'task' &&
          a.act.action === 'reject' &&
          (ADMISSION_LISTS[incident.streetCode] ?? []).includes(incident.category)
        ) {
          fail(step, 'a task on the admission list cannot be returned');
        }
        d.status = t?.to ?? d.status;
        if (a.act.action === 'arrive') d.arrivedAt = step.at;
        if (a.act.action === 'reopen') {
          d.resolveFrom = step.at;
          d.reopened = true;
        }
        if (a.act.action === 'verify') d.rating = d.kind === 'department' ? a.act.rating : null;
        sync(step.incident);
        break;
      }
      case 'overdue': {
        const d = dispatches.get(refKey(a.ref)) ?? fail(step, `no dispatch ${refKey(a.ref)}`);
        if (runningStage(d.status) !== a.stage) fail(step, `notice for ${a.stage} when ${d.status}`);
        if (step.at < dueOf(d, a.stage)) fail(step, `notice for ${a.stage} before its deadline`);
        if (!d.noticedStages.includes(a.stage)) d.noticedStages.push(a.stage);
        break;
      }
    }
  }
  return { incidents, dispatches, whistles };
}

export function dueOf(d: PlannedDispatch, stage: Stage): number {
  switch (stage) {
    case 'accept':
      return d.createdAt + d.limits.accept * MINUTE;
    case 'arrive':
      return d.createdAt + d.limits.arrive * MINUTE;
    case 'resolve':
      return d.resolveFrom + d.limits.resolve * MINUTE;
  }
}

/** A dispatch whose running stage is past its deadline when the history ends. */
export function overdueAtEnd(d: PlannedDispatch, now: number): boolean {
  const stage = runningStage(d.status);
  return stage !== null && dueOf(d, stage) < now;
}
