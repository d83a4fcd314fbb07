import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { DepartmentPeriodRow } from '@whistle/shared';
import { DEPARTMENT_COLUMNS } from './columns';
import { BOM } from '../../lib/export/csv';
import { blobText } from '../../test/blob';
import { RankingTable } from './RankingTable';

const row = (id: string, nameZh: string, patch: Partial<DepartmentPeriodRow>): DepartmentPeriodRow => ({
  id,
  nameZh,
  nameEn: `${id} dept`,
  dispatches: 0,
  onTimeAcceptRate: null,
  onTimeArriveRate: null,
  onTimeResolveRate: null,
  averageRating: null,
  ratings: 0,
  overdue: 0,
  score: 0,
  rank: 0,
  ...patch,
});

const rows = [
  row('a', '城管局', { rank: 2, score: 62.5, dispatches: 10, overdue: 3, onTimeArriveRate: 0.5 }),
  row('b', '消防救援', { rank: 1, score: 90, dispatches: 4, overdue: 0, onTimeArriveRate: 1 }),
  row('c', '供电公司', { rank: 3, score: 0, dispatches: 0, overdue: 0, onTimeArriveRate: null }),
];

function renderTable(deliver = jest.fn<void, [string, Blob]>()) {
  render(
    <RankingTable
      testId="department-ranking"
      title="部门排名"
      columns={DEPARTMENT_COLUMNS}
      rows={rows}
      initialSort={{ column: 'rank', direction: 'asc' }}
      exportName="部门排名_2026-03-01_2026-03-07"
      deliver={deliver}
    />,
  );
  return deliver;
}

const names = () =>
  within(screen.getByTestId('department-ranking'))
    .getAllByRole('row')
    .slice(1)
    .map((r) => r.querySelectorAll('td')[1]?.textContent);

describe('ranking table', () => {
  it('starts in the initial order and sorts by any column, flipping on a second click', () => {
    renderTable();
    expect(names()).toEqual(['消防救援', '城管局', '供电公司']);
    fireEvent.click(screen.getByTestId('sort-dispatches'));
    expect(names()).toEqual(['城管局', '消防救援', '供电公司']);
    fireEvent.click(screen.getByTestId('sort-dispatches'));
    expect(names()).toEqual(['供电公司', '消防救援', '城管局']);
    // Fewest overdue first on the first click; ties keep their order.
    fireEvent.click(screen.getByTestId('sort-overdue'));
    expect(names()).toEqual(['消防救援', '供电公司', '城管局']);
  });

  it('keeps departments without data last, whichever way a rate is sorted', () => {
    renderTable();
    fireEvent.click(screen.getByTestId('sort-onTimeArrive'));
    expect(names()).toEqual(['消防救援', '城管局', '供电公司']);
    fireEvent.click(screen.getByTestId('sort-onTimeArrive'));
    expect(names()).toEqual(['城管局', '消防救援', '供电公司']);
    expect(screen.getByTestId('sort-onTimeArrive').closest('th')?.getAttribute('aria-sort')).toBe(
      'ascending',
    );
  });

  it('exports exactly the table on screen: its headers, cell texts and current order', async () => {
    const deliver = renderTable();
    fireEvent.click(screen.getByTestId('sort-score'));
    fireEvent.click(screen.getByTestId('department-ranking-export-csv'));
    await waitFor(() => expect(deliver).toHaveBeenCalledTimes(1));
    const [fileName, blob] = deliver.mock.calls[0];
    expect(fileName).toMatch(/^部门排名_2026-03-01_2026-03-07_\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await blobText(blob);
    expect(csv.startsWith(BOM)).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toEqual([
      '名次,部门,派单数,按时接单率,按时报到率,按时办结率,评价均分,超时数,综合得分',
      '1,消防救援,4,—,100.0%,—,—,0,90.0',
      '2,城管局,10,—,50.0%,—,—,3,62.5',
      '3,供电公司,0,—,—,—,—,0,0.0',
    ]);
    // The screen shows the same texts.
    const cells = within(screen.getByTestId('department-ranking'))
      .getAllByRole('row')
      .slice(1)
      .map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent).join(','));
    expect(cells).toEqual(lines.slice(1));
  });
});
