import { useTranslation } from 'react-i18next';
import { formatDuration } from '../../lib/duration';
import { useNow } from '../../lib/useNow';
import { useConnectionState } from './LiveProvider';

/** Green live, amber reconnecting, red offline — with how long it has been so since. */
export function ConnectionIndicator() {
  const { t } = useTranslation();
  const state = useConnectionState();
  const now = useNow();
  const since = formatDuration(t, now - state.since);
  const label =
    state.status === 'live'
      ? t('connection.live')
      : state.status === 'connecting'
        ? t('connection.connecting')
        : state.status === 'reconnecting'
          ? t('connection.reconnecting', { since })
          : t('connection.offline', { since });
  return (
    <span className={`connection connection--${state.status}`} role="status" data-status={state.status}>
      <span className="connection__dot" aria-hidden />
      {label}
    </span>
  );
}
