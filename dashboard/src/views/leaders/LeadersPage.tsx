import { useTranslation } from 'react-i18next';
import { useMetricsSummary } from '../../api/queries';
import { useNames } from '../../i18n/names';
import { QueryState } from '../common/QueryState';
import { ViewHeader } from '../common/ViewHeader';

/** First version of the leaders' view: the live summary and the department ranking. */
export function LeadersPage() {
  const { t } = useTranslation();
  const names = useNames();
  const metrics = useMetricsSummary();
  const m = metrics.data;
  return (
    <div className="desk">
      <ViewHeader title={t('view.leaders')} />
      <main className="desk__main">
        <QueryState loading={metrics.isPending} error={metrics.isError} empty={!m}>
          {m && (
            <>
              <p>
                {t('wall.kpi.openIncidents')}: {m.open.incidents} · {t('wall.kpi.whistlesToday')}:{' '}
                {m.whistles.today} · {t('wall.kpi.overdue')}: {m.overdueNow}
              </p>
              <ol>
                {m.departmentRanking.map((row) => (
                  <li key={row.id}>
                    {names.name(row)} — {row.score.toFixed(1)}
                  </li>
                ))}
              </ol>
            </>
          )}
        </QueryState>
      </main>
    </div>
  );
}
