import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { PanelBoundary } from '../../lib/ui/PanelBoundary';
import './street-map.css';

// MapLibre is the heavy part of the console: fetched only once the console shows its map.
const StreetMap = lazy(() => import('./StreetMap').then((m) => ({ default: m.StreetMap })));

/** The street console's map column, lazily loaded; a map that fails leaves the console working. */
export function StreetMapColumn(props: { streetId: string; onIncidentClick: (incidentId: string) => void }) {
  const { t } = useTranslation();
  const placeholder = (
    <section className="street-map street-map--empty">
      <p className="muted">{t('cockpit.streetMap.loading')}</p>
    </section>
  );
  return (
    <PanelBoundary fallback={placeholder}>
      <Suspense fallback={placeholder}>
        <StreetMap {...props} />
      </Suspense>
    </PanelBoundary>
  );
}
