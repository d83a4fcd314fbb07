import type { IncidentSource, Stage, WhistleType } from '@whistle/shared';

/** What the simulator did, counted as it goes and printed at exit. */
export class Stats {
  reported: Partial<Record<IncidentSource, number>> = {};
  registered = 0;
  incidentsRejected = 0;
  whistles: Record<WhistleType, number> = { enforcement: 0, key_work: 0, emergency: 0, tough: 0 };
  /** Dispatches opened by the simulator's whistles, to departments and to paired leaders. */
  dispatchesOpened = 0;
  leaderDispatches = 0;
  accepted = 0;
  dispatchesRejected = 0;
  arrived = 0;
  resolved = 0;
  /** Dispatches resolved at least once: the numerator of the resolved share. */
  readonly resolvedDispatchIds = new Set<string>();
  readonly rejectedDispatchIds = new Set<string>();
  readonly departmentsReportedIn = new Set<string>();
  lateOnPurpose: Record<Stage, number> = { accept: 0, arrive: 0, resolve: 0 };
  overdue: Record<Stage, number> = { accept: 0, arrive: 0, resolve: 0 };
  verifiedPassed = 0;
  verifiedFailed = 0;
  readonly ratings: number[] = [];
  closed = 0;
  tasksSent = 0;
  tasksAccepted = 0;
  tasksReturned = 0;
  conflicts = 0;
  errors = 0;
  reconnects = 0;
  /** Live events the bots' sockets received (after dropping replayed duplicates): what they acted on. */
  eventsReceived = 0;

  count(source: IncidentSource): void {
    this.reported[source] = (this.reported[source] ?? 0) + 1;
  }

  summary(realSeconds: number, simMinutes: number, departmentCount: number): string {
    const reported = Object.values(this.reported).reduce((s, n) => s + (n ?? 0), 0);
    const live = this.dispatchesOpened - this.rejectedDispatchIds.size;
    const share = live > 0 ? `${Math.round((100 * this.resolvedDispatchIds.size) / live)}%` : '—';
    const closedShare = this.registered > 0 ? `${Math.round((100 * this.closed) / this.registered)}%` : '—';
    const avg = this.ratings.length
      ? (this.ratings.reduce((s, n) => s + n, 0) / this.ratings.length).toFixed(2)
      : '—';
    const by = (r: Partial<Record<string, number>>) =>
      Object.entries(r)
        .map(([k, n]) => `${k} ${n ?? 0}`)
        .join(', ');
    return [
      `── simulation summary: ${Math.round(realSeconds)} s real ≈ ${(simMinutes / 60).toFixed(1)} h simulated ──`,
      `incidents   reported ${reported} (${by(this.reported)}); registered ${this.registered}, rejected 不予立案 ${this.incidentsRejected}`,
      `whistles    ${Object.values(this.whistles).reduce((s, n) => s + n, 0)} (${by(this.whistles)})`,
      `dispatches  opened ${this.dispatchesOpened} (+${this.leaderDispatches} to district leaders); accepted ${this.accepted}, rejected ${this.dispatchesRejected}, arrived 报到 ${this.arrived}, resolved ${this.resolved}`,
      `            departments reported in ${this.departmentsReportedIn.size}/${departmentCount}; late on purpose ${by(this.lateOnPurpose)}`,
      `overdue     notices seen ${this.overdue.accept + this.overdue.arrive + this.overdue.resolve} (${by(this.overdue)})`,
      `verify      passed ${this.verifiedPassed} (avg rating ${avg}), failed → reopened ${this.verifiedFailed}; incidents closed ${this.closed} (${closedShare} of registered)`,
      `tasks       sent down ${this.tasksSent}; accepted by streets ${this.tasksAccepted}, returned 退回 ${this.tasksReturned}`,
      `resolved    ${share} of the dispatches not rejected (${this.resolvedDispatchIds.size}/${live})`,
      `live        ${this.eventsReceived} events received; socket reconnects ${this.reconnects}`,
      `errors      ${this.errors} (409 races ${this.conflicts})`,
    ].join('\n');
  }
}
