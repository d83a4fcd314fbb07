import i18n from 'i18next';
import type { HotlineRowError } from '@whistle/shared';
import { rowErrorsCsv } from './error-csv';

const ERRORS: HotlineRowError[] = [
  { row: 2, orderNo: '12345-001', field: 'category', message: '违章停车, 未知分类 "x"' },
  { row: 5, orderNo: null, field: 'location', message: 'outside the district' },
  { row: 7, orderNo: '=cmd', field: 'receivedAt', message: 'is not a time' },
];

describe('row errors CSV', () => {
  afterEach(() => i18n.changeLanguage('zh-CN'));

  it('starts with a UTF-8 BOM, has a Chinese header and CRLF lines, and quotes what needs it', () => {
    const csv = rowErrorsCsv(i18n.t.bind(i18n), ERRORS);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('行号,工单编号,字段,错误说明');
    // The message holds a comma and quotes: one quoted cell with its quotes doubled.
    expect(lines[1]).toBe('2,12345-001,问题类型,"违章停车, 未知分类 ""x"""');
    expect(lines[2]).toBe('5,,位置,outside the district');
    // A cell a spreadsheet would run as a formula is defused.
    expect(lines[3]).toBe("7,'=cmd,受理时间,is not a time");
    expect(lines).toHaveLength(5);
    expect(lines[4]).toBe('');
  });

  it('follows the UI language', async () => {
    await i18n.changeLanguage('en');
    const csv = rowErrorsCsv(i18n.t.bind(i18n), ERRORS.slice(0, 1));
    expect(csv.slice(1).split('\r\n')[0]).toBe('Row,Order no.,Field,Error');
    expect(csv).toContain(',Category,');
  });
});
