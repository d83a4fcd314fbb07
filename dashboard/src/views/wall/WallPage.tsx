import { memo, useCallback, useEffect, useMemo, useState } from 'react';
import { useRunningDispatches } from '../../features/dispatches/useRunningDispatches';
import { IncidentPanel } from '../../features/incidents/IncidentPanel';
import { EventFeed } from '../../features/live/EventFeed';
import { useBasemap, useBoundaries } from '../../features/map/boundary-queries';
import { DistrictMap } from '../../features/map/DistrictMap';
import type { IncidentColorMode } from '../../features/map/incident-colors';
import { MapToolbar } from '../../features/map/MapToolbar';
import { useWallIncidents } from '../../features/map/useWallIncidents';
import { whistleMarkers, WhistleMarkerFeed } from '../../features/map/whistle-markers';
import { KpiCards } from '../../features/metrics/KpiCards';
import { useMetricsSummary } from '../../features/metrics/metrics-queries';
import { WallDepartmentRanking } from '../../features/metrics/WallDepartmentRanking';
import { useGrids } from '../../features/reference/reference-queries';
import { useFeedNames, type FeedNames } from '../../features/reference/useFeedNames';
import { OpenWhistles } from '../../features/whistles/OpenWhistles';
import { TitleBar } from './TitleBar';

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
  const [whistles] = useState(() => new WhistleMarkerFeed());
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
            whistles={whistles}
          />
        )}
        <MapToolbar mode={colorMode} onMode={setColorMode} />
        {selected && <IncidentPanel incidentId={selected} names={names} onClose={() => setSelected(null)} />}
      </section>
      <div className="wall-right">
        <WallWhistles names={names} markers={whistles} />
        <WallRanking />
      </div>
      <EventFeed />
    </div>
  );
}

/** The KPI strip with its own subscription to the pushed metrics (one push a second). */
const WallKpis = memo(function WallKpis() {
  return <KpiCards metrics={useMetricsSummary().data} />;
});

/** Whistles the right column lists above the department ranking. */
const WHISTLE_ROWS = 17;

/**
 * The whistle column with its own subscription to dispatch events; it also hands the map its
 * whistle markers, so the map follows the same dispatches without re-rendering.
 */
const WallWhistles = memo(function WallWhistles({
  names,
  markers,
}: {
  names: FeedNames;
  markers: WhistleMarkerFeed;
}) {
  const dispatches = useRunningDispatches();
  const list = useMemo(() => whistleMarkers(dispatches), [dispatches]);
  useEffect(() => {
    markers.set(list);
  }, [markers, list]);
  return <OpenWhistles dispatches={dispatches} names={names} rows={WHISTLE_ROWS} />;
});

/** The department ranking under the whistles, from the pushed summary (district-wide scores). */
const WallRanking = memo(function WallRanking() {
  return <WallDepartmentRanking ranking={useMetricsSummary().data?.departmentRanking} />;
});
