import { BOM, csvCell, toCsv } from './csv';

describe('CSV export', () => {
  it('starts with a UTF-8 BOM, separates lines with CRLF and keeps Chinese as it is', () => {
    const text = toCsv(['部门', '得分'], [['城管局', '75.0']]);
    expect(text.startsWith(BOM)).toBe(true);
    expect(text).toBe(`${BOM}部门,得分\r\n城管局,75.0\r\n`);
    // Encoded as UTF-8 the file begins EF BB BF, which is how Excel recognises the encoding.
    expect([...new TextEncoder().encode(text).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('quotes cells with commas, quotes or line breaks', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('plain')).toBe('plain');
  });

  it('defuses cells a spreadsheet would run as formulas, but leaves negative numbers alone', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('-12.5')).toBe('-12.5');
  });
});
