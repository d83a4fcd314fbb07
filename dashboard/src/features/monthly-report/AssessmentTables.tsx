import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MonthlyDepartmentLine, MonthlyReport, MonthlyStreetLine } from '@whistle/shared';
import { decimal, percent } from '../metrics/format';

/** A weight as the header writes it: 0.15 → 15%. */
const weightText = (weight: number) => `${Math.round(weight * 100)}%`;

function Head({ label, weight, note }: { label: string; weight?: number; note?: string }) {
  const { t } = useTranslation();
  return (
    <th scope="col">
      {label}
      {weight !== undefined && (
        <small className="report-weight">{t('report.weight', { weight: weightText(weight) })}</small>
      )}
      {note && <small className="report-weight">{note}</small>}
    </th>
  );
}

function useLocalName() {
  const { i18n } = useTranslation();
  return (line: { nameZh: string; nameEn: string }) => (i18n.language === 'en' ? line.nameEn : line.nameZh);
}

/** 部门考核: each department's figures under their weights, and its score, by rank. */
/** `actions` sit beside the section's heading (its export buttons; hidden in print). */
interface AssessmentTableProps {
  report: MonthlyReport;
  actions?: ReactNode;
}

export function DepartmentAssessmentTable({ report, actions }: AssessmentTableProps) {
  const { t } = useTranslation();
  const name = useLocalName();
  const w = report.weights.department;
  const lines = [...report.departments].sort(byRank);
  return (
    <section className="report-section">
      <div className="report-section__head">
        <h2>{t('report.departments.title')}</h2>
        {actions}
      </div>
      <table className="report-table" data-testid="report-departments">
        <thead>
          <tr>
            <Head label={t('report.departments.rank')} />
            <Head label={t('report.departments.name')} />
            <Head label={t('report.departments.dispatches')} />
            <Head label={t('report.departments.response')} weight={w.response} />
            <Head label={t('report.departments.onTimeArrival')} weight={w.onTimeArrival} />
            <Head label={t('report.departments.resolution')} weight={w.resolution} />
            <Head label={t('report.departments.reopen')} weight={w.notReopened} />
            <Head label={t('report.departments.rating')} weight={w.streetRating} />
            <Head label={t('report.departments.score')} />
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <DepartmentRow key={line.id} line={line} name={name(line)} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

function DepartmentRow({ line, name }: { line: MonthlyDepartmentLine; name: string }) {
  const { t } = useTranslation();
  return (
    <tr data-id={line.id}>
      <td className="num">{line.rank}</td>
      <td>{name}</td>
      <td className="num">{line.dispatches}</td>
      <td className="num">{percent(line.responseRate)}</td>
      <td className="num">{percent(line.onTimeArrivalRate)}</td>
      <td className="num">{percent(line.resolutionRate)}</td>
      <td className="num">{percent(line.reopenRate)}</td>
      <td className="num">
        {line.averageRating === null
          ? '—'
          : t('report.departments.ratingValue', {
              average: decimal(line.averageRating, 2),
              count: line.ratings,
            })}
      </td>
      <td className="num report-score">{decimal(line.score)}</td>
    </tr>
  );
}

/** 街道考核: each street's figures under their weights, the citizens' 满意率 beside, by rank. */
export function StreetAssessmentTable({ report, actions }: AssessmentTableProps) {
  const { t } = useTranslation();
  const name = useLocalName();
  const w = report.weights.street;
  const lines = [...report.streets].sort(byRank);
  return (
    <section className="report-section">
      <div className="report-section__head">
        <h2>{t('report.streets.title')}</h2>
        {actions}
      </div>
      <table className="report-table" data-testid="report-streets">
        <thead>
          <tr>
            <Head label={t('report.streets.rank')} />
            <Head label={t('report.streets.name')} />
            <Head label={t('report.streets.incidents')} />
            <Head label={t('report.streets.whistles')} />
            <Head label={t('report.streets.dispatches')} />
            <Head label={t('report.streets.resolution')} weight={w.resolution} />
            <Head label={t('report.streets.reopen')} weight={w.notReopened} />
            <Head label={t('report.streets.whistleRate')} weight={w.lowWhistleRate} />
            <Head label={t('report.streets.satisfaction')} note={t('report.streets.unweighted')} />
            <Head label={t('report.streets.score')} />
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <StreetRow key={line.id} line={line} name={name(line)} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

function StreetRow({ line, name }: { line: MonthlyStreetLine; name: string }) {
  const { t } = useTranslation();
  return (
    <tr data-id={line.id}>
      <td className="num">{line.rank}</td>
      <td>{name}</td>
      <td className="num">{line.incidents}</td>
      <td className="num">{line.whistles}</td>
      <td className="num">{line.dispatches}</td>
      <td className="num">{percent(line.resolutionRate)}</td>
      <td className="num">{percent(line.reopenRate)}</td>
      <td className="num">{percent(line.whistleRate)}</td>
      <td className="num">
        {line.satisfactionRate === null
          ? '—'
          : t('report.streets.satisfactionValue', {
              rate: percent(line.satisfactionRate),
              count: line.satisfactionAnswers,
            })}
      </td>
      <td className="num report-score">{decimal(line.score)}</td>
    </tr>
  );
}

const byRank = (a: { rank: number; nameZh: string }, b: { rank: number; nameZh: string }) =>
  a.rank - b.rank || a.nameZh.localeCompare(b.nameZh, 'zh-CN');
