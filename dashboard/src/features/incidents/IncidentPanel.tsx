import { useTranslation } from 'react-i18next';
import type { FeedNames } from '../reference/useFeedNames';
import { chinaDateTime } from '../../lib/china-time';
import { useIncidentDetail } from './incident-queries';

/** The incident clicked on the map, in a panel over the map's right edge. */
export function IncidentPanel({
  incidentId,
  names,
  onClose,
}: {
  incidentId: string;
  names: FeedNames;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const incident = useIncidentDetail(incidentId);
  const i = incident.data;
  return (
    <aside className="incident-panel" data-testid="incident-panel" data-incident-id={incidentId}>
      <button type="button" className="incident-panel__close" onClick={onClose}>
        {t('wall.incident.close')}
      </button>
      {!i ? (
        <p className="muted">{incident.isError ? t('common.loadFailed') : t('common.loading')}</p>
      ) : (
        <>
          <h3>{i.title}</h3>
          <dl>
            <dt>{t('wall.incident.category')}</dt>
            <dd>{names.category(i.category)}</dd>
            <dt>{t('wall.incident.status')}</dt>
            <dd>
              {t(`incidentStatus.${i.status}`)}
              {i.overdue && <span className="incident-panel__overdue"> · {t('wall.incident.overdue')}</span>}
            </dd>
            <dt>{t('wall.incident.priority')}</dt>
            <dd>{t(`priority.${i.priority}`)}</dd>
            <dt>{t('wall.incident.street')}</dt>
            <dd>{names.street(i.streetId)}</dd>
            <dt>{t('wall.incident.reportedAt')}</dt>
            <dd>{chinaDateTime(i.createdAt)}</dd>
          </dl>
          {i.description && <p className="incident-panel__description">{i.description}</p>}
        </>
      )}
    </aside>
  );
}
