import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { IncidentDetail, IncidentView, Page } from '@whistle/shared';
import { apiRequest } from '../../lib/api/client';
import { useSubmissionKeys } from '../../lib/api/idempotency-key';
import { queryKeys } from '../../lib/api/query-keys';
import { useSignedIn } from '../session/SessionProvider';
import { toListQuery, type IncidentFilters } from './incident-filters';

/**
 * What the duplicate check answers with (contracts: `likelyDuplicates: IncidentSummary[]`).
 * Typed by the fields the consoles read, so a summary or a full view both fit.
 */
export type DuplicateSummary = Pick<IncidentView, 'id' | 'title' | 'category' | 'status' | 'createdAt'> & {
  distanceMeters?: number;
};

export type IncidentDetailWithDuplicates = IncidentDetail & { likelyDuplicates?: DuplicateSummary[] };
export type CreatedIncident = IncidentView & { likelyDuplicates?: DuplicateSummary[] };

export function useIncidentDetail(id: string | null) {
  const { token } = useSignedIn();
  return useQuery({
    queryKey: queryKeys.incidents.detail(id ?? 'none'),
    queryFn: () => apiRequest<IncidentDetailWithDuplicates>(`/incidents/${id ?? ''}`, { token }),
    enabled: id !== null,
  });
}

/** The street's incidents, newest first, a cursor page at a time ("more" appends the next page). */
export function useIncidentPages(filters: IncidentFilters) {
  const { token } = useSignedIn();
  return useInfiniteQuery({
    queryKey: queryKeys.incidents.streetPages(filters),
    queryFn: ({ pageParam }) =>
      apiRequest<Page<IncidentView>>('/incidents', { token, query: toListQuery(filters, pageParam) }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/**
 * The incidents a grid worker may see: those in their grids and those they reported, newest first.
 * 500 is far more than a worker's few grids hold open at once.
 */
export function useGridIncidents() {
  const { token } = useSignedIn();
  return useQuery({
    queryKey: queryKeys.incidents.gridWorkerList(),
    queryFn: () => apiRequest<Page<IncidentView>>('/incidents', { token, query: { limit: 500 } }),
  });
}

/**
 * A POST whose answer changes lists and the open detail: every dispatch and incident query is
 * refetched afterwards, so the state shown is the server's, not a guess. `creates`: the POST
 * creates something, so it carries an Idempotency-Key, the same for a resubmit of the same thing.
 */
export function useDeskPost<TBody, TResult>(
  path: (vars: TBody) => string,
  body?: (vars: TBody) => unknown,
  options: { creates?: boolean } = {},
) {
  const { token } = useSignedIn();
  const client = useQueryClient();
  const keys = useSubmissionKeys();
  return useMutation<TResult, unknown, TBody>({
    mutationFn: (vars) => {
      const request = { path: path(vars), body: body ? body(vars) : {} };
      return apiRequest<TResult>(request.path, {
        token,
        method: 'POST',
        body: request.body,
        idempotencyKey: options.creates ? keys.keyFor(request) : undefined,
      });
    },
    onSuccess: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: queryKeys.dispatches.all() }),
        client.invalidateQueries({ queryKey: queryKeys.incidents.lists() }),
        client.invalidateQueries({ queryKey: queryKeys.incidents.details() }),
        client.invalidateQueries({ queryKey: queryKeys.photos.all() }),
      ]);
    },
  });
}
