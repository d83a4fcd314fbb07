import { useTranslation } from 'react-i18next';
import { useNames } from '../../i18n/names';
import { useStreets } from '../reference/reference-queries';
import type { DeskFilters, OverdueFilter } from './desk-model';

const OVERDUE = {
  all: 'command.filter.overdueAll',
  overdue: 'command.filter.overdueOnly',
  on_time: 'command.filter.onTime',
} as const satisfies Record<OverdueFilter, string>;

/** Street, status and overdue filters of a desk list (dispatches or incidents: `statuses` and their label). */
export function DeskFiltersBar<S extends string>({
  filters,
  onChange,
  statuses,
  statusLabel,
}: {
  filters: DeskFilters;
  onChange: (next: DeskFilters) => void;
  statuses: readonly S[];
  statusLabel: (status: S) => string;
}) {
  const { t } = useTranslation();
  const names = useNames();
  const streets = useStreets().data ?? [];
  return (
    <div className="cd-filters" data-testid="desk-filters">
      <label>
        <span>{t('command.filter.street')}</span>
        <select
          data-testid="filter-street"
          value={filters.streetId}
          onChange={(e) => onChange({ ...filters, streetId: e.target.value })}
        >
          <option value="">{t('command.filter.allStreets')}</option>
          {streets.map((s) => (
            <option key={s.id} value={s.id}>
              {names.name(s)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('command.filter.status')}</span>
        <select
          data-testid="filter-status"
          value={filters.status}
          onChange={(e) => onChange({ ...filters, status: e.target.value })}
        >
          <option value="">{t('command.filter.allOpen')}</option>
          {statuses.map((s) => (
            <option key={s} value={s}>
              {statusLabel(s)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('command.filter.overdue')}</span>
        <select
          data-testid="filter-overdue"
          value={filters.overdue}
          onChange={(e) => onChange({ ...filters, overdue: e.target.value as OverdueFilter })}
        >
          {(Object.keys(OVERDUE) as OverdueFilter[]).map((key) => (
            <option key={key} value={key}>
              {t(OVERDUE[key])}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
