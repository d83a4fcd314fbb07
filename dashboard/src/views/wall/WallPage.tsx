import { memo, useCallback, useState } from 'react';
import { useGrids, useMetricsSummary } from '../../api/queries';
import { useBasemap, useBoundaries } from '../../map/boundary-queries';
import { DistrictMap } from '../../map/DistrictMap';
import type { IncidentColorMode } from '../../map/incident-colors';
import { EventFeed } from './EventFeed';
import { IncidentPanel } from './IncidentPanel';
import { KpiCards } from './KpiCards';
import { MapToolbar } from './MapToolbar';
import { OpenWhistles } from './OpenWhistles';
import { TitleBar } from './TitleBar';
import type { FeedNames } from './describe-event';
import { useFeedNames } from './useFeedNames';
import { useRunningDispatches } from './useRunningDispatches';
import { useWallIncidents } from './useWallIncidents';

/**
 * The command-centre wall screen (指挥大屏): a fixed 16:9 layout that fills the screen without
 * scrolling. Incidents reach the map through a model outside React (one overlay redraw per
 * frame at most); only the whistle list, KPIs and feed are React state, each bounded to what fits
 * and each subscribed on its own, so a metrics push or a dispatch event re-renders its panel
 * alone, never the page and its map.
 */
export function WallPage() {
  const grids = useGrids();
  const streets = useBoundaries('streets');
  const communities = useBoundaries('communities');
  const basemap = useBasemap();
  const names = useFeedNames();
  const incidents = useWallIncidents();
  const [colorMode, setColorMode] = useState<IncidentColorMode>('category');
  const [selected, setSelected] = useState<string | null>(null);
  const onIncidentClick = useCallback((id: string) => setSelected(id), []);
  return (
    <div className="wall" data-testid="view-wall">
      <TitleBar />
      <WallKpis />
      <section className="wall-map">
        {basemap.data && (
          <DistrictMap
            grids={grids.data}
            streets={streets.data}
            communities={communities.data}
            basemap={basemap.data}
            incidents={incidents}
            colorMode={colorMode}
            onIncidentClick={onIncidentClick}
          />
        )}
        <MapToolbar mode={colorMode} onMode={setColorMode} />
        {selected && <IncidentPanel incidentId={selected} names={names} onClose={() => setSelected(null)} />}
      </section>
      <WallWhistles names={names} />
      <EventFeed />
    </div>
  );
}

/** The KPI strip with its own subscription to the pushed metrics (one push a second). */
const WallKpis = memo(function WallKpis() {
  return <KpiCards metrics={useMetricsSummary().data} />;
});

/** The whistle column with its own subscription to dispatch events. */
const WallWhistles = memo(function WallWhistles({ names }: { names: FeedNames }) {
  return <OpenWhistles dispatches={useRunningDispatches()} names={names} />;
});
