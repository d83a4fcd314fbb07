import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LngLat } from '@whistle/shared';
import { useGrids } from '../reference/reference-queries';
import { useSignedIn } from '../session/SessionProvider';
import type { GeoState } from './useGeolocation';

// MapLibre is most of the bundle: it is downloaded only when a form actually shows a map.
const LocationPicker = lazy(() => import('./LocationPicker'));
const MapPicker = lazy(() => import('./MapPicker').then((m) => ({ default: m.MapPicker })));

const formatPoint = (p: LngLat) => `${p.lng.toFixed(5)}, ${p.lat.toFixed(5)}`;

export interface CentreChoice {
  id: string;
  label: string;
  point: LngLat | null;
}

/** The desk consoles: a click on the map inside the street, or the centre of a place. */
interface CentresSource {
  source: 'centres';
  streetId: string | null;
  value: LngLat | null;
  onChange: (point: LngLat) => void;
  /** Places whose centre can stand in for a map pick (communities, or the street itself). */
  centres: readonly CentreChoice[];
  centreLabel: string;
}

/** The grid worker's phone: the device's position, or a pick on a map sheet of the worker's grids. */
interface DeviceSource {
  source: 'device';
  geo: GeoState;
  relocate: () => void;
  /** A point picked on the map; it overrides the device's position, and null goes back to it. */
  value: LngLat | null;
  onChange: (point: LngLat | null) => void;
  problem: boolean;
}

export type LocationFieldProps = CentresSource | DeviceSource;

/** Where something is: picked on the grid map, or taken from a place's centre or the device. */
export function LocationField(props: LocationFieldProps) {
  return props.source === 'device' ? <DeviceLocation {...props} /> : <CentresLocation {...props} />;
}

function CentresLocation({ streetId, value, onChange, centres, centreLabel }: CentresSource) {
  const { t } = useTranslation();
  const grids = useGrids();
  return (
    <fieldset className="dk-field location-field">
      <legend>
        {t('desk.location.label')} <span className="required">*</span>
      </legend>
      <label className="dk-field dk-field--inline">
        <span>{centreLabel}</span>
        <select
          value=""
          onChange={(e) => {
            const choice = centres.find((c) => c.id === e.target.value);
            if (choice?.point) onChange(choice.point);
          }}
        >
          <option value="">{t('desk.location.choose')}</option>
          {centres.map((c) => (
            <option key={c.id} value={c.id} disabled={!c.point}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      {grids.data ? (
        <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>
          <LocationPicker
            grids={grids.data}
            streetId={streetId}
            value={value}
            onChange={(p) => onChange(p)}
          />
        </Suspense>
      ) : (
        <p className="muted">{t('common.loading')}</p>
      )}
      <output className="location-field__value" data-testid="picked-location">
        {value ? formatPoint(value) : t('desk.location.none')}
      </output>
    </fieldset>
  );
}

/** The device's position when it gives one; a map pick when it is denied or unavailable, or to correct it. */
function DeviceLocation({ geo, relocate, value, onChange, problem }: DeviceSource) {
  const { t } = useTranslation();
  const [picking, setPicking] = useState(false);

  const status = value
    ? t('gridWorker.location.picked', { coords: formatPoint(value) })
    : geo.status === 'located'
      ? t('gridWorker.location.located', { coords: formatPoint(geo.location), accuracy: geo.accuracy })
      : t(`gridWorker.location.${geo.status}`);

  return (
    <fieldset className={problem ? 'field field--error' : 'field'}>
      <legend>{t('gridWorker.location.label')}</legend>
      <p
        className="location-status"
        data-testid="location-status"
        data-status={value ? 'picked' : geo.status}
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
        {value ? (
          <button type="button" className="btn btn--ghost" onClick={() => onChange(null)}>
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
          initial={value ?? (geo.status === 'located' ? geo.location : null)}
          onClose={() => setPicking(false)}
          onPick={(point) => {
            onChange(point);
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
