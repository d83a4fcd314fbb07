import { useTranslation } from 'react-i18next';
import { useNow } from '../../lib/useNow';
import { useDepartmentStanding } from './department-standing';
import { decimal } from './format';
import './department-standing.css';

/**
 * 本月考核 on the duty console: the department's own score and rank this month. Aggregates only —
 * never who rated it, nor any other department's figures (the server sends none).
 */
export function DepartmentStandingCard() {
  const { t } = useTranslation();
  const now = useNow(60_000);
  const standing = useDepartmentStanding(now);
  const data = standing.data;
  return (
    <div
      className="dept-standing"
      data-testid="dept-score"
      title={`${t('cockpit.deptScore.title')} · ${t('cockpit.deptScore.note')}`}
    >
      {data ? (
        <span className="dept-standing__line" data-testid="dept-score-line">
          {t('cockpit.deptScore.line', { score: decimal(data.score), rank: data.rank, ranked: data.ranked })}
          {data.dispatches === 0 && (
            <span className="dept-standing__none"> · {t('cockpit.deptScore.noDispatches')}</span>
          )}
        </span>
      ) : (
        <span className="dept-standing__line muted">
          {standing.isError ? t('cockpit.deptScore.failed') : t('common.loading')}
        </span>
      )}
    </div>
  );
}
