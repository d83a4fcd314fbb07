import { useTranslation } from 'react-i18next';
import type { DispatchView } from '@whistle/shared';
import { useNames } from '../../i18n/names';
import { useIncidentDetail } from '../incidents/incident-queries';
import { Timeline } from '../incidents/Timeline';
import { PhotoThumbs } from '../photos/PhotoThumbs';
import { useStreetName } from '../reference/useStreetName';
import { useSignedIn } from '../session/SessionProvider';
import { chinaDateTime } from '../../lib/china-time';
import { dispatchActions } from './dispatch-actions';
import { DispatchActionBar } from './DispatchActionBar';
import { StageTimers } from './StageTimers';

/** The right-hand pane: the dispatch's clocks and actions, then the incident it is about and its history. */
export function DispatchDetail({ dispatch }: { dispatch: DispatchView }) {
  const { t } = useTranslation();
  const names = useNames();
  const { user } = useSignedIn();
  const incident = useIncidentDetail(dispatch.incidentId);
  const streetName = useStreetName();
  const detail = incident.data;
  return (
    <section className="detail" data-testid="dispatch-detail" aria-label={dispatch.incident.title}>
      <header className="detail__head">
        <h2>{dispatch.incident.title}</h2>
        <div className="detail__tags">
          <span className={`dk-status dk-status--${dispatch.status}`}>
            {t(`dispatchStatus.${dispatch.status}`)}
          </span>
          <span className="tag">{names.whistleType(dispatch.whistleType)}</span>
          <span className="tag">{names.category(dispatch.incident.category)}</span>
          <span className={`tag priority--${dispatch.incident.priority}`}>
            {t(`priority.${dispatch.incident.priority}`)}
          </span>
          {dispatch.direction === 'dept_to_street' && <span className="tag">{t('duty.sentDown')}</span>}
        </div>
      </header>
      <StageTimers dispatch={dispatch} />
      <DispatchActionBar dispatch={dispatch} actions={dispatchActions(dispatch, user.role)} />
      {dispatch.rejectReason && (
        <p>
          <strong>
            {t('desk.reject.reason')}
            {t('desk.colon')}
          </strong>
          {dispatch.rejectReason}
        </p>
      )}
      {dispatch.resolutionNote && (
        <p>
          <strong>
            {t('desk.resolve.note')}
            {t('desk.colon')}
          </strong>
          {dispatch.resolutionNote}
        </p>
      )}
      <h3>{t('desk.incident')}</h3>
      {detail ? (
        <dl className="facts">
          <dt>{t('desk.field.street')}</dt>
          <dd>{streetName(detail.streetId)}</dd>
          <dt>{t('desk.field.status')}</dt>
          <dd>{t(`incidentStatus.${detail.status}`)}</dd>
          <dt>{t('desk.field.source')}</dt>
          <dd>{t(`desk.source.${detail.source}`)}</dd>
          <dt>{t('desk.field.reportedAt')}</dt>
          <dd>{chinaDateTime(detail.createdAt)}</dd>
          <dt>{t('desk.field.location')}</dt>
          <dd>
            {detail.location.lng.toFixed(5)}, {detail.location.lat.toFixed(5)}
          </dd>
          <dt>{t('desk.field.description')}</dt>
          <dd>{detail.description ?? '—'}</dd>
        </dl>
      ) : (
        <p className={incident.isError ? 'error' : 'muted'}>
          {incident.isError ? t('common.loadFailed') : t('common.loading')}
        </p>
      )}
      <h3>{t('desk.photos')}</h3>
      <PhotoThumbs incidentId={dispatch.incidentId} />
      <h3>{t('desk.timelineTitle')}</h3>
      {detail && <Timeline entries={detail.timeline} />}
    </section>
  );
}
