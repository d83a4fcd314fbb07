import type { DispatchView, LngLat, Stage, StageLimits } from '@whistle/shared';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '@whistle/server/dist/access/auth-user';
import type { OverdueService } from '@whistle/server/dist/dispatches/overdue.service';
import type { DispatchesService } from '@whistle/server/dist/dispatches/dispatches.service';
import type { TasksService } from '@whistle/server/dist/dispatches/tasks.service';
import type { IncidentsService } from '@whistle/server/dist/incidents/incidents.service';
import type { WhistlesService } from '@whistle/server/dist/whistles/whistles.service';
import { departmentAccount, DISTRICT_OPERATOR_ACCOUNT, gridWorkerAccount, streetAccount } from '../../world';
import { DAY, MINUTE } from './draw';
import { HistoryTimes, type RecordedEvent } from './history-times';
import { demoLimits } from './plan-limits';
import { refKey } from './plan-outcome';
import type { DispatchAct, DispatchRef, HistoryPlan, PlannedIncident, Step, StepAction } from './plan-types';
import type { DemoWorld } from './world';

export interface HistoryServices {
  incidents: IncidentsService;
  whistles: WhistlesService;
  dispatches: DispatchesService;
  tasks: TasksService;
  overdue: OverdueService;
}

/** Far more events than any one call records (a whistle on three departments records about eight). */
const STEP_EVENTS_MAX = 500;

interface OpenedDispatch {
  id: string;
  /** The district leader a tough whistle summoned, who acts on their own dispatch. */
  leaderUserId: string | null;
}

/**
 * Replays a plan through the real services, as the people of the demo: each step is one call a
 * user (or the deadline worker) makes, in time order across the district, so event ids follow
 * history time. After each step it reads back the events the step recorded (the seed being the
 * database's only writer), so their times and payloads can be moved to the planned time.
 */
export class HistoryRunner {
  readonly times = new HistoryTimes();
  /** Ids by plan key, for the checks after the run. */
  readonly incidentIds = new Map<string, string>();
  readonly dispatchIds = new Map<string, OpenedDispatch[]>();
  private readonly points = new Map<string, LngLat>();
  private readonly plannedByKey: Map<string, PlannedIncident>;
  private lastEventId = '0';
  /**
   * The clock handed to the deadline worker's firing: past every real deadline of the run, so a
   * notice the plan says was sent is sent, one repeat interval apart as the worker spaces them.
   */
  private readonly workerClock = Date.now() + 60 * DAY;

  constructor(
    private readonly db: DataSource,
    private readonly world: DemoWorld,
    private readonly services: HistoryServices,
    private readonly plan: HistoryPlan,
    private readonly repeatSeconds: number,
  ) {
    this.plannedByKey = new Map(plan.incidents.map((i) => [i.key, i]));
  }

  async run(): Promise<void> {
    const [row] = await this.db.query<{ last: string }[]>(
      'SELECT COALESCE(max(id), 0)::text AS last FROM events',
    );
    this.lastEventId = row?.last ?? '0';
    for (const step of this.plan.steps) {
      try {
        await this.perform(step);
      } catch (err) {
        const why = err instanceof Error ? err.message : String(err);
        throw new Error(`history step ${step.incident} ${describe(step.action)} failed: ${why}`, {
          cause: err,
        });
      }
      this.times.stepRecorded(await this.newEvents(), step.at);
    }
  }

  private async perform(step: Step): Promise<void> {
    const incident = this.planned(step.incident);
    const street = this.world.user(streetAccount(incident.streetCode));
    const a = step.action;
    switch (a.kind) {
      case 'create':
        return this.create(incident, step.at);
      case 'register':
        await this.services.incidents.register(street, this.incidentId(step.incident));
        this.times.incidentRegistered(this.incidentId(step.incident), step.at);
        return;
      case 'reject':
        await this.services.incidents.reject(street, this.incidentId(step.incident), a.reason);
        return;
      case 'merge':
        await this.services.incidents.merge(street, this.incidentId(step.incident), this.incidentId(a.into));
        return;
      case 'close':
        await this.services.incidents.close(street, this.incidentId(step.incident));
        this.times.incidentClosed(this.incidentId(step.incident), step.at);
        return;
      case 'whistle': {
        const whistle = await this.services.whistles.blow(street, this.incidentId(step.incident), {
          type: a.type,
          departmentIds: a.departmentCodes.map((code) => this.world.departmentId(code)),
          note: a.note,
        });
        this.times.whistleBlown(whistle.id, step.at);
        for (const d of [...whistle.dispatches, ...whistle.leaderDispatches]) {
          checkLimits(d, demoLimits(a.type, incident.priority));
        }
        for (const d of whistle.dispatches) {
          const code = this.world.departmentCode(d.departmentId ?? '');
          this.opened({ kind: 'department', whistle: a.whistle, departmentCode: code }, d, step.at);
        }
        for (const d of whistle.leaderDispatches)
          this.opened({ kind: 'leader', whistle: a.whistle }, d, step.at);
        return;
      }
      case 'dispatch':
        for (const d of this.dispatchesOf(a.ref)) await this.act(incident, a.ref, d, a.act, step.at);
        return;
      case 'overdue':
        for (const d of this.dispatchesOf(a.ref)) await this.notice(d.id, a.stage, a.notice, step.at);
        return;
    }
  }

