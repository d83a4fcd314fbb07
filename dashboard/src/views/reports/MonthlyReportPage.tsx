import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { MonthlyReport } from '@whistle/shared';
import { ViewHeader } from '../../features/header/ViewHeader';
import {
  DepartmentAssessmentTable,
  StreetAssessmentTable,
} from '../../features/monthly-report/AssessmentTables';
import { chinaMonth, initialMonth, monthDays } from '../../features/monthly-report/month';
import { MonthPicker } from '../../features/monthly-report/MonthPicker';
import { useMonthlyReport } from '../../features/monthly-report/monthly-report-queries';
import {
  useDepartmentReportColumns,
  useStreetReportColumns,
} from '../../features/monthly-report/report-export';
import { chinaDateTime } from '../../lib/china-time';
import { ExportButtons } from '../../lib/export/ExportButtons';
import { describeApiError } from '../../lib/ui/describe-api-error';
import { useNow } from '../../lib/useNow';
import '../../styles/desk.css';
import './report.css';

/**
 * 月度考核: the district's departments and streets over one calendar month in China time, as a
 * page that prints (print CSS in report.css) to a clean A4 sheet. The month is in the address
 * (?month=2026-11), so a printed or shared report can be opened again.
 */
export function MonthlyReportPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const latest = chinaMonth(useNow(60_000));
  const month = initialMonth(params.get('month'), Date.now());
  const report = useMonthlyReport(month);
  const shown = report.data?.month === month ? report.data : undefined;
  return (
    <div className="desk report-page" data-testid="view-report">
      <ViewHeader title={t('report.title')} />
      <div className="toolbar report-toolbar">
        <MonthPicker month={month} latest={latest} onChange={(next) => setParams({ month: next })} />
        <span className="toolbar__spacer" />
        <button type="button" className="primary" data-testid="report-print" onClick={() => window.print()}>
          {t('report.print')}
        </button>
      </div>
      <main className="report-sheet" aria-busy={!shown}>
        {report.isError && !shown ? (
          <p className="error" role="alert">
            {t('report.loadFailed')}: {describeApiError(t, report.error).headline}
          </p>
        ) : report.data ? (
          <ReportSheet report={report.data} stale={!shown} />
        ) : (
          <p className="muted">{t('common.loading')}</p>
        )}
      </main>
    </div>
  );
}

function ReportSheet({ report, stale }: { report: MonthlyReport; stale: boolean }) {
  const { t, i18n } = useTranslation();
  const [year, month] = report.month.split('-');
  const days = monthDays(report.month);
  const district = i18n.language === 'en' ? report.district.nameEn : report.district.nameZh;
  const departmentColumns = useDepartmentReportColumns(report);
  const streetColumns = useStreetReportColumns(report);
  // Lines in the table's order (by rank); the file is named after the month it covers.
  const byRank = <L extends { rank: number }>(lines: readonly L[]) =>
    [...lines].sort((a, b) => a.rank - b.rank);
  const heading = t('report.heading', {
    district,
    year,
    month: i18n.language === 'en' ? month : Number(month),
  });
  // The browser names a saved PDF after the page's title.
  useEffect(() => {
    const before = document.title;
    document.title = heading;
    return () => {
      document.title = before;
    };
  }, [heading]);
  return (
    <article className={stale ? 'report is-stale' : 'report'} data-testid="report" data-month={report.month}>
      <header className="report-heading">
        <h1 data-testid="report-title">{heading}</h1>
        <p>{t('report.period', { from: days.first, to: days.last })}</p>
        <p data-testid="report-generated">
          {t('report.generatedAt', { time: chinaDateTime(report.generatedAt) })}
        </p>
        {report.partial && <p className="report-partial">{t('report.partial')}</p>}
      </header>
      <DepartmentAssessmentTable
        report={report}
        actions={
          <ExportButtons
            rows={byRank(report.departments)}
            columns={departmentColumns}
            fileName={`${t('ops.export.files.departmentAssessment')}_${report.month}`}
            testId="report-departments-export"
          />
        }
      />
      <StreetAssessmentTable
        report={report}
        actions={
          <ExportButtons
            rows={byRank(report.streets)}
            columns={streetColumns}
            fileName={`${t('ops.export.files.streetAssessment')}_${report.month}`}
            testId="report-streets-export"
          />
        }
      />
      <section className="report-notes">
        <h2>{t('report.notes.title')}</h2>
        <p>{t('report.notes.score')}</p>
        <p>{t('report.notes.department')}</p>
        <p>{t('report.notes.street')}</p>
        <p>{t('report.notes.backToBack')}</p>
      </section>
    </article>
  );
}
