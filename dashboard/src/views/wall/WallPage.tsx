import { useCallback, useState } from 'react';
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
import { useFeedNames } from './useFeedNames';
import { useRunningDispatches } from './useRunningDispatches';
import { useWallIncidents } from './useWallIncidents';

/**
 * The command-centre wall screen (指挥大屏): a fixed 16:9 layout that fills the screen without
 * scrolling. Incidents reach the map through a model outside React (setData per frame); only the
 * whistle list, KPIs and feed are React state, each bounded to what fits.
 */
export function WallPage() {
  const metrics = useMetricsSummary();
  const grids = useGrids();
  const streets = useBoundaries('streets');
  const communities = useBoundaries('communities');
  const basemap = useBasemap();
  const dispatches = useRunningDispatches();
  const names = useFeedNames();
  const incidents = useWallIncidents();
  const [colorMode, setColorMode] = useState<IncidentColorMode>('category');
  const [selected, setSelected] = useState<string | null>(null);
  const onIncidentClick = useCallback((id: string) => setSelected(id), []);
  return (
    <div className="wall" data-testid="view-wall">
      <TitleBar />
      <KpiCards metrics={metrics.data} />
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
      <OpenWhistles dispatches={dispatches} names={names} />
      <EventFeed />
    </div>
  );
}
