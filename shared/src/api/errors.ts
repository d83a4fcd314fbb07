import type { MessageParams } from './coded-message';

/** The body of every 4xx answer. */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string;
  /** Field-level messages for 400s: field path → messages. */
  fields?: Record<string, string[]>;
  /** For 409s on state changes: the state the object is in and the actions it allows. */
  currentStatus?: string;
  allowedActions?: string[];
  /** A machine-readable reason where the status alone is not enough, e.g. `password_change_required`. */
  code?: string;
  /** What a client saying `code` in its own words interpolates (names, numbers), where it has any. */
  params?: MessageParams;
}
