import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportColumn } from './columns';
import { CSV_TYPE, toCsv } from './csv';
import { datedFileName, downloadBlob } from './download';
import { toXlsx, XLSX_TYPE } from './xlsx';
import './export.css';

export interface ExportButtonsProps<T> {
  /** The rows as the list shows them (filtered and in screen order). */
  rows: readonly T[];
  columns: readonly ExportColumn<T>[];
  /** Base file name without extension; the China date of the export is appended. */
  fileName: string;
  /** Prefix of the buttons' test ids: `${testId}-csv`, `${testId}-xlsx`. */
  testId?: string;
  /** Where the file goes; the browser download unless a test captures it. */
  deliver?: (fileName: string, blob: Blob) => void;
}

/**
 * Two buttons, CSV and Excel, that export exactly the rows and columns given. Excel's writer is
 * loaded on the first click only.
 *
 *   <ExportButtons rows={rows} columns={columns} fileName={t('ops.export.files.dispatches')} />
 */
export function ExportButtons<T>({
  rows,
  columns,
  fileName,
  testId = 'export',
  deliver = downloadBlob,
}: ExportButtonsProps<T>) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const name = datedFileName(fileName);

  const csv = () => deliver(`${name}.csv`, new Blob([toCsv(columns, rows)], { type: CSV_TYPE }));
  const xlsx = async () => {
    setBusy(true);
    setFailed(false);
    try {
      const bytes = await toXlsx(columns, rows, fileName);
      deliver(`${name}.xlsx`, new Blob([bytes], { type: XLSX_TYPE }));
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <span className="export-buttons" role="group" aria-label={t('ops.export.label')}>
      <button type="button" data-testid={`${testId}-csv`} disabled={rows.length === 0} onClick={csv}>
        {t('ops.export.csv')}
      </button>
      <button
        type="button"
        data-testid={`${testId}-xlsx`}
        disabled={rows.length === 0 || busy}
        onClick={() => void xlsx()}
      >
        {busy ? t('ops.export.preparing') : t('ops.export.xlsx')}
      </button>
      {failed && (
        <span className="error small" role="alert">
          {t('ops.export.failed')}
        </span>
      )}
    </span>
  );
}