  private async create(incident: PlannedIncident, at: number): Promise<void> {
    const reporter = this.reporterOf(incident);
    const location = incident.near
      ? this.world.near(this.point(incident.near), incident.key)
      : this.world.pointIn(
          incident.streetCode,
          incident.source === 'grid_worker' ? reporter : null,
          incident.spot,
        );
    this.points.set(incident.key, location);
    const common = {
      title: incident.title,
      description: incident.description,
      category: incident.category,
      priority: incident.priority,
      location,
    };
    if (incident.task) {
      const sender = this.world.user(reporter);
      const view = await this.services.tasks.send(sender, {
        ...common,
        streetId: this.world.streetId(incident.streetCode),
        type: incident.task.type,
      });
      checkLimits(view, demoLimits(incident.task.type, incident.priority));
      this.incidentIds.set(incident.key, view.incidentId);
      this.times.incidentCreated(view.incidentId, at, true);
      this.opened({ kind: 'task', incident: incident.key }, view, at);
      return;
    }
    if (incident.source === 'department') throw new Error('a department report must be planned as a task');
    const view = await this.services.incidents.create(this.world.user(reporter), {
      ...common,
      source: incident.source,
    });
    this.incidentIds.set(incident.key, view.id);
    this.times.incidentCreated(view.id, at, false);
  }

  /** Who files the report: the grid worker, the district's 12345 desk, the street centre, or the department. */
  private reporterOf(incident: PlannedIncident): string {
    switch (incident.source) {
      case 'grid_worker':
        return gridWorkerAccount(incident.streetCode, incident.reporter ?? 1);
      case 'hotline_12345':
        return DISTRICT_OPERATOR_ACCOUNT;
      case 'operator':
      case 'video':
        return streetAccount(incident.streetCode);
      case 'department':
        return departmentAccount(incident.task?.departmentCode ?? '');
    }
  }

  private async act(
    incident: PlannedIncident,
    ref: DispatchRef,
    d: OpenedDispatch,
    act: DispatchAct,
    at: number,
  ): Promise<void> {
    const user = this.actorOf(incident, ref, d, act);
    const s = this.services.dispatches;
    switch (act.action) {
      case 'accept':
        await s.accept(user, d.id);
        break;
      case 'reject':
        await s.reject(user, d.id, act.reason);
        break;
      case 'arrive':
        await s.arrive(user, d.id, {
          location: this.world.near(this.point(incident.key), `${incident.key}:${refKey(ref)}:arrive`),
        });
        break;
      case 'resolve':
        await s.resolve(user, d.id, act.note);
        break;
      case 'reopen':
        await s.verify(user, d.id, { passed: false, reason: act.reason });
        break;
      case 'verify':
        // The API requires a rating with every pass; the service keeps it only for departments.
        await s.verify(user, d.id, {
          passed: true,
          rating: act.rating,
          ...(act.comment === null ? {} : { comment: act.comment }),
        });
        break;
    }
    this.times.dispatchActed(d.id, act.action, at, ref.kind === 'department');
  }

  /**
   * The assignee works the dispatch (the department, the summoned leader, or the street for a
   * task); the requester checks it (the street, or the department that sent the task down).
   */
  private actorOf(
    incident: PlannedIncident,
    ref: DispatchRef,
    d: OpenedDispatch,
    act: DispatchAct,
  ): AuthUser {
    const checking = act.action === 'verify' || act.action === 'reopen';
    const street = this.world.user(streetAccount(incident.streetCode));
    switch (ref.kind) {
      case 'department':
        return checking ? street : this.world.user(departmentAccount(ref.departmentCode));
      case 'leader':
        return checking ? street : this.world.userById(d.leaderUserId ?? '');
      case 'task':
        return checking ? this.world.user(departmentAccount(incident.task?.departmentCode ?? '')) : street;
    }
  }

