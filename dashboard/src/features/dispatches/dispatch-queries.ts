import { useQuery } from '@tanstack/react-query';
import type { DispatchView } from '@whistle/shared';
import { apiRequest } from '../../lib/api/client';
import { queryKeys } from '../../lib/api/query-keys';
import { useSignedIn } from '../session/SessionProvider';

/** Statuses in which a dispatch still has a running stage (what the wall's whistle list shows). */
export const RUNNING_DISPATCH_STATUSES = 'pending,accepted,arrived,reopened';

/** The dispatches of the user's scope, optionally only those in the given statuses (comma-separated). */
export function useDispatches(status?: string) {
  const { token } = useSignedIn();
  const query = { limit: 500, ...(status ? { status } : {}) };
  return useQuery({
    queryKey: queryKeys.dispatches.list(status),
    queryFn: () => apiRequest<DispatchView[]>('/dispatches', { token, query }),
  });
}

/** The street's admission list (准入清单): the categories a street may not return when sent down. */
export function useAdmissionList(streetId: string | null) {
  const { token } = useSignedIn();
  return useQuery({
    queryKey: queryKeys.streets.admissionList(streetId ?? 'none'),
    queryFn: () =>
      apiRequest<{ streetId: string; categories: string[] }>(`/streets/${streetId ?? ''}/admission-list`, {
        token,
      }),
    enabled: streetId !== null,
    // Reference data: it changes only through an administrator.
    staleTime: Number.POSITIVE_INFINITY,
  });
}
