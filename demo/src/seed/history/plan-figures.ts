import { OPEN_INCIDENT_STATUSES, WHISTLE_TYPES, type WhistleType } from '@whistle/shared';
import { overdueAtEnd, simulatePlan } from './plan-outcome';
import type { HistoryPlan } from './plan-types';

/** The plan's shape in numbers: what the spec checks and what the history is meant to show. */
export interface PlanFigures {
  incidents: number;
  /** Ever registered (立案), including tasks, which arrive registered. */
  registered: number;
  rejected: number;
  merged: number;
  whistles: number;
  whistleTypes: Record<WhistleType, number>;
  whistledIncidents: number;
  /** Whistled incidents that ended verified or closed. */
  whistledVerified: number;
  open: number;
  departmentDispatches: number;
  departmentRejects: number;
  reopened: number;
  /** Distinct departments that arrived (报到) at least once. */
  departmentsReportedIn: number;
  ratings: Record<number, number>;
  overdueOpen: number;
  notices: number;
  tasksAccepted: number;
  tasksReturned: number;
  sources: Record<string, number>;
  priorities: Record<string, number>;
  streets: number;
}

export function planFigures(plan: HistoryPlan): PlanFigures {
  const outcome = simulatePlan(plan);
  const statuses = [...outcome.incidents.values()];
  const dispatches = [...outcome.dispatches.values()];
  const departments = dispatches.filter((d) => d.kind === 'department');
  const whistled = new Set(outcome.whistles.map((w) => w.incident));
  const count = <T extends string | number>(items: readonly T[]) => {
    const out = {} as Record<T, number>;
    for (const item of items) out[item] = (out[item] ?? 0) + 1;
    return out;
  };
  const registeredKeys = new Set(
    plan.steps.filter((s) => s.action.kind === 'register').map((s) => s.incident),
  );
  for (const i of plan.incidents) if (i.task) registeredKeys.add(i.key);
  const tasks = dispatches.filter((d) => d.kind === 'task');
  return {
    incidents: plan.incidents.length,
    registered: registeredKeys.size,
    rejected: statuses.filter((s) => s === 'rejected').length,
    merged: statuses.filter((s) => s === 'merged').length,
    whistles: outcome.whistles.length,
    whistleTypes: Object.fromEntries(
      WHISTLE_TYPES.map((t) => [t, outcome.whistles.filter((w) => w.type === t).length]),
    ) as Record<WhistleType, number>,
    whistledIncidents: whistled.size,
    whistledVerified: [...whistled].filter((k) =>
      ['verified', 'closed'].includes(outcome.incidents.get(k) ?? ''),
    ).length,
    open: statuses.filter((s) => OPEN_INCIDENT_STATUSES.includes(s)).length,
    departmentDispatches: departments.length,
    departmentRejects: departments.filter((d) => d.status === 'rejected').length,
    reopened: dispatches.filter((d) => d.reopened).length,
    departmentsReportedIn: new Set(
      departments.filter((d) => d.arrivedAt !== null).map((d) => d.departmentCode),
    ).size,
    ratings: count(departments.flatMap((d) => (d.rating === null ? [] : [d.rating]))),
    overdueOpen: dispatches.filter((d) => overdueAtEnd(d, plan.now)).length,
    notices: plan.steps.filter((s) => s.action.kind === 'overdue').length,
    tasksAccepted: tasks.filter((d) => d.status !== 'rejected' && d.status !== 'pending').length,
    tasksReturned: tasks.filter((d) => d.status === 'rejected').length,
    sources: count(plan.incidents.map((i) => i.source)),
    priorities: count(plan.incidents.map((i) => i.priority)),
    streets: new Set(plan.incidents.map((i) => i.streetCode)).size,
  };
}
