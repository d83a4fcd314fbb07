import { useTranslation } from 'react-i18next';
import { isReportMonth, reportMonths, shiftMonth } from './month';

/**
 * The report's month: a list of every month from `latest` back to the first report month, and
 * ‹ › steps. A list rather than a month field, whose look follows the browser's own language.
 */
export function MonthPicker({
  month,
  latest,
  onChange,
}: {
  month: string;
  latest: string;
  onChange: (month: string) => void;
}) {
  const { t } = useTranslation();
  const previous = shiftMonth(month, -1);
  const next = shiftMonth(month, 1);
  return (
    <div className="month-picker" role="group" aria-label={t('report.month')} data-testid="month-picker">
      <button
        type="button"
        aria-label={t('report.previousMonth')}
        title={t('report.previousMonth')}
        disabled={!isReportMonth(previous, latest)}
        onClick={() => onChange(previous)}
      >
        ‹
      </button>
      <label>
        <span className="month-picker__label">{t('report.month')}</span>
        <select
          data-testid="report-month"
          value={month}
          onChange={(e) => {
            if (isReportMonth(e.target.value, latest)) onChange(e.target.value);
          }}
        >
          {reportMonths(latest).map((m) => (
            <option key={m} value={m}>
              {t('report.monthOption', { year: m.slice(0, 4), month: Number(m.slice(5)), mm: m.slice(5) })}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        aria-label={t('report.nextMonth')}
        title={t('report.nextMonth')}
        disabled={!isReportMonth(next, latest)}
        onClick={() => onChange(next)}
      >
        ›
      </button>
    </div>
  );
}
