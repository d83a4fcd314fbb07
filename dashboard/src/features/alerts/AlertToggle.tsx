import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '@whistle/shared';
import { alertPrefs } from './alert-prefs';
import { askPermissionOnce, browserNotifications } from './notifications';
import { useAlertMute } from './useAlerts';
import './alerts.css';

/** Roles whose consoles ring (duty, street, district desk, leaders' inbox). */
export const ALERTED_ROLES: readonly Role[] = [
  'dept_officer',
  'street_operator',
  'district_operator',
  'district_leader',
];

/**
 * The header's alert switch: on = notification and sound, off = the page only marks new rows.
 * Stored per user (alert-prefs). While the browser has never been asked, turning alerts on from
 * here is also the gesture that asks for notification permission.
 */
export function AlertToggle() {
  const { t } = useTranslation();
  const { muted, setMuted } = useAlertMute();
  const api = browserNotifications();
  const [permission, setPermission] = useState(api?.permission ?? null);
  const blocked = permission === 'denied';

  const toggle = () => {
    setMuted(!muted);
    if (muted && api && permission === 'default' && !alertPrefs.wasAsked())
      void askPermissionOnce(api, alertPrefs).then(setPermission);
  };

  return (
    <button
      type="button"
      className={`alert-toggle${muted ? ' alert-toggle--off' : ''}`}
      aria-pressed={!muted}
      data-testid="alerts-toggle"
      title={
        blocked
          ? `${t('ops.alerts.toggleHint')} (${t('ops.alerts.notificationsBlocked')})`
          : t('ops.alerts.toggleHint')
      }
      onClick={toggle}
    >
      {muted ? t('ops.alerts.toggleOff') : t('ops.alerts.toggleOn')}
    </button>
  );
}
