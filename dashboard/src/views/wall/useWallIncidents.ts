import { useCallback, useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { OPEN_INCIDENT_STATUSES, type IncidentView, type Page } from '@whistle/shared';
import { apiRequest } from '../../api/client';
import { useSignedIn } from '../../api/SessionProvider';
import { IncidentMapModel } from '../../map/incident-model';
import { useLiveEvents } from '../../live/LiveProvider';
import type { AnyLiveEvent } from '../../live/types';

const PAGE = 500;
// A safety stop: 40 pages is 20,000 open incidents, far above the district's load.
const MAX_PAGES = 40;

/** Every open incident of the user's scope, followed through cursor pages. */
async function fetchOpenIncidents(token: string): Promise<IncidentView[]> {
  const all: IncidentView[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await apiRequest<Page<IncidentView>>('/incidents', {
      token,
      query: { status: OPEN_INCIDENT_STATUSES.join(','), limit: PAGE, cursor },
    });
    all.push(...answer.items);
    if (!answer.nextCursor) break;
    cursor = answer.nextCursor;
  }
  return all;
}

/** Loads open incidents into a map model once, then keeps it current from live events. */
export function useWallIncidents(): IncidentMapModel {
  const { token } = useSignedIn();
  const [model] = useState(() => new IncidentMapModel());
  const initial = useQuery({
    queryKey: ['incidents', 'open', 'all'],
    queryFn: () => fetchOpenIncidents(token),
    staleTime: Number.POSITIVE_INFINITY,
  });
  useEffect(() => {
    if (initial.data) model.replaceAll(initial.data);
  }, [initial.data, model]);
  const onEvents = useCallback(
    (events: readonly AnyLiveEvent[]) => {
      for (const e of events) {
        if (e.type === 'incident.created' || e.type === 'incident.updated') model.upsert(e.payload);
      }
    },
    [model],
  );
  useLiveEvents(onEvents);
  return model;
}
