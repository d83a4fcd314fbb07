import { OPEN_INCIDENT_STATUSES, runningStage, type DispatchView } from '@whistle/shared';

/** A 攻坚哨 the desk suggests: an incident whose departments missed a second stage. */
export interface ToughSuggestion {
  incidentId: string;
  title: string;
  streetId: string;
  /** The late departments, each once: the tough whistle summons them (and the paired leaders). */
  departmentIds: string[];
  /** The dispatches that missed two stages or more. */
  dispatchIds: string[];
}

const running = (d: DispatchView) => runningStage(d.status) !== null;

/**
 * The server marks a dispatch's second missed stage with escalation `suggest_tough_whistle`
 * (dispatches/overdue.service.ts); the desk reads the same fact from the dispatches themselves
 * (two stages missed, still running, not already a tough whistle), so a suggestion survives a
 * reload and goes away once a tough whistle is blown on the incident.
 */
export function toughSuggestions(dispatches: readonly DispatchView[]): ToughSuggestion[] {
  const toughOn = new Set(
    dispatches.filter((d) => d.whistleType === 'tough' && d.status !== 'cancelled').map((d) => d.incidentId),
  );
  const byIncident = new Map<string, ToughSuggestion>();
  for (const d of dispatches) {
    if (!running(d) || d.whistleType === 'tough' || d.overdueStages.length < 2) continue;
    if (d.direction !== 'street_to_dept' || d.departmentId === null || toughOn.has(d.incidentId)) continue;
    const entry = byIncident.get(d.incidentId) ?? {
      incidentId: d.incidentId,
      title: d.incident.title,
      streetId: d.streetId,
      departmentIds: [],
      dispatchIds: [],
    };
    if (!entry.departmentIds.includes(d.departmentId)) entry.departmentIds.push(d.departmentId);
    entry.dispatchIds.push(d.id);
    byIncident.set(d.incidentId, entry);
  }
  return [...byIncident.values()];
}

/** Whether the desk may escalate this dispatch to a 攻坚哨: a department's, late and still running. */
export function canEscalate(d: DispatchView): boolean {
  return (
    running(d) &&
    d.whistleType !== 'tough' &&
    d.direction === 'street_to_dept' &&
    d.departmentId !== null &&
    d.overdueStages.length > 0
  );
}

/** Whether 督办 applies: the dispatch still has a stage running. */
export const canSupervise = running;

/** Whether 改派 applies: a department's dispatch on a whistle that can still be cancelled. */
export function canReassign(d: DispatchView): boolean {
  return (
    d.direction === 'street_to_dept' &&
    d.assigneeKind === 'department' &&
    ['pending', 'accepted', 'arrived', 'reopened'].includes(d.status)
  );
}

/** Tasks the district command sent down to streets (a task sent down that names no department). */
export function isDistrictTask(d: DispatchView): boolean {
  return d.direction === 'dept_to_street' && d.departmentId === null;
}

export type OverdueFilter = 'all' | 'overdue' | 'on_time';

export interface DeskFilters {
  streetId: string;
  /** '' for every open status, or one status. */
  status: string;
  overdue: OverdueFilter;
}

export const OPEN_DISPATCH_STATUSES = ['pending', 'accepted', 'arrived', 'reopened', 'resolved'] as const;

/** The API query of the desk's list: open dispatches unless one status is picked, overdue first. */
export function deskQuery(filters: DeskFilters): Record<string, string | number | boolean> {
  return {
    sort: 'overdue_first',
    limit: 500,
    status: filters.status || OPEN_DISPATCH_STATUSES.join(','),
    ...(filters.streetId ? { streetId: filters.streetId } : {}),
    ...(filters.overdue === 'all' ? {} : { overdue: filters.overdue === 'overdue' }),
  };
}

/**
 * The API query of the desk's incident list: every street's open incidents unless one status is
 * picked; those with an overdue dispatch first, then those waiting for a whistle, oldest first.
 */
export function deskIncidentQuery(filters: DeskFilters): Record<string, string | number | boolean> {
  return {
    sort: 'overdue_first',
    limit: 500,
    status: filters.status || OPEN_INCIDENT_STATUSES.join(','),
    ...(filters.streetId ? { streetId: filters.streetId } : {}),
    ...(filters.overdue === 'all' ? {} : { overdue: filters.overdue === 'overdue' }),
  };
}
