import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LngLat } from '@whistle/shared';
import { useGrids } from '../../api/queries';
import { useSignedIn } from '../../api/SessionProvider';
import type { GeoState } from './useGeolocation';

// MapLibre is only downloaded when a worker actually needs to pick on the map.
const MapPicker = lazy(() => import('./MapPicker').then((m) => ({ default: m.MapPicker })));

const coords = (p: LngLat) => `${p.lng.toFixed(5)}, ${p.lat.toFixed(5)}`;

/**
 * The report's location: the device's position when it gives one; a map pick when it is denied
 * or unavailable, or when the worker wants to correct it.
 */
export function LocationField({
  geo,
  relocate,
  picked,
  onPick,
  problem,
}: {
  geo: GeoState;
  relocate: () => void;
  picked: LngLat | null;
  onPick: (point: LngLat | null) => void;
  problem: boolean;
}) {
  const { t } = useTranslation();
  const [picking, setPicking] = useState(false);

  const status = picked
    ? t('gridWorker.location.picked', { coords: coords(picked) })
    : geo.status === 'located'
      ? t('gridWorker.location.located', { coords: coords(geo.location), accuracy: geo.accuracy })
      : t(`gridWorker.location.${geo.status}`);

  return (
    <fieldset className={problem ? 'field field--error' : 'field'}>
      <legend>{t('gridWorker.location.label')}</legend>
      <p
        className="location-status"
        data-testid="location-status"
        data-status={picked ? 'picked' : geo.status}
      >
        {status}
      </p>
      <div className="location-actions">
        <button
          type="button"
          className="btn btn--ghost"
          onClick={() => setPicking(true)}
          data-testid="pick-on-map"
        >
          {t('gridWorker.location.pickOnMap')}
        </button>
        {picked ? (
          <button type="button" className="btn btn--ghost" onClick={() => onPick(null)}>
            {t('gridWorker.location.useDevice')}
          </button>
        ) : (
          geo.status !== 'located' &&
          geo.status !== 'locating' && (
            <button type="button" className="btn btn--ghost" onClick={relocate}>
              {t('gridWorker.location.retry')}
            </button>
          )
        )}
      </div>
      {picking && (
        <PickSheet
          initial={picked ?? (geo.status === 'located' ? geo.location : null)}
          onClose={() => setPicking(false)}
          onPick={(point) => {
            onPick(point);
            setPicking(false);
          }}
        />
      )}
    </fieldset>
  );
}

/** The full-screen map sheet; grid outlines are fetched only when a worker opens it. */
function PickSheet({
  initial,
  onPick,
  onClose,
}: {
  initial: LngLat | null;
  onPick: (point: LngLat) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  const grids = useGrids();
  return (
    <div className="sheet" role="dialog" aria-label={t('gridWorker.location.pickOnMap')}>
      {grids.data ? (
        <Suspense fallback={<p className="hint">{t('common.loading')}</p>}>
          <MapPicker
            grids={grids.data}
            myGridIds={user.gridIds}
            initial={initial}
            onCancel={onClose}
            onPick={onPick}
          />
        </Suspense>
      ) : (
        <p className="hint">{grids.isError ? t('common.loadFailed') : t('common.loading')}</p>
      )}
    </div>
  );
}
