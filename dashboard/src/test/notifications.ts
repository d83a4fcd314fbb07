export interface ShownNotification {
  title: string;
  body?: string;
}

/**
 * Puts a browser Notification on window that the user has already allowed: `shown` records what it
 * shows, `requestPermission` whether the page asked again. The test takes it off afterwards with
 * `Reflect.deleteProperty(window, 'Notification')`.
 */
export function fakeNotifications() {
  const shown: ShownNotification[] = [];
  const requestPermission = jest.fn(() => Promise.resolve('granted'));
  class FakeNotification {
    static permission: NotificationPermission = 'granted';
    static requestPermission = requestPermission;
    onclick: (() => void) | null = null;
    constructor(title: string, options?: NotificationOptions) {
      shown.push({ title, body: options?.body });
    }
    close() {}
  }
  Object.assign(window, { Notification: FakeNotification });
  return { shown, requestPermission };
}
