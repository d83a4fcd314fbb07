import { useTranslation } from 'react-i18next';
import { useNames } from '../../i18n/names';
import { chinaDateTime } from '../../lib/china-time';
import type { ReportAnswer } from './report-api';

/** The answer to a report: what was registered, with its photos, and any likely duplicates nearby. */
export function ReportResult({ answer, onAnother }: { answer: ReportAnswer; onAnother: () => void }) {
  const { t } = useTranslation();
  const names = useNames();
  return (
    <section className="report-result" data-testid="report-result" data-incident-id={answer.id}>
      <h2>{t('gridWorker.result.title')}</h2>
      <dl>
        <dt>{t('gridWorker.result.subject')}</dt>
        <dd>{answer.title}</dd>
        <dt>{t('gridWorker.report.category')}</dt>
        <dd>{names.category(answer.category)}</dd>
        <dt>{t('gridWorker.result.status')}</dt>
        <dd>{t(`incidentStatus.${answer.status}`)}</dd>
        <dt>{t('gridWorker.photos.label')}</dt>
        <dd>{t('gridWorker.result.photos', { count: answer.photos.length })}</dd>
      </dl>
      {answer.likelyDuplicates.length > 0 && (
        <div className="duplicates" data-testid="likely-duplicates">
          <h3>{t('gridWorker.result.duplicates', { count: answer.likelyDuplicates.length })}</h3>
          <ul>
            {answer.likelyDuplicates.map((d) => (
              <li key={d.id}>
                <span className="duplicates__title">{d.title}</span>
                <span className="hint">
                  {t('gridWorker.result.distance', { meters: Math.round(d.distanceMeters) })} ·{' '}
                  {t(`incidentStatus.${d.status}`)} · {chinaDateTime(d.createdAt)}
                </span>
              </li>
            ))}
          </ul>
          <p className="hint">{t('gridWorker.result.duplicatesHint')}</p>
        </div>
      )}
      <button
        type="button"
        className="btn btn--primary btn--block"
        onClick={onAnother}
        data-testid="report-another"
      >
        {t('gridWorker.result.another')}
      </button>
    </section>
  );
}
