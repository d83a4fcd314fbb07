import { toGrid, type ExportCell, type ExportColumn } from './columns';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Excel limits sheet names to 31 characters and forbids a few signs. */
export function safeSheetName(name: string): string {
  const cleaned = name.replace(/[\\/?*[\]:]/g, ' ').trim();
  return (cleaned || 'Sheet1').slice(0, 31);
}

function guessWidth(header: string, cells: readonly ExportCell[]): number {
  // A Chinese character is about two Latin ones wide.
  const width = (v: ExportCell) =>
    [...String(v ?? '')].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  const widest = Math.max(width(header), ...cells.map(width));
  return Math.min(60, Math.max(8, widest + 2));
}

/**
 * An .xlsx workbook of one sheet: a bold, frozen header row and the rows below it. exceljs is
 * loaded here, on first use, so it stays out of the main bundle (it is most of a megabyte).
 */
export async function toXlsx<T>(
  columns: readonly ExportColumn<T>[],
  rows: readonly T[],
  sheetName: string,
): Promise<ArrayBuffer> {
  const { default: ExcelJS } = await import('exceljs');
  const { header, body } = toGrid(columns, rows);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Whistle';
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(safeSheetName(sheetName), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = columns.map((c, i) => ({
    width:
      c.width ??
      guessWidth(
        c.header,
        body.map((cells) => cells[i]),
      ),
  }));
  sheet.addRow(header).font = { bold: true };
  for (const cells of body) sheet.addRow(cells.map((v) => v ?? ''));
  const buffer = await workbook.xlsx.writeBuffer();
  // writeBuffer gives a Node Buffer in Node and an ArrayBuffer-backed view in the browser.
  const bytes = buffer as unknown as Uint8Array;
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
