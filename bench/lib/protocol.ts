/** Messages between the benchmark runner and its load processes (child_process IPC, structured clone). */

/** What a listener records for each event it receives. */
export type RecordKey =
  /** `dispatch.created`: `<whistleId>|<departmentId>` */
  | 'whistle-department'
  /** any event: the payload's `title` (fan-out marks each trial's incident with a unique title) */
  | 'title'
  /** `deadline.overdue`: `<dispatchId>|<stage>`, and the due time */
  | 'deadline';

export interface ListenerConnect {
  type: 'connect';
  url: string;
  /** One entry per socket: the handshake's `auth` object. */
  auths: Record<string, string>[];
  /** The event to record, and how to key it; other events are received and dropped. */
  event: string;
  key: RecordKey;
}

/** [key, received at (ms, see clock.ts), due at (ms) or 0] */
export type Receipt = [string, number, number];

export type ListenerMessage =
  | { type: 'connected'; connected: number; failed: number; firstError: string | null }
  | { type: 'receipts'; receipts: Receipt[]; disconnects: number };

export interface PlannedRequest {
  path: string;
  token: string;
  body: unknown;
}

export interface PosterRun {
  type: 'run';
  url: string;
  /** Requests per second, sent open-loop on schedule whether or not earlier ones have answered. */
  rate: number;
  requests: PlannedRequest[];
}

/** [sent at (ms), response time (ms), HTTP status (0: network error), id from the response body] */
export type Sent = [number, number, number, string];

export type PosterMessage = { type: 'done'; sent: Sent[]; firstError: string | null };
