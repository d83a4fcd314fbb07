import { fireEvent, screen, within } from '@testing-library/react';
import { DEPARTMENT_SCORE_WEIGHTS, STREET_SCORE_WEIGHTS, type MonthlyReport } from '@whistle/shared';
import { LiveProvider } from '../../features/live/LiveProvider';
import { captureDownloads, csvLines } from '../../test/downloads';
import { FakeSocket } from '../../test/fake-socket';
import { deskUser, fakeFetch, renderSignedIn } from '../../test/render';
import { MonthlyReportPage } from './MonthlyReportPage';

// No socket.io in jsdom: the header's connection state comes from a stand-in socket.
jest.mock('../../features/live/socket', () => ({ createSocket: (auth: never) => new FakeSocket(auth) }));

const renderPage = () =>
  renderSignedIn(
    <LiveProvider>
      <MonthlyReportPage />
    </LiveProvider>,
    deskUser('district_leader'),
  );

const report = (month: string): MonthlyReport => ({
  month,
  district: { id: 'd1', nameZh: '秦淮区', nameEn: 'Qinhuai' },
  from: '2026-10-31T16:00:00.000Z',
  to: '2026-11-30T16:00:00.000Z',
  generatedAt: '2026-12-06T07:05:00.000Z',
  partial: false,
  weights: { department: DEPARTMENT_SCORE_WEIGHTS, street: STREET_SCORE_WEIGHTS },
  departments: [
    {
      id: 'y',
      nameZh: '供电公司',
      nameEn: 'Power',
      dispatches: 0,
      responseRate: null,
      onTimeArrivalRate: null,
      resolutionRate: null,
      reopenRate: null,
      averageRating: null,
      ratings: 0,
      score: 0,
      rank: 2,
    },
    {
      id: 'x',
      nameZh: '城管局',
      nameEn: 'Urban Management',
      dispatches: 12,
      responseRate: 0.75,
      onTimeArrivalRate: 0.5,
      resolutionRate: 0.9,
      reopenRate: 0.1,
      averageRating: 4.25,
      ratings: 8,
      score: 78.3,
      rank: 1,
    },
  ],
  streets: [
    {
      id: 's1',
      nameZh: '夫子庙街道',
      nameEn: 'Fuzimiao',
      incidents: 40,
      whistles: 10,
      dispatches: 12,
      resolutionRate: 0.9,
      reopenRate: 0.1,
      whistleRate: 0.25,
      satisfactionRate: 0.8,
      satisfactionAnswers: 5,
      score: 85.5,
      rank: 1,
    },
  ],
});

