import {
  dueAt,
  nextDispatchStatus,
  runningStage,
  type DeadlineOverduePayload,
  type DispatchAction,
  type DispatchStatus,
  type DispatchView,
  type IncidentView,
  type LiveEventType,
  type StageLimits,
} from '@whistle/shared';
import { MINUTE } from './draw';

export interface IncidentTimes {
  createdAt: number;
  updatedAt: number;
  registeredAt: number | null;
  closedAt: number | null;
}

export interface DispatchTimes {
  status: DispatchStatus;
  limits: StageLimits;
  createdAt: number;
  updatedAt: number;
  acceptBy: number;
  arriveBy: number;
  resolveBy: number;
  acceptedAt: number | null;
  arrivedAt: number | null;
  resolvedAt: number | null;
  verifiedAt: number | null;
  closedAt: number | null;
  lastOverdueAt: number | null;
}

/** An event as the runner reads it back right after the step that recorded it. */
export interface RecordedEvent {
  id: string;
  type: LiveEventType;
  incidentId: string | null;
  dispatchId: string | null;
  payload: Record<string, unknown>;
}

export interface RewrittenEvent {
  id: string;
  occurredAt: number;
  payload: Record<string, unknown>;
}

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * Every timestamp of the history in history time. The services stamp "now"; this keeps, beside
 * each row they write, the time the plan says it happened, stamping the same fields the services
 * stamp on the same actions. Payloads are snapshots, so each event's payload is rewritten as soon
 * as its step has run, from the times as they stand at that step.
 */
export class HistoryTimes {
  readonly incidents = new Map<string, IncidentTimes>();
  readonly dispatches = new Map<string, DispatchTimes>();
  readonly whistles = new Map<string, number>();
  /** Rating time by dispatch id. */
  readonly ratings = new Map<string, number>();
  readonly events: RewrittenEvent[] = [];

  incidentCreated(id: string, at: number, registered: boolean): void {
    this.incidents.set(id, {
      createdAt: at,
      updatedAt: at,
      registeredAt: registered ? at : null,
      closedAt: null,
    });
  }

  incidentRegistered(id: string, at: number): void {
    this.incident(id).registeredAt = at;
  }

  incidentClosed(id: string, at: number): void {
    this.incident(id).closedAt = at;
  }

  whistleBlown(id: string, at: number): void {
    this.whistles.set(id, at);
  }

  /** A dispatch opens with its three deadlines counted from its creation, as openDispatch does. */
  dispatchOpened(id: string, at: number, limits: StageLimits): void {
    this.dispatches.set(id, {
      status: 'pending',
      limits,
      createdAt: at,
      updatedAt: at,
      acceptBy: at + limits.accept * MINUTE,
      arriveBy: at + limits.arrive * MINUTE,
      resolveBy: at + limits.resolve * MINUTE,
      acceptedAt: null,
      arrivedAt: null,
      resolvedAt: null,
      verifiedAt: null,
      closedAt: null,
      lastOverdueAt: null,
    });
  }

  /** Mirrors what DispatchesService stamps for each action. */
  dispatchActed(id: string, action: DispatchAction, at: number, rated: boolean): void {
    const d = this.dispatch(id);
    const before = d.status;
    const after = nextDispatchStatus(before, action);
    if (!after) throw new Error(`dispatch ${id}: ${action} is not allowed from ${before}`);
    switch (action) {
      case 'accept':
        d.acceptedAt = at;
        break;
      case 'reject':
      case 'cancel':
        d.closedAt = at;
        break;
      case 'arrive':
        d.arrivedAt = at;
        break;
      case 'resolve':
        d.resolvedAt = at;
        break;
      case 'reopen':
        d.resolvedAt = null;
        d.resolveBy = at + d.limits.resolve * MINUTE;
        break;
      case 'verify':
        d.verifiedAt = at;
        d.closedAt = at;
        if (rated) this.ratings.set(id, at);
        break;
    }
    if (runningStage(after) !== runningStage(before) || action === 'reopen') d.lastOverdueAt = null;
    d.status = after;
  }

  overdueNoticed(id: string, at: number): void {
    this.dispatch(id).lastOverdueAt = at;
  }

  /**
   * The events one step recorded: each gets the step's time (a millisecond apart, so they stay in
   * id order), touches the rows it reports on, and has its payload's times replaced.
   */
  stepRecorded(events: readonly RecordedEvent[], at: number): void {
    events.forEach((event, i) => {
      if (event.type.startsWith('incident.') && event.incidentId)
        this.incident(event.incidentId).updatedAt = at;
      if (event.dispatchId) this.dispatch(event.dispatchId).updatedAt = at;
      this.events.push({ id: event.id, occurredAt: at + i, payload: this.payloadOf(event, at) });
    });
  }

  private payloadOf(event: RecordedEvent, at: number): Record<string, unknown> {
    const payload = { ...event.payload };
    switch (event.type) {
      case 'incident.created':
      case 'incident.updated': {
        const p = payload as unknown as IncidentView;
        p.createdAt = iso(this.incident(p.id).createdAt);
        // An incident event is recorded as its row is saved.
        p.updatedAt = iso(at);
        return payload;
      }
      case 'whistle.created': {
        const p = payload as unknown as { id: string; createdAt: string };
        p.createdAt = iso(this.whistles.get(p.id) ?? at);
        return payload;
      }
      case 'dispatch.created':
      case 'dispatch.updated': {
        const p = payload as unknown as DispatchView;
        const d = this.dispatch(p.id);
        p.createdAt = iso(d.createdAt);
        p.updatedAt = iso(at);
        p.acceptBy = iso(d.acceptBy);
        p.arriveBy = iso(d.arriveBy);
        p.resolveBy = iso(d.resolveBy);
        // Snapshots keep their own blanks; a time the service set must be one the history knows.
        const stamp = (field: string, value: string | null, known: number | null): string | null => {
          if (value === null) return null;
          if (known === null)
            throw new Error(`dispatch ${p.id}: ${field} set by the service but not by the history`);
          return iso(known);
        };
        p.acceptedAt = stamp('acceptedAt', p.acceptedAt, d.acceptedAt);
        p.arrivedAt = stamp('arrivedAt', p.arrivedAt, d.arrivedAt);
        p.resolvedAt = stamp('resolvedAt', p.resolvedAt, d.resolvedAt);
        p.verifiedAt = stamp('verifiedAt', p.verifiedAt, d.verifiedAt);
        p.lastOverdueAt = stamp('lastOverdueAt', p.lastOverdueAt, d.lastOverdueAt);
        return payload;
      }
      case 'deadline.overdue': {
        const p = payload as unknown as DeadlineOverduePayload;
        p.dueAt = iso(dueAt(this.dispatch(p.dispatchId), p.stage));
        return payload;
      }
      case 'metrics.updated':
        return payload;
    }
  }

  private incident(id: string): IncidentTimes {
    const t = this.incidents.get(id);
    if (!t) throw new Error(`incident ${id} is not part of the history`);
    return t;
  }

  private dispatch(id: string): DispatchTimes {
    const t = this.dispatches.get(id);
    if (!t) throw new Error(`dispatch ${id} is not part of the history`);
    return t;
  }
}
