import { useCallback, useEffect, useRef, useState } from 'react';
import { OPEN_INCIDENT_STATUSES, type IncidentView, type Page } from '@whistle/shared';
import { apiRequest } from '../../api/client';
import { useSignedIn } from '../../api/SessionProvider';
import { IncidentMapModel } from '../../map/incident-model';
import { useLiveEvents } from '../../live/LiveProvider';
import type { AnyLiveEvent } from '../../live/types';

const PAGE = 500;
// A safety stop: 40 pages is 20,000 open incidents, far above the district's load.
const MAX_PAGES = 40;
const PARALLEL = 4;

/**
 * Every open incident of the user's scope: the first page says how many there are, the rest are
 * fetched a few at a time. Each page goes straight into the map model; nothing keeps the views.
 */
async function loadOpenIncidents(
  token: string,
  into: (page: readonly IncidentView[]) => void,
): Promise<void> {
  const status = OPEN_INCIDENT_STATUSES.join(',');
  const fetchPage = (page: number) =>
    apiRequest<Page<IncidentView>>('/incidents', { token, query: { status, limit: PAGE, page } });
  const first = await fetchPage(1);
  into(first.items);
  const pages = Math.min(MAX_PAGES, Math.ceil(first.total / PAGE));
  let next = 2;
  const worker = async () => {
    while (next <= pages) {
      const page = next++;
      into((await fetchPage(page)).items);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
}

/**
 * Loads open incidents into a map model once, then keeps it current from live events. The pages
 * go in as one replace, so the map clusters the full set once instead of once per page; live
 * events that arrive meanwhile are held and applied after it, since they are newer than any page.
 */
export function useWallIncidents(): IncidentMapModel {
  const { token } = useSignedIn();
  const [model] = useState(() => new IncidentMapModel());
  const held = useRef<IncidentView[] | null>([]);
  useEffect(() => {
    let cancelled = false;
    const pages: IncidentView[] = [];
    held.current = [];
    loadOpenIncidents(token, (page) => pages.push(...page))
      .catch(() => undefined) // the map shows what it has; live events still arrive
      .finally(() => {
        if (cancelled) return;
        performance.mark('wall:incidents-fetched');
        model.replaceAll(pages);
        for (const incident of held.current ?? []) model.upsert(incident);
        held.current = null;
        model.markLoaded();
      });
    return () => {
      cancelled = true;
    };
  }, [token, model]);
  const onEvents = useCallback(
    (events: readonly AnyLiveEvent[]) => {
      for (const e of events) {
        if (e.type !== 'incident.created' && e.type !== 'incident.updated') continue;
        if (held.current) held.current.push(e.payload);
        else model.upsert(e.payload);
      }
    },
    [model],
  );
  useLiveEvents(onEvents);
  return model;
}
