import { useTranslation } from 'react-i18next';
import type { DispatchView } from '@whistle/shared';
import { useSignedIn } from '../session/SessionProvider';
import { dispatchActions } from './dispatch-actions';
import { DispatchActionBar } from './DispatchActionBar';
import { StageTimers } from './StageTimers';

/** One dispatch of an incident: who, where it stands, its clocks, the words left and its actions. */
export function DispatchCard({ dispatch, label }: { dispatch: DispatchView; label: string }) {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  return (
    <li className="dispatch-card" data-testid="incident-dispatch" data-dispatch-id={dispatch.id}>
      <div className="dispatch-card__head">
        <strong>{label}</strong>
        <span className={`dk-status dk-status--${dispatch.status}`}>
          {t(`dispatchStatus.${dispatch.status}`)}
        </span>
      </div>
      <StageTimers dispatch={dispatch} />
      {dispatch.rejectReason && (
        <p className="small">
          {t('desk.reject.reason')}
          {t('desk.colon')}
          {dispatch.rejectReason}
        </p>
      )}
      {dispatch.resolutionNote && (
        <p className="small">
          {t('desk.resolve.note')}
          {t('desk.colon')}
          {dispatch.resolutionNote}
        </p>
      )}
      <DispatchActionBar dispatch={dispatch} actions={dispatchActions(dispatch, user.role)} />
    </li>
  );
}
