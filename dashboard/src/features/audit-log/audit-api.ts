import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AdminUserView, AuditAction, AuditLogPage, Page } from '@whistle/shared';
import { apiRequest } from '../../lib/api/client';
import { queryKeys } from '../../lib/api/query-keys';
import { useSignedIn } from '../session/SessionProvider';

export const AUDIT_PAGE_SIZE = 50;

export interface AuditFilters {
  actorId: string;
  action: AuditAction | '';
  /** China calendar dates (YYYY-MM-DD), both included; '' for open-ended. */
  from: string;
  to: string;
  /** The cursor of the page shown: entries older than this id; '' for the newest. */
  before: string;
}

/** The start of a China calendar day, as the instant the server compares with. */
export function chinaDayStart(date: string): string {
  return `${date}T00:00:00+08:00`;
}

/** The day after a China date (the exclusive end of a range that includes `date`). */
export function nextChinaDay(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

export function useAuditPage(filters: AuditFilters) {
  const { token } = useSignedIn();
  return useQuery({
    queryKey: queryKeys.admin.auditLog(filters),
    queryFn: () =>
      apiRequest<AuditLogPage>('/audit-log', {
        token,
        query: {
          actorId: filters.actorId || undefined,
          action: filters.action || undefined,
          from: filters.from ? chinaDayStart(filters.from) : undefined,
          to: filters.to ? chinaDayStart(nextChinaDay(filters.to)) : undefined,
          before: filters.before || undefined,
          limit: AUDIT_PAGE_SIZE,
        },
      }),
    placeholderData: keepPreviousData,
  });
}

/** The accounts an actor can be picked from (the first 500 by the server's order). */
export function useActorChoices() {
  const { token } = useSignedIn();
  return useQuery({
    queryKey: queryKeys.admin.userPage({ actors: true }),
    queryFn: () => apiRequest<Page<AdminUserView>>('/users', { token, query: { limit: 500 } }),
  });
}
