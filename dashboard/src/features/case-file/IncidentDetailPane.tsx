import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentView, RejectRequest } from '@whistle/shared';
import { DispatchCard } from '../dispatches/DispatchCard';
import { DuplicateList } from '../incidents/DuplicateList';
import { incidentActions, mayBlowWhistle } from '../incidents/incident-actions';
import { useDeskPost, useIncidentDetail } from '../incidents/incident-queries';
import { Timeline } from '../incidents/Timeline';
import { ReasonDialog } from '../notes/ReasonDialog';
import { PhotoThumbs } from '../photos/PhotoThumbs';
import { useDepartments } from '../reference/reference-queries';
import { useSignedIn } from '../session/SessionProvider';
import { LatestSiteCheck } from '../site-checks/LatestSiteCheck';
import { WhistleDialog } from '../whistles/WhistleDialog';
import { useNames } from '../../i18n/names';
import { ErrorBox } from '../../lib/ui/ErrorBox';
import { chinaDateTime } from '../../lib/china-time';

type Dialogs = 'reject' | 'whistle' | null;

/**
 * The case file on a console (features/case-file composes incidents, dispatches, whistles, photos
 * and site checks; only views import it, so those features never import one another through it).
 * One incident in full: its actions, whistles with each department's clocks, photos, duplicates,
 * history. `extraActions` are a console's own (the district desk's 挂账), beside the incident's.
 */
export function IncidentDetailPane({
  incidentId,
  onOpen,
  extraActions,
}: {
  incidentId: string;
  onOpen: (id: string) => void;
  extraActions?: (incident: IncidentView) => ReactNode;
}) {
  const { t } = useTranslation();
  const names = useNames();
  const { user } = useSignedIn();
  const detail = useIncidentDetail(incidentId);
  const departments = useDepartments().data ?? [];
  const [dialog, setDialog] = useState<Dialogs>(null);
  const simple = useDeskPost<{ action: 'register' | 'close' }, IncidentView>(
    (v) => `/incidents/${incidentId}/${v.action}`,
  );
  const reject = useDeskPost<RejectRequest, IncidentView>(
    () => `/incidents/${incidentId}/reject`,
    (b) => b,
  );

  const incident = detail.data;
  if (!incident)
    return (
      <p className={detail.isError ? 'error' : 'muted'}>
        {detail.isError ? t('common.loadFailed') : t('common.loading')}
      </p>
    );
  const actions = incidentActions(incident, user.role);
  const deptName = (id: string | null) => names.name(departments.find((d) => d.id === id));

  return (
    <section className="detail" data-testid="incident-detail" aria-label={incident.title}>
      <header className="detail__head">
        <h2>{incident.title}</h2>
        <div className="detail__tags">
          <span className={`dk-status dk-status--${incident.status}`}>
            {t(`incidentStatus.${incident.status}`)}
          </span>
          <span className="tag">{names.category(incident.category)}</span>
          <span className={`tag priority--${incident.priority}`}>{t(`priority.${incident.priority}`)}</span>
          <span className="tag">{t(`desk.source.${incident.source}`)}</span>
          {incident.overdue && <span className="badge badge--red">{t('list.overdue')}</span>}
        </div>
      </header>
      <div className="actions">
        {actions.includes('register') && (
          <button
            type="button"
            className="primary"
            data-testid="incident-register"
            disabled={simple.isPending}
            onClick={() => simple.mutate({ action: 'register' })}
          >
            {t('desk.incidentAction.register')}
          </button>
        )}
        {actions.includes('reject') && (
          <button
            type="button"
            className="danger"
            data-testid="incident-reject"
            onClick={() => setDialog('reject')}
          >
            {t('desk.incidentAction.reject')}
          </button>
        )}
        {mayBlowWhistle(incident, user.role) && (
          <button
            type="button"
            className="dk-whistle-button"
            data-testid="blow-whistle"
            onClick={() => setDialog('whistle')}
          >
            {t('street.whistle.open')}
          </button>
        )}
        {actions.includes('close') && (
          <button
            type="button"
            data-testid="incident-close"
            disabled={simple.isPending}
            onClick={() => simple.mutate({ action: 'close' })}
          >
            {t('desk.incidentAction.close')}
          </button>
        )}
        {extraActions?.(incident)}
      </div>
      <ErrorBox error={simple.error} />
      <dl className="facts">
        <dt>{t('desk.field.reportedAt')}</dt>
        <dd>{chinaDateTime(incident.createdAt)}</dd>
        <dt>{t('desk.field.location')}</dt>
        <dd>
          {incident.location.lng.toFixed(5)}, {incident.location.lat.toFixed(5)}
        </dd>
        <dt>{t('desk.field.description')}</dt>
        <dd>{incident.description ?? '—'}</dd>
        {incident.rejectReason && (
          <>
            <dt>{t('desk.reject.reason')}</dt>
            <dd>{incident.rejectReason}</dd>
          </>
        )}
      </dl>
      {(incident.status === 'resolved' || incident.lastSiteCheck) && (
        <>
          <h3>{t('cockpit.siteCheck.title')}</h3>
          <LatestSiteCheck incident={incident} />
        </>
      )}
      <h3>{t('street.dispatches')}</h3>
      {incident.whistles.length === 0 && incident.tasks.length === 0 ? (
        <p className="muted">{t('street.noWhistles')}</p>
      ) : (
        <ul className="dispatch-cards">
          {incident.whistles.flatMap((w) =>
            [...w.dispatches, ...w.leaderDispatches].map((d) => (
              <DispatchCard
                key={d.id}
                dispatch={d}
                label={`${names.whistleType(w.type)} · ${d.assigneeKind === 'leader' ? t('street.leader') : deptName(d.departmentId)}`}
              />
            )),
          )}
          {incident.tasks.map((d) => (
            <DispatchCard
              key={d.id}
              dispatch={d}
              label={`${t('street.task')} · ${deptName(d.departmentId)}`}
            />
          ))}
        </ul>
      )}
      <h3>{t('desk.photos')}</h3>
      <PhotoThumbs incidentId={incident.id} />
      <h3>{t('street.duplicates.title')}</h3>
      <DuplicateList
        incidentId={incident.id}
        duplicates={(incident.likelyDuplicates ?? []).filter((d) => d.id !== incident.id)}
        canMerge={actions.includes('merge')}
        onMerged={onOpen}
        onOpen={onOpen}
      />
      <h3>{t('desk.timelineTitle')}</h3>
      <Timeline entries={incident.timeline} />
      {dialog === 'reject' && (
        <ReasonDialog
          title={t('desk.incidentAction.reject')}
          label={t('desk.reject.reason')}
          submitLabel={t('desk.incidentAction.reject')}
          onClose={() => setDialog(null)}
          onSubmit={(reason) => reject.mutateAsync({ reason })}
        />
      )}
      {dialog === 'whistle' && <WhistleDialog incident={incident} onClose={() => setDialog(null)} />}
    </section>
  );
}
