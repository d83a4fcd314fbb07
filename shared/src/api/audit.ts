/**
 * The audit log (审计日志): append-only, one row per security-relevant act. The actions are named
 * here once, so the server records only these and the admin console can label every one.
 */
export const AUDIT_ACTIONS = [
  'auth.login.succeeded',
  'auth.login.failed',
  'auth.login.throttled',
  'auth.refresh.reused',
  'auth.logout',
  'auth.logout_all',
  'auth.password.changed',
  'auth.password.reset',
  'auth.sessions.revoked',
  'user.created',
  'user.updated',
  'department.created',
  'department.updated',
  'timer_rules.updated',
  'admission_list.replaced',
  'boundaries.imported',
  'open311_key.issued',
  'open311_key.revoked',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntryView {
  /** Increasing; also the list's cursor. */
  id: string;
  occurredAt: string;
  action: AuditAction;
  /** Who did it: null for an anonymous act such as a failed login of an unknown name. */
  actor: { id: string | null; username: string | null };
  target: { type: string | null; id: string | null };
  /** The client's address as the server saw it (behind a trusted proxy: the forwarded one). */
  ip: string | null;
  /** What changed (before/after for admin edits) or why (a failed login's reason). Never a secret. */
  details: Record<string, unknown>;
}

export interface AuditLogPage {
  items: AuditEntryView[];
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}
