import { useQuery } from '@tanstack/react-query';
import type { DispatchView, IncidentView, Page, StandingEntryView } from '@whistle/shared';
import { apiRequest } from '../../lib/api/client';
import { queryKeys } from '../../lib/api/query-keys';
import { useSignedIn } from '../session/SessionProvider';
import { deskIncidentQuery, deskQuery, isDistrictTask, type DeskFilters } from './desk-model';

/** Every street's dispatches for the desk, overdue first (the server orders them). */
export function useDeskDispatches(filters: DeskFilters) {
  const { token } = useSignedIn();
  return useQuery({
    queryKey: queryKeys.dispatches.desk(filters),
    queryFn: () => apiRequest<DispatchView[]>('/dispatches', { token, query: deskQuery(filters) }),
  });
}

/** Tasks sent down to streets (all statuses), for the desk's task tab. */
export function useSentDownTasks() {
  const { token } = useSignedIn();
  return useQuery({
    queryKey: queryKeys.dispatches.desk({ tasks: true }),
    queryFn: () => apiRequest<DispatchView[]>('/dispatches', { token, query: { limit: 500 } }),
    select: (rows) => rows.filter(isDistrictTask),
  });
}

/** 挂账台账: every incident on the standing register. */
export function useStandingRegister() {
  const { token } = useSignedIn();
  return useQuery({
    queryKey: queryKeys.incidents.standing(),
    queryFn: () => apiRequest<StandingEntryView[]>('/incidents/standing', { token }),
  });
}

/** Every street's open incidents for the desk, overdue first, then those waiting for a whistle. */
export function useDeskIncidents(filters: DeskFilters) {
  const { token } = useSignedIn();
  return useQuery({
    queryKey: queryKeys.incidents.desk(filters),
    queryFn: () => apiRequest<Page<IncidentView>>('/incidents', { token, query: deskIncidentQuery(filters) }),
    select: (page) => page.items,
  });
}
