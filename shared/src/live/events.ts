import type { Stage, WhistleType } from '../domain/vocabulary';
import type { DispatchView, IncidentView, IsoTime, SiteCheckView, WhistleView } from '../api/views';
import type { MetricsUpdate } from '../metrics/summary';

/** Socket.io event names; each carries a LiveEvent envelope with a monotonically increasing id. */
export const LIVE_EVENT_TYPES = [
  'incident.created',
  'incident.updated',
  'whistle.created',
  'dispatch.created',
  'dispatch.updated',
  'deadline.overdue',
  'metrics.updated',
] as const;
export type LiveEventType = (typeof LIVE_EVENT_TYPES)[number];

/** How the district answers a missed deadline. */
export type Escalation = 'district_command' | 'suggest_tough_whistle';

export interface DeadlineOverduePayload {
  dispatchId: string;
  incidentId: string;
  departmentId: string | null;
  leaderUserId: string | null;
  streetId: string;
  whistleType: WhistleType;
  stage: Stage;
  dueAt: IsoTime;
  /** 1 for the first notice, then one more for each repeat until the stage is met. */
  notice: number;
  /** How many of the dispatch's stages have been missed so far. */
  missedStages: number;
  escalation: Escalation;
}

export interface LiveEventPayloads {
  'incident.created': IncidentView;
  /** `siteCheck` comes with change `site_check` only: what the grid worker found on site. */
  /** `reason` comes with change `standing_removed` (why the district took it off the register). */
  'incident.updated': IncidentView & {
    change: string;
    siteCheck?: Pick<SiteCheckView, 'fixed' | 'note'>;
    reason?: string;
  };
  'whistle.created': Omit<WhistleView, 'dispatches' | 'leaderDispatches'> & { departmentIds: string[] };
  'dispatch.created': DispatchView;
  /**
   * `note` comes with change `supervise` (督办, the district's note to the department); with change
   * `reassign`, `reassignedToId` names the dispatch opened for the new department.
   */
  'dispatch.updated': DispatchView & { change: string; note?: string; reassignedToId?: string };
  'deadline.overdue': DeadlineOverduePayload;
  'metrics.updated': MetricsUpdate;
}

export interface LiveEvent<T extends LiveEventType = LiveEventType> {
  /** Event-log id as a decimal string (bigint); compare with BigInt or by length then lexically. */
  id: string;
  type: T;
  occurredAt: IsoTime;
  payload: LiveEventPayloads[T];
}

/** socket.io's typed server → client map, derived from the payload map so it is never re-declared. */
export type ServerToClientEvents = {
  [K in LiveEventType]: (event: LiveEvent<K>) => void;
} & {
  /** Sent once the missed events of a reconnecting client have all been replayed. */
  'replay.done': (info: { lastEventId: string | null; replayed: number }) => void;
  /**
   * Sent instead of the missed events when they are past the replay bound (too many, or reaching
   * too far back): the client refetches its views and resumes from `lastEventId`, the newest event
   * of the log when the server gave up. `replay.done` follows, then live events.
   */
  'replay.truncated': (info: ReplayTruncated) => void;
};

/** Which replay bound a reconnecting client was past. */
export type ReplayTruncatedReason = 'count' | 'age';

export interface ReplayTruncated {
  lastEventId: string | null;
  reason: ReplayTruncatedReason;
}

/** The answer to `auth.renew`: when the new token expires, or why it was refused. */
export type RenewResult = { ok: true; expiresAt: string } | { ok: false; error: string };

/**
 * socket.io's typed client → server map. A socket lives only as long as its access token: before
 * the token expires the client sends the fresh one (`auth.renew`), or the server closes the socket.
 */
export type ClientToServerEvents = {
  'auth.renew': (token: string, ack: (result: RenewResult) => void) => void;
};

export interface SocketAuth {
  token: string;
  lastEventId?: string;
}

/** Room names, joined by the server from the token's scope — never from what the client asks. */
export const rooms = {
  street: (id: string) => `street:${id}`,
  dept: (id: string) => `dept:${id}`,
  district: (id: string) => `district:${id}`,
  user: (id: string) => `user:${id}`,
} as const;

/**
 * Events a client may resume from: those of the event log. `metrics.updated` is pushed beside the
 * log with an id taken from its sequence, so its id can be newer than log events still on their
 * way; resuming from it would skip them.
 */
export function isResumePoint(type: LiveEventType): boolean {
  return type !== 'metrics.updated';
}

/** Compares two event ids (decimal bigint strings). */
export function compareEventIds(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}
