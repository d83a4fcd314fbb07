import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { LngLat } from '@whistle/shared';
import { useGrids } from '../../api/queries';

// MapLibre is most of the bundle; the consoles load it only when a form needs a map.
const LocationPicker = lazy(() => import('./LocationPicker'));

export interface CentreChoice {
  id: string;
  label: string;
  point: LngLat | null;
}

interface LocationFieldProps {
  streetId: string | null;
  value: LngLat | null;
  onChange: (point: LngLat) => void;
  /** Places whose centre can stand in for a map pick (communities, or the street itself). */
  centres: readonly CentreChoice[];
  centreLabel: string;
}

/** Where: click on the map, or choose a place and use its centre. */
export function LocationField({ streetId, value, onChange, centres, centreLabel }: LocationFieldProps) {
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
        {value ? `${value.lng.toFixed(5)}, ${value.lat.toFixed(5)}` : t('desk.location.none')}
      </output>
    </fieldset>
  );
}
