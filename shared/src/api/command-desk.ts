import type { DispatchView, IncidentView, IsoTime } from './views';

/**
 * Contracts of the district command desk (区指挥中心工作台): 督办, reassigning a dispatch, the
 * standing register (挂账) and its review reminders.
 */

/** 督办: a supervising note from the district to the department of an open dispatch. */
export interface SuperviseDispatchRequest {
  note: string;
}

/** What a 督办 answers with; the note is recorded as a `dispatch.updated` event (change `supervise`). */
export interface SupervisionView {
  dispatchId: string;
  note: string;
  supervisedAt: IsoTime;
  supervisedById: string;
}

/** 改派: cancel this dispatch and open one for another department on the same incident and whistle. */
export interface ReassignDispatchRequest {
  departmentId: string;
  reason?: string;
}

export interface ReassignedDispatchView {
  /** The dispatch that was cancelled (status `cancelled`). */
  cancelled: DispatchView;
  /** The new dispatch, pending, with fresh stage deadlines from the timer rules. */
  opened: DispatchView;
}

/** Taking an incident off the standing register (销账). */
export interface RemoveStandingRequest {
  reason: string;
}

/** One row of the standing register (挂账台账). */
export interface StandingEntryView {
  incident: IncidentView;
  /** The review date (YYYY-MM-DD, China time) has come. */
  reviewDue: boolean;
  /** The review date on which the reminder fired, if it has (it fires once per review date). */
  remindedOn: string | null;
}

export const DISPATCH_LIST_SORTS = ['newest', 'overdue_first'] as const;
export type DispatchListSort = (typeof DISPATCH_LIST_SORTS)[number];

/**
 * Incident list orders (GET /api/incidents). `overdue_first` is the desk's: incidents with an
 * overdue dispatch first, then those still waiting for a whistle, each oldest first. It pages by
 * `page` (a cursor follows `newest` only).
 */
export const INCIDENT_LIST_SORTS = ['newest', 'overdue_first'] as const;
export type IncidentListSort = (typeof INCIDENT_LIST_SORTS)[number];

/** Dispatch list filters the desk uses (GET /api/dispatches). */
export interface ListDispatchesQuery {
  status?: string;
  incidentId?: string;
  streetId?: string;
  /** Only dispatches with a missed stage (true) or without (false). */
  overdue?: boolean;
  /** `overdue_first`: open overdue dispatches lead, the most stages missed first. */
  sort?: DispatchListSort;
  limit?: number;
}

/** Event changes the desk records, beside the state machine's actions. */
export const DESK_CHANGES = ['supervise', 'reassign', 'standing_removed', 'standing_review_due'] as const;
export type DeskChange = (typeof DESK_CHANGES)[number];
