import i18n from 'i18next';
import { ApiError } from '../../lib/api/api-error';
import { fileRefusalMessages } from './file-refusal';

const refusal = (code: string | undefined, message: string) =>
  new ApiError(400, {
    statusCode: 400,
    error: 'Bad Request',
    message: `Invalid request: file ${message}`,
    fields: { file: [message] },
    ...(code ? { code, params: {} } : {}),
  });

describe('a file refused whole', () => {
  afterEach(() => i18n.changeLanguage('zh-CN'));

  it('is said in the UI language from its code', async () => {
    const t = i18n.t.bind(i18n);
    const old = refusal('xls_format', 'is an old Excel workbook (.xls): save it as .xlsx and send that');
    expect(fileRefusalMessages(t, old)).toEqual(['这是旧版 Excel 工作簿（.xls），请另存为 .xlsx 后再上传']);
    await i18n.changeLanguage('en');
    expect(fileRefusalMessages(i18n.t.bind(i18n), old)).toEqual([
      'This is an old Excel workbook (.xls): save it as .xlsx and upload that',
    ]);
  });

  it("keeps the server's words without a code, or with one the dashboard does not know", () => {
    const t = i18n.t.bind(i18n);
    expect(fileRefusalMessages(t, refusal(undefined, 'is too odd'))).toEqual(['is too odd']);
    expect(fileRefusalMessages(t, refusal('brand_new', 'is newer'))).toEqual(['is newer']);
    expect(fileRefusalMessages(t, new Error('network'))).toEqual([]);
  });
});