describe('MonthlyReportPage', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-12-06T07:00:00Z'), advanceTimers: true });
    window.history.replaceState(null, '', '/');
  });
  afterEach(() => jest.useRealTimers());

  it('shows last month’s departments and streets by rank, with weights, figures and scores', async () => {
    const fetch = fakeFetch(() => [200, report('2026-11')]);
    renderPage();
    const departments = await screen.findByTestId('report-departments');
    expect(String(fetch.mock.calls[0]?.[0])).toContain('/api/reports/monthly?month=2026-11');
    expect(screen.getByTestId('report-title').textContent).toBe('秦淮区 2026年11月 月度考核');
    expect(screen.getByText('考核周期：2026-11-01 至 2026-11-30（北京时间）')).toBeTruthy();
    expect(screen.getByTestId('report-generated').textContent).toBe('生成时间：2026-12-06 15:05（北京时间）');

    const headers = within(departments)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual([
      '排名',
      '部门',
      '派单数',
      '响应率权重 15%',
      '按时报到率权重 15%',
      '办结率权重 20%',
      '返工率权重 10%',
      '街道评价权重 40%',
      '总分',
    ]);
    const rows = within(departments).getAllByRole('row').slice(1);
    expect(
      rows.map((r) =>
        within(r)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      ),
    ).toEqual([
      ['1', '城管局', '12', '75.0%', '50.0%', '90.0%', '10.0%', '4.25 分（8 条）', '78.3'],
      ['2', '供电公司', '0', '—', '—', '—', '—', '—', '0.0'],
    ]);
    const streets = screen.getByTestId('report-streets');
    expect(within(streets).getAllByRole('row')[1]?.textContent).toContain('80.0%（5 件）');
    expect(within(streets).getByText('不计分')).toBeTruthy();
    expect(document.title).toBe('秦淮区 2026年11月 月度考核');
  });

  it('steps to another month and asks the server for it; the month after this one is not offered', async () => {
    const fetch = fakeFetch((_method, _path) => undefined);
    fetch.mockImplementation((input: URL | string) => {
      const month = new URL(String(input)).searchParams.get('month') ?? '';
      return Promise.resolve({
        ok: true,
        status: 200,
        json: () => Promise.resolve({ ...report(month), partial: month === '2026-12' }),
      } as unknown as Response);
    });
    renderPage();
    await screen.findByText('秦淮区 2026年11月 月度考核');
    fireEvent.click(screen.getByRole('button', { name: '下一月' }));
    await screen.findByText('秦淮区 2026年12月 月度考核');
    expect(screen.getByText('本月尚未结束，数据截至生成时间，仍会变化。')).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: '下一月' }).disabled).toBe(true);

    const select = screen.getByTestId<HTMLSelectElement>('report-month');
    // Every month up to this one, newest first; none after it.
    expect([...select.options].slice(0, 2).map((o) => [o.value, o.textContent])).toEqual([
      ['2026-12', '2026年12月'],
      ['2026-11', '2026年11月'],
    ]);
    fireEvent.change(select, { target: { value: '2026-07' } });
    await screen.findByText('秦淮区 2026年7月 月度考核');
    expect(select.value).toBe('2026-07');
    const asked = fetch.mock.calls.map((c) => new URL(String(c[0])).searchParams.get('month'));
    expect(asked).toEqual(['2026-11', '2026-12', '2026-07']);
  });

  it('says when the report cannot be loaded, with the server’s reason', async () => {
    fakeFetch(() => [403, { statusCode: 403, message: 'Forbidden' }]);
    renderPage();
    expect((await screen.findByRole('alert')).textContent).toContain('考核数据加载失败');
  });

  it('prints from the browser', async () => {
    fakeFetch(() => [200, report('2026-11')]);
    const print = jest.spyOn(window, 'print').mockImplementation(() => undefined);
    renderPage();
    await screen.findByTestId('report-departments');
    fireEvent.click(screen.getByTestId('report-print'));
    expect(print).toHaveBeenCalledTimes(1);
  });

  it('exports each table to CSV by rank, rates as numbers of percent, named after the month', async () => {
    fakeFetch(() => [200, report('2026-11')]);
    renderPage();
    await screen.findByTestId('report-departments');
    const files = captureDownloads();
    try {
      fireEvent.click(screen.getByTestId('report-departments-export-csv'));
      fireEvent.click(screen.getByTestId('report-streets-export-csv'));
      expect(files.map((f) => f.fileName)).toEqual([
        '部门月度考核_2026-11_2026-12-06.csv',
        '街道月度考核_2026-11_2026-12-06.csv',
      ]);
      const departments = await csvLines(files[0]);
      expect(departments[0]).toBe(
        '排名,部门,派单数,响应率(%) 权重 15%,按时报到率(%) 权重 15%,办结率(%) 权重 20%,返工率(%) 权重 10%,街道评价 权重 40%,评价条数,总分',
      );
      expect(departments.slice(1)).toEqual(['1,城管局,12,75,50,90,10,4.25,8,78.3', '2,供电公司,0,,,,,,0,0']);
      const streets = await csvLines(files[1]);
      expect(streets.slice(1)).toEqual(['1,夫子庙街道,40,10,12,90,10,25,80,5,85.5']);
      expect(screen.getByTestId('report-streets-export-xlsx')).toBeTruthy();
    } finally {
      jest.restoreAllMocks();
    }
  });
});
