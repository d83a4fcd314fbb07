import { useQuery } from '@tanstack/react-query';
import type { TimerRule } from '@whistle/shared';
import { apiRequest } from '../../lib/api/client';
import { queryKeys } from '../../lib/api/query-keys';
import { useSignedIn } from '../session/SessionProvider';

/** The stage time limits per whistle type and priority; an administrator's setting, fetched once. */
export function useTimerRules() {
  const { token } = useSignedIn();
  return useQuery({
    queryKey: queryKeys.timerRules(),
    queryFn: () => apiRequest<TimerRule[]>('/timer-rules', { token }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
