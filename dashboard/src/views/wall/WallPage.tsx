import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { RUNNING_DISPATCH_STATUSES, useDispatches, useGrids, useMetricsSummary } from '../../api/queries';
import { useLiveEvents } from '../../live/LiveProvider';
import type { AnyLiveEvent } from '../../live/types';
import { DistrictMap } from '../../map/DistrictMap';
import { EventFeed } from './EventFeed';
import { KpiCards } from './KpiCards';
import { OpenWhistles } from './OpenWhistles';
import { TitleBar } from './TitleBar';
import { useFeedNames } from './useFeedNames';
import { useWallIncidents } from './useWallIncidents';

/** The command-centre wall screen (指挥大屏), first version: a fixed 16:9 layout, no scrolling. */
export function WallPage() {
  const metrics = useMetricsSummary();
  const grids = useGrids();
  const dispatches = useDispatches(RUNNING_DISPATCH_STATUSES);
  const names = useFeedNames();
  const incidents = useWallIncidents();
  const client = useQueryClient();
  // Dispatch changes refetch the running list (at most once per batch of events).
  const onEvents = useCallback(
    (events: readonly AnyLiveEvent[]) => {
      if (events.some((e) => e.type === 'dispatch.created' || e.type === 'dispatch.updated')) {
        void client.invalidateQueries({ queryKey: ['dispatches'] });
      }
    },
    [client],
  );
  useLiveEvents(onEvents);
  return (
    <div className="wall">
      <TitleBar />
      <KpiCards metrics={metrics.data} />
      <section className="wall-map">
        {grids.data && <DistrictMap grids={grids.data} incidents={incidents} />}
      </section>
      <OpenWhistles dispatches={dispatches.data ?? []} names={names} />
      <EventFeed />
    </div>
  );
}
