import { fireEvent, screen, within } from '@testing-library/react';
import type { HotlineImportReport } from '@whistle/shared';
import { deskUser, renderSignedIn } from '../../test/render';
import { HotlineImportAdmin } from './HotlineImportAdmin';
import { HotlineImportReport as Report } from './HotlineImportReport';

const REPORT: HotlineImportReport = {
  total: 6,
  created: 3,
  duplicates: 1,
  updated: 0,
  failed: 2,
  errorCount: 3,
  errors: [
    {
      row: 4,
      orderNo: 'A-4',
      field: 'category',
      code: 'category_unknown',
      params: { value: '外星人' },
      message: '"外星人" is not a known category',
    },
    {
      row: 4,
      orderNo: 'A-4',
      field: 'receivedAt',
      code: 'received_at_future',
      params: {},
      message: 'is in the future',
    },
    {
      row: 6,
      orderNo: null,
      field: 'location',
      code: 'point_outside_district',
      params: { lng: 117.5, lat: 32 },
      message: '(117.5, 32) is outside every grid of the district',
    },
  ],
};

describe('12345 import', () => {
  it('shows the tallies, the row errors with their fields named, and the time in China time', () => {
    renderSignedIn(
      <Report report={REPORT} fileName="orders.csv" finishedAt={new Date('2026-12-02T08:37:00Z')} />,
      deskUser('admin'),
    );
    const report = screen.getByTestId('hotline-report');
    expect(within(report).getByText('orders.csv · 完成于 2026-12-02 16:37')).toBeTruthy();
    expect(within(screen.getByTestId('hotline-stat-created')).getByText('3')).toBeTruthy();
    expect(within(screen.getByTestId('hotline-stat-duplicates')).getByText('1')).toBeTruthy();
    expect(within(screen.getByTestId('hotline-stat-failed')).getByText('2')).toBeTruthy();
    const rows = within(screen.getByTestId('hotline-errors')).getAllByRole('row');
    expect(rows.map((r) => r.textContent)).toEqual([
      '行号工单编号字段错误说明',
      '4A-4问题类型“外星人”不是已知的问题类型',
      '4A-4受理时间晚于当前时间',
      '6—位置坐标 (117.5, 32) 不在本区任何网格内',
    ]);
    expect(screen.getByText('行错误（3）')).toBeTruthy();
    expect(screen.getByTestId('hotline-errors-download')).toBeTruthy();
  });

  it('says when the server kept only the first errors, and shows no download when there are none', () => {
    const { unmount } = renderSignedIn(
      <Report report={{ ...REPORT, errorCount: 1500 }} fileName="big.csv" finishedAt={new Date()} />,
      deskUser('admin'),
    );
    expect(screen.getByText('共 1500 条错误，此处及下载文件只含前 3 条')).toBeTruthy();
    unmount();
    renderSignedIn(
      <Report
        report={{ ...REPORT, failed: 0, errorCount: 0, errors: [] }}
        fileName="ok.csv"
        finishedAt={new Date()}
      />,
      deskUser('admin'),
    );
    expect(screen.getByText('所有行均已处理，没有错误')).toBeTruthy();
    expect(screen.queryByTestId('hotline-errors-download')).toBeNull();
  });

  it('asks for a file beside the file field before uploading anything', () => {
    renderSignedIn(<HotlineImportAdmin />, deskUser('admin'));
    fireEvent.click(screen.getByTestId('hotline-upload'));
    expect(within(screen.getByTestId('hotline-file-field')).getByRole('alert').textContent).toBe(
      '请选择文件',
    );
    expect(screen.queryByTestId('hotline-progress')).toBeNull();
    // The hotline platform exports Excel workbooks: the picker offers them beside CSV and JSON.
    expect(screen.getByTestId('hotline-file').getAttribute('accept')?.split(',')).toEqual(
      expect.arrayContaining(['.xlsx', '.csv', '.json']),
    );
  });
});
