import type { AlertPrefs } from './alert-prefs';

/** The part of the Notification API alerts use (tests and browsers without it pass their own). */
export interface NotificationApi {
  permission: NotificationPermission;
  requestPermission: () => Promise<NotificationPermission>;
  new (title: string, options?: NotificationOptions): Notification;
}

export function browserNotifications(): NotificationApi | null {
  if (typeof window === 'undefined') return null;
  return ((window as { Notification?: unknown }).Notification as NotificationApi | undefined) ?? null;
}

/**
 * Asks for notification permission once per browser, ever: only while the browser has not been
 * answered yet and this app has never asked. Call it from a user gesture (a click or key press) —
 * browsers ignore or penalise prompts that come from nowhere.
 */
export async function askPermissionOnce(
  api: NotificationApi | null,
  prefs: AlertPrefs,
): Promise<NotificationPermission | null> {
  if (!api) return null;
  if (api.permission !== 'default' || prefs.wasAsked()) return api.permission;
  prefs.markAsked();
  try {
    return await api.requestPermission();
  } catch {
    return api.permission;
  }
}

/** Shows a system notification when allowed; clicking it brings the tab forward. */
export function notify(
  api: NotificationApi | null,
  message: { title: string; body: string; tag: string },
  onClick: () => void,
): Notification | null {
  if (!api || api.permission !== 'granted') return null;
  try {
    const notification = new api(message.title, { body: message.body, tag: message.tag });
    notification.onclick = () => {
      window.focus();
      onClick();
      notification.close();
    };
    return notification;
  } catch {
    // Some platforms (Android Chrome) allow notifications only from a service worker.
    return null;
  }
}
