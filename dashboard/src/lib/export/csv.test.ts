import type { ExportColumn } from './columns';
import { BOM, csvCell, toCsv } from './csv';

interface Row {
  name: string;
  score: number | null;
}
const columns: ExportColumn<Row>[] = [
  { header: '部门', value: (r) => r.name },
  { header: '得分', value: (r) => r.score },
];

describe('CSV export', () => {
  it('starts with a UTF-8 BOM, separates lines with CRLF and keeps Chinese as it is', () => {
    const text = toCsv(columns, [{ name: '城管局', score: 75 }]);
    expect(text).toBe(`${BOM}部门,得分\r\n城管局,75\r\n`);
    // Encoded as UTF-8 the file begins EF BB BF, which is how Excel recognises the encoding.
    expect([...new TextEncoder().encode(text).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('quotes cells with commas, quotes or line breaks (RFC 4180), doubling the quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\r\nlf')).toBe('"cr\r\nlf"');
    expect(csvCell('plain')).toBe('plain');
    const text = toCsv(columns, [{ name: '路灯,不亮 "东门"', score: null }]);
    expect(text).toBe(`${BOM}部门,得分\r\n"路灯,不亮 ""东门""",\r\n`);
  });

  it('writes missing cells empty and numbers as they are, negative ones included', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(-12.5)).toBe('-12.5');
    expect(csvCell(0)).toBe('0');
  });

  it('defuses text a spreadsheet would run as a formula, but leaves negative numbers alone', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('+86 138')).toBe("'+86 138");
    expect(csvCell('-12.5')).toBe('-12.5');
  });
});
