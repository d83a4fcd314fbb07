import { useQuery } from '@tanstack/react-query';
import type { DepartmentStandingView } from '@whistle/shared';
import { apiRequest } from '../../lib/api/client';
import { queryKeys } from '../../lib/api/query-keys';
import { useSignedIn } from '../session/SessionProvider';
import { beijingDate } from './period';

const MINUTE_MS = 60_000;

/**
 * This calendar month in China time so far: from 00:00 on the 1st (Asia/Shanghai) to the next
 * whole minute, so the query key holds for a minute.
 */
export function monthSoFar(now: number): { from: string; to: string } {
  const from = new Date(`${beijingDate(now).slice(0, 7)}-01T00:00:00+08:00`).toISOString();
  const to = new Date(Math.ceil((now + 1) / MINUTE_MS) * MINUTE_MS).toISOString();
  return { from, to };
}

/** The officer's own department's score and rank this month (aggregates only, 背对背). */
export function useDepartmentStanding(now: number) {
  const { token } = useSignedIn();
  const query = monthSoFar(now);
  return useQuery({
    // Under the period prefix: a live metrics refresh reaches it with the leaders' figures.
    queryKey: queryKeys.metrics.period('/metrics/department-standing', query),
    queryFn: () => apiRequest<DepartmentStandingView>('/metrics/department-standing', { token, query }),
    placeholderData: (previous) => previous,
  });
}
