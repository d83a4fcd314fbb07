import ExcelJS from 'exceljs';
import type { ExportColumn } from './columns';
import { safeSheetName, toXlsx } from './xlsx';

interface Row {
  title: string;
  count: number;
  due: string | null;
}
const columns: ExportColumn<Row>[] = [
  { header: '标题', value: (r) => r.title },
  { header: '派单数', value: (r) => r.count },
  { header: '时限', value: (r) => r.due },
];

describe('Excel export', () => {
  it('writes a workbook whose sheet holds the header and every row, read back by exceljs', async () => {
    const rows: Row[] = [
      { title: '燃气管道泄漏, "东门"', count: 3, due: '2026-12-02 16:37' },
      { title: '=1+1', count: 0, due: null },
    ];
    const bytes = await toXlsx(columns, rows, '派单列表');
    // An .xlsx is a zip: it begins "PK".
    expect([...new Uint8Array(bytes).slice(0, 2)]).toEqual([0x50, 0x4b]);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes);
    const sheet = book.getWorksheet('派单列表');
    expect(sheet).toBeDefined();
    const values = (n: number) => (sheet?.getRow(n).values as unknown[]).slice(1);
    expect(values(1)).toEqual(['标题', '派单数', '时限']);
    expect(sheet?.getRow(1).font?.bold).toBe(true);
    expect(values(2)).toEqual(['燃气管道泄漏, "东门"', 3, '2026-12-02 16:37']);
    // Text stays text (never a formula) and a number stays a number.
    expect(values(3)).toEqual(['=1+1', 0, '']);
    expect(sheet?.getCell('A3').type).toBe(ExcelJS.ValueType.String);
    expect(sheet?.getCell('B2').type).toBe(ExcelJS.ValueType.Number);
    expect(sheet?.rowCount).toBe(3);
  });

  it('keeps sheet names within Excel’s rules', () => {
    expect(safeSheetName('部门排名/2026:03')).toBe('部门排名 2026 03');
    expect(safeSheetName('x'.repeat(40))).toHaveLength(31);
    expect(safeSheetName('')).toBe('Sheet1');
  });
});
