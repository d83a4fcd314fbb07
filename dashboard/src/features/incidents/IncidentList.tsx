import { useTranslation } from 'react-i18next';
import {
  CATEGORIES,
  INCIDENT_STATUSES,
  PRIORITIES,
  type IncidentStatus,
  type Priority,
} from '@whistle/shared';
import { useNames } from '../../i18n/names';
import { ExportButtons } from '../../lib/export/ExportButtons';
import { QueryState } from '../../lib/ui/QueryState';
import { SelectableRow } from '../../lib/ui/SelectableRow';
import { chinaDateTime } from '../../lib/china-time';
import { useIncidentExportColumns } from './incident-export';
import type { IncidentFilters } from './incident-filters';
import { useIncidentPages } from './incident-queries';

interface IncidentListProps {
  filters: IncidentFilters;
  onFilters: (next: IncidentFilters) => void;
  selectedId: string | null;
  onOpen: (id: string) => void;
}

/** Filters on top, then the incidents newest first; "more" fetches the next cursor page. */
export function IncidentList({ filters, onFilters, selectedId, onOpen }: IncidentListProps) {
  const { t } = useTranslation();
  const names = useNames();
  const pages = useIncidentPages(filters);
  const items = pages.data?.pages.flatMap((p) => p.items) ?? [];
  const total = pages.data?.pages[0]?.total ?? 0;
  const set = (patch: Partial<IncidentFilters>) => onFilters({ ...filters, ...patch });
  const exportColumns = useIncidentExportColumns();
  return (
    <>
      <div className="filters" role="search">
        <select
          aria-label={t('list.status')}
          value={filters.status}
          onChange={(e) => set({ status: e.target.value as IncidentStatus | 'open' | '' })}
        >
          <option value="open">{t('street.filters.open')}</option>
          <option value="">{t('street.filters.allStatuses')}</option>
          {INCIDENT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`incidentStatus.${s}`)}
            </option>
          ))}
        </select>
        <select
          aria-label={t('list.category')}
          value={filters.category}
          onChange={(e) => set({ category: e.target.value })}
        >
          <option value="">{t('street.filters.allCategories')}</option>
          {CATEGORIES.map((c) => (
            <option key={c.code} value={c.code}>
              {names.name(c)}
            </option>
          ))}
        </select>
        <select
          aria-label={t('list.priority')}
          value={filters.priority}
          onChange={(e) => set({ priority: e.target.value as Priority | '' })}
        >
          <option value="">{t('street.filters.allPriorities')}</option>
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {t(`priority.${p}`)}
            </option>
          ))}
        </select>
        <label className="check">
          <input
            type="checkbox"
            checked={filters.overdue}
            onChange={(e) => set({ overdue: e.target.checked })}
          />
          {t('street.filters.overdue')}
        </label>
        <input
          type="search"
          className="filters__q"
          placeholder={t('street.filters.search')}
          aria-label={t('street.filters.search')}
          defaultValue={filters.q}
          onKeyDown={(e) => {
            if (e.key === 'Enter') set({ q: e.currentTarget.value });
          }}
          onBlur={(e) => e.target.value !== filters.q && set({ q: e.target.value })}
        />
        <span className="muted small">{t('street.total', { count: total })}</span>
        {/* Exports the rows loaded so far, as listed ("more" loads further pages). */}
        <ExportButtons
          rows={items}
          columns={exportColumns}
          fileName={t('ops.export.files.incidents')}
          testId="incident-export"
        />
      </div>
      <QueryState loading={pages.isPending} error={pages.isError} empty={items.length === 0}>
        <table className="table table--rows dk-incidents">
          <thead>
            <tr>
              <th>{t('list.title')}</th>
              <th>{t('list.category')}</th>
              <th>{t('list.priority')}</th>
              <th>{t('list.status')}</th>
              <th>{t('list.reportedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <SelectableRow
                key={i.id}
                testId="incident-row"
                data={{ 'data-incident-id': i.id }}
                selected={i.id === selectedId}
                overdue={i.overdue}
                onOpen={() => onOpen(i.id)}
              >
                <td>
                  <div className="row-title">{i.title}</div>
                  <div className="muted small">{t(`desk.source.${i.source}`)}</div>
                </td>
                <td>{names.category(i.category)}</td>
                <td>
                  <span className={`tag priority--${i.priority}`}>{t(`priority.${i.priority}`)}</span>
                </td>
                <td>
                  <span className={`dk-status dk-status--${i.status}`}>
                    {t(`incidentStatus.${i.status}`)}
                  </span>
                  {i.overdue && <span className="badge badge--red">{t('list.overdue')}</span>}
                </td>
                <td className="small">{chinaDateTime(i.createdAt)}</td>
              </SelectableRow>
            ))}
          </tbody>
        </table>
        {pages.hasNextPage && (
          <button
            type="button"
            className="more"
            disabled={pages.isFetchingNextPage}
            onClick={() => void pages.fetchNextPage()}
          >
            {pages.isFetchingNextPage ? t('common.loading') : t('street.more')}
          </button>
        )}
      </QueryState>
    </>
  );
}
