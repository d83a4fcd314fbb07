import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateOpen311ApiKeyRequest, IssuedOpen311ApiKey, Open311ApiKeyView } from '@whistle/shared';
import { apiRequest } from '../../lib/api/client';
import { queryKeys } from '../../lib/api/query-keys';
import { useSignedIn } from '../session/SessionProvider';

export function useOpen311Keys() {
  const { token } = useSignedIn();
  return useQuery({
    queryKey: queryKeys.admin.open311Keys(),
    queryFn: () => apiRequest<Open311ApiKeyView[]>('/open311-keys', { token }),
  });
}

function useKeyMutation<V, R>(call: (token: string, vars: V) => Promise<R>) {
  const { token } = useSignedIn();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (vars: V) => call(token, vars),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.admin.open311Keys() }),
  });
}

/** The answer holds the key itself: the only time it is ever shown. */
export const useIssueKey = () =>
  useKeyMutation((token, vars: { body: CreateOpen311ApiKeyRequest; idempotencyKey: string }) =>
    apiRequest<IssuedOpen311ApiKey>('/open311-keys', {
      token,
      method: 'POST',
      body: vars.body,
      idempotencyKey: vars.idempotencyKey,
    }),
  );

export const useRevokeKey = () =>
  useKeyMutation((token, id: string) =>
    apiRequest<Open311ApiKeyView>(`/open311-keys/${id}`, { token, method: 'DELETE' }),
  );
