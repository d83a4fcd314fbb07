import { useInfiniteQuery } from '@tanstack/react-query';
import type { IncidentView, Page } from '@whistle/shared';
import { apiRequest } from '../../api/client';
import { useSignedIn } from '../../api/SessionProvider';
import { toListQuery, type IncidentFilters } from './incident-filters';

/** The street's incidents, newest first, a cursor page at a time ("more" appends the next page). */
export function useIncidentPages(filters: IncidentFilters) {
  const { token } = useSignedIn();
  return useInfiniteQuery({
    queryKey: ['incidents', 'street', filters],
    queryFn: ({ pageParam }) =>
      apiRequest<Page<IncidentView>>('/incidents', { token, query: toListQuery(filters, pageParam) }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
