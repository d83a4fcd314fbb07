import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { blobBytes, blobText } from '../../test/blob';
import type { ExportColumn } from './columns';
import { BOM } from './csv';
import { ExportButtons } from './ExportButtons';

interface Row {
  title: string;
}
const columns: ExportColumn<Row>[] = [{ header: '标题', value: (r) => r.title }];

function renderButtons(rows: Row[]) {
  const deliver = jest.fn<void, [string, Blob]>();
  render(<ExportButtons rows={rows} columns={columns} fileName="派单列表" deliver={deliver} />);
  return deliver;
}

describe('export buttons', () => {
  it('export the rows to CSV with the China date in the file name', async () => {
    jest.useFakeTimers({ now: new Date('2026-12-02T17:30:00Z'), doNotFake: ['setTimeout', 'setInterval'] });
    try {
      const deliver = renderButtons([{ title: '井盖缺失' }]);
      fireEvent.click(screen.getByTestId('export-csv'));
      expect(deliver).toHaveBeenCalledTimes(1);
      const [name, blob] = deliver.mock.calls[0];
      // 17:30 UTC is already the next day in China.
      expect(name).toBe('派单列表_2026-12-03.csv');
      expect(blob.type).toBe('text/csv;charset=utf-8');
      expect(await blobText(blob)).toBe(`${BOM}标题\r\n井盖缺失\r\n`);
    } finally {
      jest.useRealTimers();
    }
  });

  it('export to Excel on click, loading the writer then', async () => {
    const deliver = renderButtons([{ title: '井盖缺失' }]);
    expect(screen.getByTestId('export-xlsx').textContent).toBe('导出 Excel');
    fireEvent.click(screen.getByTestId('export-xlsx'));
    await waitFor(() => expect(deliver).toHaveBeenCalledTimes(1), { timeout: 15_000 });
    const [name, blob] = deliver.mock.calls[0];
    expect(name).toMatch(/^派单列表_\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(blob.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect([...(await blobBytes(blob)).slice(0, 2)]).toEqual([0x50, 0x4b]);
  });

  it('are disabled while there is nothing to export', () => {
    renderButtons([]);
    expect(screen.getByTestId('export-csv').hasAttribute('disabled')).toBe(true);
    expect(screen.getByTestId('export-xlsx').hasAttribute('disabled')).toBe(true);
  });
});
