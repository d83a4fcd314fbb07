import { useTranslation } from 'react-i18next';
import type { HotlineImportReport as Report } from '@whistle/shared';
import { chinaDateTime } from '../../lib/china-time';
import { CSV_TYPE } from '../../lib/export/csv';
import { datedFileName, downloadBlob } from '../../lib/export/download';
import { fieldLabel, rowErrorsCsv, rowErrorText } from './error-csv';

const STATS = ['total', 'created', 'duplicates', 'updated', 'failed'] as const;

/** Rows shown on screen; the download holds every error the server returned. */
const SHOWN_ROWS = 200;

interface Props {
  report: Report;
  fileName: string;
  finishedAt: Date;
}

/** What a 12345 import did: the tallies, the row errors, and those errors as a CSV download. */
export function HotlineImportReport({ report, fileName, finishedAt }: Props) {
  const { t } = useTranslation();
  const download = () =>
    downloadBlob(
      `${datedFileName(t('adminImports.hotline.csvName'), finishedAt)}.csv`,
      new Blob([rowErrorsCsv(t, report.errors)], { type: CSV_TYPE }),
    );
  return (
    <section
      className="hotline-report"
      data-testid="hotline-report"
      aria-label={t('adminImports.hotline.reportTitle')}
    >
      <header className="hotline-report__head">
        <h3>{t('adminImports.hotline.reportTitle')}</h3>
        <span className="muted">
          {t('adminImports.hotline.finishedAt', { file: fileName, time: chinaDateTime(finishedAt) })}
        </span>
      </header>
      <dl className="hotline-report__stats">
        {STATS.map((key) => (
          <div key={key} className={`hotline-stat hotline-stat--${key}`} data-testid={`hotline-stat-${key}`}>
            <dt>{t(`adminImports.hotline.stats.${key}`)}</dt>
            <dd>{report[key]}</dd>
          </div>
        ))}
      </dl>
      {report.errorCount === 0 ? (
        <p className="hotline-report__clean">{t('adminImports.hotline.noErrors')}</p>
      ) : (
        <>
          <div className="hotline-report__errors-head">
            <h4>{t('adminImports.hotline.errorsTitle', { count: report.errorCount })}</h4>
            <button type="button" onClick={download} data-testid="hotline-errors-download">
              {t('adminImports.hotline.download')}
            </button>
          </div>
          {report.errorCount > report.errors.length && (
            <p className="muted">
              {t('adminImports.hotline.errorsCapped', {
                count: report.errorCount,
                shown: report.errors.length,
              })}
            </p>
          )}
          <table className="hotline-errors" data-testid="hotline-errors">
            <thead>
              <tr>
                <th>{t('adminImports.hotline.columns.row')}</th>
                <th>{t('adminImports.hotline.columns.orderNo')}</th>
                <th>{t('adminImports.hotline.columns.field')}</th>
                <th>{t('adminImports.hotline.columns.message')}</th>
              </tr>
            </thead>
            <tbody>
              {report.errors.slice(0, SHOWN_ROWS).map((e, i) => (
                <tr key={`${e.row}-${e.field}-${i}`}>
                  <td className="num">{e.row}</td>
                  <td>{e.orderNo ?? '—'}</td>
                  <td>{fieldLabel(t, e.field)}</td>
                  <td>{rowErrorText(t, e)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