  /** The deadline worker's n-th notice, fired through its own service on the worker's clock. */
  private async notice(id: string, stage: Stage, notice: number, at: number): Promise<void> {
    const clock = new Date(this.workerClock + (notice - 1) * this.repeatSeconds * 1000);
    const outcome = await this.services.overdue.fire(id, stage, clock);
    if (outcome.kind !== 'notified' || outcome.notice !== notice) {
      throw new Error(`expected overdue notice ${notice} for ${stage}, got ${JSON.stringify(outcome)}`);
    }
    this.times.overdueNoticed(id, at);
  }

  private opened(ref: DispatchRef, view: DispatchView, at: number): void {
    const key = refKey(ref);
    this.dispatchIds.set(key, [
      ...(this.dispatchIds.get(key) ?? []),
      { id: view.id, leaderUserId: view.leaderUserId },
    ]);
    this.times.dispatchOpened(view.id, at, limitsOf(view));
  }

  private dispatchesOf(ref: DispatchRef): OpenedDispatch[] {
    const found = this.dispatchIds.get(refKey(ref));
    if (!found?.length) throw new Error(`no dispatch for ${refKey(ref)}`);
    return found;
  }

  private async newEvents(): Promise<RecordedEvent[]> {
    const rows = await this.db.query<
      {
        id: string;
        type: RecordedEvent['type'];
        incident_id: string | null;
        dispatch_id: string | null;
        payload: Record<string, unknown>;
      }[]
    >(
      // Ordered by the bigint column, not the text the ids travel as; the limit keeps the planner
      // on the primary key while the table's statistics still describe an empty table.
      `SELECT e.id::text AS id, e.type, e.incident_id, e.dispatch_id, e.payload
       FROM events e WHERE e.id > $1::bigint ORDER BY e.id LIMIT ${STEP_EVENTS_MAX}`,
      [this.lastEventId],
    );
    if (rows.length === STEP_EVENTS_MAX) throw new Error('a single step recorded implausibly many events');
    const last = rows[rows.length - 1];
    if (last) this.lastEventId = last.id;
    return rows.map((r) => ({
      id: r.id,
      type: r.type,
      incidentId: r.incident_id,
      dispatchId: r.dispatch_id,
      payload: r.payload,
    }));
  }

  private planned(key: string): PlannedIncident {
    const incident = this.plannedByKey.get(key);
    if (!incident) throw new Error(`incident ${key} is not in the plan`);
    return incident;
  }

  private incidentId(key: string): string {
    const id = this.incidentIds.get(key);
    if (!id) throw new Error(`incident ${key} has not been created`);
    return id;
  }

  private point(key: string): LngLat {
    const point = this.points.get(key);
    if (!point) throw new Error(`incident ${key} has no location yet`);
    return point;
  }
}

/** The limits the service applied, read off the deadlines it set (the history re-counts from the planned time). */
function limitsOf(view: DispatchView): StageLimits {
  const created = Date.parse(view.createdAt);
  const minutes = (iso: string) => Math.round((Date.parse(iso) - created) / MINUTE);
  return { accept: minutes(view.acceptBy), arrive: minutes(view.arriveBy), resolve: minutes(view.resolveBy) };
}

/**
 * The plan timed its overdue notices with the demo's timer rules; a database whose rules differ
 * (edited after seeding) would get notices the deadlines do not justify.
 */
function checkLimits(view: DispatchView, planned: StageLimits): void {
  const used = limitsOf(view);
  if (used.accept !== planned.accept || used.arrive !== planned.arrive || used.resolve !== planned.resolve) {
    throw new Error(
      `timer rules differ from the demo's (${JSON.stringify(used)} vs ${JSON.stringify(planned)}); seed with --reset`,
    );
  }
}

function describe(action: StepAction): string {
  switch (action.kind) {
    case 'dispatch':
      return `${action.act.action} ${refKey(action.ref)}`;
    case 'overdue':
      return `overdue ${action.stage} #${action.notice} ${refKey(action.ref)}`;
    case 'whistle':
      return `whistle ${action.whistle}`;
    case 'create':
    case 'register':
    case 'reject':
    case 'merge':
    case 'close':
      return action.kind;
  }
}
