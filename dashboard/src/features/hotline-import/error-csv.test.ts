import i18n from 'i18next';
import { HOTLINE_ROW_ERROR_CODES, type HotlineRowError } from '@whistle/shared';
import { rowErrorsCsv } from './error-csv';

const ERRORS: HotlineRowError[] = [
  {
    row: 2,
    orderNo: '12345-001',
    field: 'category',
    code: 'category_unknown',
    params: { value: '违章停车, "x"' },
    message: '"违章停车, "x"" is not a known category',
  },
  {
    row: 5,
    orderNo: null,
    field: 'location',
    code: 'location_missing',
    params: {},
    message: 'give lng and lat, or an address',
  },
  {
    row: 7,
    orderNo: '=cmd',
    field: 'receivedAt',
    code: 'received_at_format',
    params: {},
    message: 'must be an ISO-8601 time with a zone, or "YYYY-MM-DD HH:mm[:ss]" (UTC+8)',
  },
];

describe('row errors CSV', () => {
  afterEach(() => i18n.changeLanguage('zh-CN'));

  it('starts with a UTF-8 BOM, has a Chinese header and CRLF lines, and quotes what needs it', () => {
    const csv = rowErrorsCsv(i18n.t.bind(i18n), ERRORS);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('行号,工单编号,字段,错误说明');
    // The error, said in Chinese from its code, holds a comma and quotes: one quoted cell, quotes doubled.
    expect(lines[1]).toBe('2,12345-001,问题类型,"“违章停车, ""x""”不是已知的问题类型"');
    expect(lines[2]).toBe('5,,位置,请提供经纬度或地址');
    // A cell a spreadsheet would run as a formula is defused.
    expect(lines[3]).toBe(
      "7,'=cmd,受理时间,须为带时区的 ISO-8601 时间，或“YYYY-MM-DD HH:mm[:ss]”（北京时间）",
    );
    expect(lines).toHaveLength(5);
    expect(lines[4]).toBe('');
  });

  it('follows the UI language', async () => {
    await i18n.changeLanguage('en');
    const csv = rowErrorsCsv(i18n.t.bind(i18n), ERRORS.slice(1, 2));
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('Row,Order no.,Field,Error');
    expect(lines[1]).toBe('5,,Location,"Give a longitude and latitude, or an address"');
  });

  it("keeps the server's message for a code the dashboard does not know", () => {
    const newer = { ...ERRORS[1], code: 'brand_new', message: 'a newer server knows this' };
    const csv = rowErrorsCsv(i18n.t.bind(i18n), [newer as unknown as HotlineRowError]);
    expect(csv.slice(1).split('\r\n')[1]).toBe('5,,位置,a newer server knows this');
  });

  it('has words for every row error code in both languages', () => {
    for (const lng of ['zh-CN', 'en'])
      for (const code of HOTLINE_ROW_ERROR_CODES)
        expect(i18n.exists(`adminImports.hotline.messages.${code}`, { lng, fallbackLng: [] })).toBe(true);
  });
});
