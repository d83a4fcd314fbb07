import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportColumn } from '../../lib/export/columns';
import { ExportButtons } from '../../lib/export/ExportButtons';
import type { Column } from './columns';
import { nextSort, sortRows, type SortState } from './sort';

export interface RankingTableProps<T extends { id: string; nameZh: string; nameEn: string }> {
  testId: string;
  title: string;
  columns: readonly Column<T>[];
  rows: readonly T[];
  initialSort: SortState<string>;
  /** File name of the export, without extension (the China date of the export is appended). */
  exportName: string;
  /** Tests capture the exported file instead of downloading it. */
  deliver?: (fileName: string, blob: Blob) => void;
}

/**
 * A ranking table sortable by any column. The export (CSV or Excel) writes exactly what is on
 * screen: the same columns, headers, cell texts and row order, in the current language.
 */
export function RankingTable<T extends { id: string; nameZh: string; nameEn: string }>(
  props: RankingTableProps<T>,
) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  const [sort, setSort] = useState(props.initialSort);
  const name = (row: T) => (english ? row.nameEn : row.nameZh);
  const column = props.columns.find((c) => c.key === sort.column) ?? props.columns[0];
  const rows = useMemo(() => {
    if (!column) return [...props.rows];
    const byName = (row: T) => (english ? row.nameEn : row.nameZh);
    return sortRows(
      props.rows,
      (row) => column.sortValue(row, byName),
      sort.direction,
      english ? 'en' : 'zh-CN',
    );
  }, [props.rows, column, sort.direction, english]);
  const header = props.columns.map((c) => t(c.label));
  const cells = (row: T) => props.columns.map((c) => c.text(row, name));

  const exportColumns = props.columns.map((c, i): ExportColumn<T> => ({
    header: header[i] ?? '',
    value: (row) => c.text(row, name),
  }));

  return (
    <section className="cockpit-panel cockpit-table" data-testid={props.testId}>
      <div className="cockpit-panel__head">
        <h2>{props.title}</h2>
        <ExportButtons
          rows={rows}
          columns={exportColumns}
          fileName={props.exportName}
          testId={`${props.testId}-export`}
          deliver={props.deliver}
        />
      </div>
      <div className="cockpit-table__scroll">
        <table>
          <thead>
            <tr>
              {props.columns.map((c, i) => {
                const active = c.key === sort.column;
                return (
                  <th
                    key={c.key}
                    className={c.numeric ? 'num' : undefined}
                    aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
                  >
                    <button
                      type="button"
                      data-testid={`sort-${c.key}`}
                      onClick={() => setSort((s) => nextSort(s, c.key, c.natural))}
                    >
                      {header[i]}
                      <span className="sort-mark" aria-hidden>
                        {active ? (sort.direction === 'asc' ? '▲' : '▼') : ''}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-row-id={row.id}>
                {cells(row).map((text, i) => {
                  const numeric = props.columns[i]?.numeric ?? false;
                  // Names may be long (English bureau names): cut with an ellipsis, whole on hover.
                  return (
                    <td
                      key={props.columns[i]?.key ?? i}
                      className={numeric ? 'num' : 'name'}
                      title={numeric ? undefined : text}
                    >
                      {text}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
