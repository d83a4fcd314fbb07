/**
 * What an export writes: one column per field, with the header already in the UI language and the
 * cell as the screen shows it. A number stays a number in Excel (so it sums and sorts); everything
 * else is text. Callers build the columns next to the table they export, so both say the same.
 */
export type ExportCell = string | number | null | undefined;

export interface ExportColumn<T> {
  /** The header text, already translated. */
  header: string;
  /** The cell for one row: text as on screen, or a number Excel should treat as one. */
  value: (row: T) => ExportCell;
  /** Column width in Excel, in characters; a sensible width is guessed when missing. */
  width?: number;
}

/** The rows as a grid of cells, header first: what both the CSV and the Excel writer consume. */
export function toGrid<T>(
  columns: readonly ExportColumn<T>[],
  rows: readonly T[],
): { header: string[]; body: ExportCell[][] } {
  return {
    header: columns.map((c) => c.header),
    body: rows.map((row) => columns.map((c) => c.value(row))),
  };
}
