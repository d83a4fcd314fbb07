import { AlertPrefs, muteKey } from './alert-prefs';
import { askPermissionOnce, notify, type NotificationApi } from './notifications';

function memoryStorage() {
  const store = new Map<string, string>();
  return {
    store,
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
  };
}

function fakeNotifications(permission: NotificationPermission, answer: NotificationPermission = 'granted') {
  const shown: { title: string; options?: NotificationOptions }[] = [];
  const api = class {
    static permission = permission;
    static requestPermission = jest.fn(() => {
      api.permission = answer;
      return Promise.resolve(answer);
    });
    onclick: (() => void) | null = null;
    constructor(title: string, options?: NotificationOptions) {
      shown.push({ title, options });
    }
    close() {}
  };
  return { api: api as unknown as NotificationApi & { requestPermission: jest.Mock }, shown };
}

describe('alert preferences', () => {
  it('keep each user’s mute choice apart, unmuted by default', () => {
    const storage = memoryStorage();
    const prefs = new AlertPrefs(storage);
    expect(prefs.isMuted('alice')).toBe(false);
    prefs.setMuted('alice', true);
    expect(prefs.isMuted('alice')).toBe(true);
    expect(prefs.isMuted('bob')).toBe(false);
    expect(storage.store.get(muteKey('alice'))).toBe('1');
    // Remembered: a new page (a new prefs object) reads the same choice.
    expect(new AlertPrefs(storage).isMuted('alice')).toBe(true);
    prefs.setMuted('alice', false);
    expect(prefs.isMuted('alice')).toBe(false);
  });

  it('tell the header toggle and the alerts when a choice changes', () => {
    const prefs = new AlertPrefs(memoryStorage());
    const listener = jest.fn();
    const stop = prefs.subscribe(listener);
    prefs.setMuted('alice', true);
    expect(listener).toHaveBeenCalledTimes(1);
    stop();
    prefs.setMuted('alice', false);
    expect(listener).toHaveBeenCalledTimes(1);
  });
});

describe('notification permission', () => {
  it('is asked once per browser, ever, even when the user dismissed the prompt', async () => {
    const storage = memoryStorage();
    const prefs = new AlertPrefs(storage);
    const { api } = fakeNotifications('default', 'default');
    await askPermissionOnce(api, prefs);
    await askPermissionOnce(api, prefs);
    // After a reload too.
    await askPermissionOnce(api, new AlertPrefs(storage));
    expect(api.requestPermission).toHaveBeenCalledTimes(1);
    expect(prefs.wasAsked()).toBe(true);
  });

  it('is not asked when the browser already has an answer', async () => {
    const prefs = new AlertPrefs(memoryStorage());
    const granted = fakeNotifications('granted');
    expect(await askPermissionOnce(granted.api, prefs)).toBe('granted');
    const denied = fakeNotifications('denied');
    expect(await askPermissionOnce(denied.api, prefs)).toBe('denied');
    expect(granted.api.requestPermission).not.toHaveBeenCalled();
    expect(denied.api.requestPermission).not.toHaveBeenCalled();
    expect(prefs.wasAsked()).toBe(false);
  });

  it('shows a notification only when granted', () => {
    const message = { title: '新派单：燃气泄漏', body: '新街口街道', tag: 'new:d1' };
    const granted = fakeNotifications('granted');
    expect(notify(granted.api, message, () => {})).not.toBeNull();
    expect(granted.shown).toEqual([
      { title: '新派单：燃气泄漏', options: { body: '新街口街道', tag: 'new:d1' } },
    ]);
    const denied = fakeNotifications('denied');
    expect(notify(denied.api, message, () => {})).toBeNull();
    expect(denied.shown).toEqual([]);
  });
});
