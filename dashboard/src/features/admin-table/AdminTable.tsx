import type { ReactNode } from 'react';
import type { ExportColumn } from '../../lib/export/columns';

/**
 * One column of an admin list: its export definition (header and plain value, lib/export) and,
 * where the screen shows more than text, how a cell renders. The same array feeds the table and
 * the CSV/Excel export, so both always agree.
 */
export interface AdminColumn<T> extends ExportColumn<T> {
  key: string;
  render?: (row: T) => ReactNode;
  className?: string;
}

interface AdminTableProps<T> {
  rows: readonly T[];
  columns: readonly AdminColumn<T>[];
  rowKey: (row: T) => string;
  /** Buttons at the end of each row (not exported). */
  actions?: (row: T) => ReactNode;
  actionsLabel?: string;
  rowClassName?: (row: T) => string | undefined;
  testId?: string;
}

/** A plain list of rows under column definitions: the admin console's every table. */
export function AdminTable<T>(props: AdminTableProps<T>) {
  const { rows, columns, rowKey, actions } = props;
  return (
    <table className="table admin-table" data-testid={props.testId}>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.key} className={c.className}>
              {c.header}
            </th>
          ))}
          {actions && <th className="admin-table__actions">{props.actionsLabel}</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)} className={props.rowClassName?.(row)} data-testid={`row-${rowKey(row)}`}>
            {columns.map((c) => (
              <td key={c.key} className={c.className}>
                {c.render ? c.render(row) : (c.value(row) ?? '')}
              </td>
            ))}
            {actions && <td className="admin-table__actions">{actions(row)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
