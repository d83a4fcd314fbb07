import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TimerRule } from '@whistle/shared';
import { apiRequest } from '../../lib/api/client';
import { queryKeys } from '../../lib/api/query-keys';
import { useSignedIn } from '../session/SessionProvider';

export { useTimerRules } from '../whistles/timer-rules';

/** Sets one rule (PUT /api/timer-rules); the answer, every rule, replaces the cached list. */
export function useSaveTimerRule() {
  const { token } = useSignedIn();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (rule: TimerRule) =>
      apiRequest<TimerRule[]>('/timer-rules', { token, method: 'PUT', body: rule }),
    onSuccess: (rules) => client.setQueryData(queryKeys.timerRules(), rules),
  });
}
