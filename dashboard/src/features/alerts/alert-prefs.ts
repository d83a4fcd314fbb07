/**
 * Each user's mute choice, kept in this browser's localStorage under the user's id.
 *
 * Why not a server preference: alerts are a property of the desk a person sits at (a shared duty
 * PC next to a loud radio may want sound off, the same officer's laptop may not), the choice must
 * hold before the first request returns (a dispatch arriving during sign-in still rings), and it
 * needs no schema, route or audit entry. Keyed by user id, so colleagues sharing a PC on shifts
 * each keep their own choice. Other tabs of the same browser follow through the `storage` event.
 */
type Listener = () => void;

const MUTE_PREFIX = 'whistle.alerts.muted:';
/** Set once the browser's notification permission has been asked for, whatever the answer. */
export const ASKED_KEY = 'whistle.alerts.notificationAsked';

export const muteKey = (userId: string) => `${MUTE_PREFIX}${userId}`;

export class AlertPrefs {
  private listeners = new Set<Listener>();

  constructor(private readonly storage: Pick<Storage, 'getItem' | 'setItem'>) {}

  isMuted = (userId: string): boolean => this.storage.getItem(muteKey(userId)) === '1';

  setMuted(userId: string, muted: boolean): void {
    this.storage.setItem(muteKey(userId), muted ? '1' : '0');
    this.notify();
  }

  wasAsked = (): boolean => this.storage.getItem(ASKED_KEY) === '1';

  markAsked(): void {
    this.storage.setItem(ASKED_KEY, '1');
    this.notify();
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Another tab changed a choice. */
  notify(): void {
    for (const listener of this.listeners) listener();
  }
}

export const alertPrefs = new AlertPrefs(localStorage);

if (typeof window !== 'undefined')
  window.addEventListener('storage', (event) => {
    if (event.key === null || event.key === ASKED_KEY || event.key.startsWith(MUTE_PREFIX))
      alertPrefs.notify();
  });
