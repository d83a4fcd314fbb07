import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useGrids, type GridCollection } from '../reference/reference-queries';
import { useBasemap, useBoundaries, type BoundaryCollection } from './boundary-queries';
import { DistrictMap } from './DistrictMap';
import { useWallIncidents } from './useWallIncidents';

/** Only the features of one street: the map then fits the street, not the district. */
function gridsOf(grids: GridCollection | undefined, streetId: string): GridCollection | undefined {
  return grids && { ...grids, features: grids.features.filter((f) => f.properties.streetId === streetId) };
}

function streetOutline(streets: BoundaryCollection | undefined, streetId: string) {
  return streets && { ...streets, features: streets.features.filter((f) => f.properties.id === streetId) };
}

/**
 * The street console's map (DESIGN §7: the incident table and the map side by side): the street's
 * grids and outline, and its open incidents kept live as on the wall. A click on an incident opens
 * it in the detail pane. Loaded lazily: MapLibre is the console's heavy part.
 */
export function StreetMap({
  streetId,
  onIncidentClick,
}: {
  streetId: string;
  onIncidentClick: (incidentId: string) => void;
}) {
  const { t } = useTranslation();
  const grids = useGrids();
  const streets = useBoundaries('streets');
  const communities = useBoundaries('communities');
  const basemap = useBasemap();
  // The server gives a street operator only their own street's open incidents.
  const incidents = useWallIncidents();
  const streetGrids = useMemo(() => gridsOf(grids.data, streetId), [grids.data, streetId]);
  const outline = useMemo(() => streetOutline(streets.data, streetId), [streets.data, streetId]);
  return (
    <section className="street-map" data-testid="street-map" aria-label={t('cockpit.streetMap.title')}>
      {basemap.data ? (
        <DistrictMap
          grids={streetGrids}
          streets={outline}
          communities={communities.data}
          basemap={basemap.data}
          incidents={incidents}
          colorMode="state"
          onIncidentClick={onIncidentClick}
        />
      ) : (
        <p className="muted">{t('cockpit.streetMap.loading')}</p>
      )}
    </section>
  );
}
