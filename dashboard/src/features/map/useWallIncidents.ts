import { useCallback, useEffect, useRef, useState } from 'react';
import type { IncidentPointsView, IncidentView } from '@whistle/shared';
import { apiRequest } from '../../lib/api/client';
import { useLiveEvents } from '../live/LiveProvider';
import type { AnyLiveEvent } from '../live/types';
import { useSignedIn } from '../session/SessionProvider';
import { IncidentMapModel, type IncidentPoint } from './incident-model';
import { decodeIncidentPoints } from './incident-points';

/**
 * Every open incident of the user's scope in one request of compact rows: paging through full
 * incident views cost 5,000 records in 10 requests before the map could draw anything.
 */
async function loadOpenIncidents(token: string): Promise<IncidentPoint[]> {
  return decodeIncidentPoints(await apiRequest<IncidentPointsView>('/incidents/points', { token }));
}

/**
 * Loads open incidents into a map model once, then keeps it current from live events. The set
 * goes in as one replace, so the map clusters it once; live events that arrive meanwhile are held
 * and applied after it, since they are newer than the load.
 */
export function useWallIncidents(): IncidentMapModel {
  const { token } = useSignedIn();
  const [model] = useState(() => new IncidentMapModel());
  const held = useRef<IncidentView[] | null>([]);
  useEffect(() => {
    let cancelled = false;
    let points: IncidentPoint[] = [];
    held.current = [];
    loadOpenIncidents(token)
      .then((loaded) => {
        points = loaded;
      })
      .catch(() => undefined) // the map starts empty; live events still arrive
      .finally(() => {
        if (cancelled) return;
        performance.mark('wall:incidents-fetched');
        model.replaceAll(points);
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
