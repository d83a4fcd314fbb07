import ExcelJS from 'exceljs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HotlineFileError, kindOf, recordsOf } from './hotline-file';
import { cellText } from './hotline-xlsx';

describe('12345 Excel files', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hotline-xlsx-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const saved = async (name: string, content: Buffer | string) => {
    const path = join(dir, name);
    await writeFile(path, content);
    return { path, originalname: name, mimetype: 'application/octet-stream' };
  };

  /** A workbook whose first tab holds the orders and a second tab something else. */
  const workbook = async (): Promise<Buffer> => {
    const book = new ExcelJS.Workbook();
    const orders = book.addWorksheet('工单');
    orders.addRow(['工单编号', '受理时间', '问题类型', '诉求内容', '经度', '纬度', '来电号码', '备注']);
    orders.addRow([
      'X-1',
      new Date(Date.UTC(2026, 10, 2, 10, 15)),
      '噪音扰民',
      { richText: [{ text: '夜间' }, { text: '施工' }] },
      118.788,
      32.021,
      13812345678,
      null,
    ]);
    orders.getCell('B2').numFmt = 'yyyy-mm-dd hh:mm';
    orders.addRow([]);
    orders.addRow(['X-2', '2026-11-03 09:00', 'noise', '广场舞', { formula: '118+0.5', result: 118.5 }, 32]);
    book.addWorksheet('说明').addRow(['工单编号', '不是工单']);
    return Buffer.from(await book.xlsx.writeBuffer());
  };

  const read = async (file: { path: string; originalname: string; mimetype: string }) => {
    const rows: unknown[] = [];
    for await (const { value } of recordsOf(file, await kindOf(file))) rows.push(value);
    return rows;
  };

  it('reads the first worksheet by its header: dates in China time, numbers, rich text, formulas', async () => {
    const file = await saved('orders.xlsx', await workbook());
    expect(await kindOf(file)).toBe('xlsx');
    expect(await read(file)).toEqual([
      {
        工单编号: 'X-1',
        受理时间: '2026-11-02 10:15:00',
        问题类型: '噪音扰民',
        诉求内容: '夜间施工',
        经度: '118.788',
        纬度: '32.021',
        来电号码: '13812345678',
        备注: '',
      },
      {
        工单编号: 'X-2',
        受理时间: '2026-11-03 09:00',
        问题类型: 'noise',
        诉求内容: '广场舞',
        经度: '118.5',
        纬度: '32',
        来电号码: '',
        备注: '',
      },
    ]);
  });

  it('goes by content: a workbook named .csv is read as one, an .xlsx that is no zip is refused', async () => {
    expect(await kindOf(await saved('renamed.csv', await workbook()))).toBe('xlsx');
    await expect(kindOf(await saved('fake.xlsx', 'orderNo\nA-1\n'))).rejects.toMatchObject({
      response: { fields: { file: ['is not an Excel workbook (.xlsx)'] } },
    });
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    await expect(kindOf(await saved('old.xls', ole))).rejects.toMatchObject({ status: 400 });
    await expect(kindOf(await saved('orders.txt', 'x'))).rejects.toMatchObject({ status: 400 });
  });

  it('refuses a cut-off workbook up front and reports a corrupt one as unreadable', async () => {
    const whole = await workbook();
    await expect(kindOf(await saved('cut.xlsx', whole.subarray(0, 2000)))).rejects.toMatchObject({
      response: { fields: { file: ['is not a complete Excel workbook (.xlsx)'] } },
    });
    // Zip magic, a central directory record, and noise between: the reader fails, never hangs.
    const noise = Buffer.concat([
      Buffer.from([0x50, 0x4b, 0x03, 0x04]),
      Buffer.alloc(300, 7),
      Buffer.from([0x50, 0x4b, 0x05, 0x06]),
      Buffer.alloc(18),
    ]);
    const broken = await saved('broken.xlsx', noise);
    const error = await read(broken).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(HotlineFileError);
    expect((error as HotlineFileError).coded.code).toMatch(/^(xlsx_unreadable|header_without_order_no)$/);
  });

  it('writes cells as the text a CSV would hold', () => {
    expect(cellText(null)).toBe('');
    expect(cellText(new Date(Date.UTC(2026, 0, 5, 8, 59, 59, 999)))).toBe('2026-01-05 09:00:00');
    expect(cellText({ error: '#N/A' })).toBe('');
    expect(cellText({ text: 'link', hyperlink: 'https://example.com' })).toBe('link');
    expect(cellText(true)).toBe('true');
  });
});
