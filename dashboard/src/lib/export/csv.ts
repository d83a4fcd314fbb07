import { toGrid, type ExportCell, type ExportColumn } from './columns';

/**
 * CSV that Excel opens correctly (RFC 4180): a UTF-8 byte-order mark (without it Excel reads
 * Chinese as mojibake), CRLF line ends, and a cell quoted when it holds a comma, quote or line
 * break, with its quotes doubled. A text cell that starts with = + - @ is prefixed with ' so a
 * spreadsheet never runs it as a formula (negative numbers are left alone).
 */
export const BOM = '\uFEFF';

export function csvCell(value: ExportCell): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  const safe = typeof value === 'string' && /^[=+\-@]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The whole file as text, BOM first. */
export function toCsv<T>(columns: readonly ExportColumn<T>[], rows: readonly T[]): string {
  const { header, body } = toGrid(columns, rows);
  const lines = [header, ...body].map((cells) => cells.map(csvCell).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

export const CSV_TYPE = 'text/csv;charset=utf-8';
