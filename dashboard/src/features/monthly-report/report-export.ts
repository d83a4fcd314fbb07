import { useTranslation } from 'react-i18next';
import type { MonthlyDepartmentLine, MonthlyReport, MonthlyStreetLine } from '@whistle/shared';
import type { ExportColumn } from '../../lib/export/columns';

/** A rate as a number of percent with one decimal (Excel sums and sorts it), blank when none. */
const pct = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);
const round = (value: number | null, digits: number) =>
  value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;

function useHeader() {
  const { t } = useTranslation();
  /** The screen's header, its weight beside it, and "(%)" for a rate column. */
  return (label: string, options: { weight?: number; percent?: boolean } = {}) =>
    [
      label,
      options.percent ? '(%)' : '',
      options.weight === undefined
        ? ''
        : ` ${t('report.weight', { weight: `${Math.round(options.weight * 100)}%` })}`,
    ].join('');
}

function useLocalName() {
  const { i18n } = useTranslation();
  return (line: { nameZh: string; nameEn: string }) => (i18n.language === 'en' ? line.nameEn : line.nameZh);
}

/** 部门考核 as a file: the table's columns, rates as numbers of percent. */
export function useDepartmentReportColumns(report: MonthlyReport): ExportColumn<MonthlyDepartmentLine>[] {
  const { t } = useTranslation();
  const head = useHeader();
  const name = useLocalName();
  const w = report.weights.department;
  return [
    { header: head(t('report.departments.rank')), value: (l) => l.rank, width: 6 },
    { header: head(t('report.departments.name')), value: name, width: 20 },
    { header: head(t('report.departments.dispatches')), value: (l) => l.dispatches },
    {
      header: head(t('report.departments.response'), { weight: w.response, percent: true }),
      value: (l) => pct(l.responseRate),
    },
    {
      header: head(t('report.departments.onTimeArrival'), { weight: w.onTimeArrival, percent: true }),
      value: (l) => pct(l.onTimeArrivalRate),
    },
    {
      header: head(t('report.departments.resolution'), { weight: w.resolution, percent: true }),
      value: (l) => pct(l.resolutionRate),
    },
    {
      header: head(t('report.departments.reopen'), { weight: w.notReopened, percent: true }),
      value: (l) => pct(l.reopenRate),
    },
    {
      header: head(t('report.departments.rating'), { weight: w.streetRating }),
      value: (l) => round(l.averageRating, 2),
    },
    { header: head(t('report.departments.ratings')), value: (l) => l.ratings },
    { header: head(t('report.departments.score')), value: (l) => round(l.score, 1) },
  ];
}

/** 街道考核 as a file: the table's columns, rates as numbers of percent. */
export function useStreetReportColumns(report: MonthlyReport): ExportColumn<MonthlyStreetLine>[] {
  const { t } = useTranslation();
  const head = useHeader();
  const name = useLocalName();
  const w = report.weights.street;
  return [
    { header: head(t('report.streets.rank')), value: (l) => l.rank, width: 6 },
    { header: head(t('report.streets.name')), value: name, width: 20 },
    { header: head(t('report.streets.incidents')), value: (l) => l.incidents },
    { header: head(t('report.streets.whistles')), value: (l) => l.whistles },
    { header: head(t('report.streets.dispatches')), value: (l) => l.dispatches },
    {
      header: head(t('report.streets.resolution'), { weight: w.resolution, percent: true }),
      value: (l) => pct(l.resolutionRate),
    },
    {
      header: head(t('report.streets.reopen'), { weight: w.notReopened, percent: true }),
      value: (l) => pct(l.reopenRate),
    },
    {
      header: head(t('report.streets.whistleRate'), { weight: w.lowWhistleRate, percent: true }),
      value: (l) => pct(l.whistleRate),
    },
    {
      header: head(t('report.streets.satisfaction'), { percent: true }),
      value: (l) => pct(l.satisfactionRate),
    },
    { header: head(t('report.streets.satisfactionAnswers')), value: (l) => l.satisfactionAnswers },
    { header: head(t('report.streets.score')), value: (l) => round(l.score, 1) },
  ];
}
