import type { LiveEvent } from '@whistle/shared';
import type { AnyLiveEvent } from '../live/types';

/** What the tab title shows while a new dispatch waits to be seen. */
export const NEW_DISPATCH_MARK = '【新派单】';

/**
 * The tab title at one tick of the blink: marked on even ticks while an alert is pending, plain
 * otherwise — so a background tab catches the eye and a focused one settles.
 */
export function blinkTitle(baseTitle: string, tick: number, alerting: boolean): string {
  return alerting && tick % 2 === 0 ? `${NEW_DISPATCH_MARK}${baseTitle}` : baseTitle;
}

/** Ids of dispatches that just arrived in this batch (replays included: a missed one still alerts). */
export function newDispatchIds(events: readonly AnyLiveEvent[]): string[] {
  return events.flatMap((e) => (e.type === 'dispatch.created' ? [e.payload.id] : []));
}

/** A new dispatch for the officer's own department rings; one sent by it (a task down) does not. */
export function isIncomingDispatch(
  event: AnyLiveEvent,
  departmentId: string | null,
): event is LiveEvent<'dispatch.created'> {
  return (
    event.type === 'dispatch.created' &&
    event.payload.direction === 'street_to_dept' &&
    event.payload.departmentId === departmentId
  );
}

export interface SoundState {
  /** The officer's choice, remembered across sessions. */
  enabled: boolean;
  /** Browsers allow audio only after a user gesture; the first click anywhere sets this. */
  unlocked: boolean;
}

/** Whether a new dispatch should beep now; when it cannot, the visual alert still runs. */
export function shouldBeep(state: SoundState): boolean {
  return state.enabled && state.unlocked;
}

export const SOUND_KEY = 'whistle.duty.sound';

export function loadSoundEnabled(storage: Pick<Storage, 'getItem'>): boolean {
  return storage.getItem(SOUND_KEY) !== 'off';
}

export function saveSoundEnabled(storage: Pick<Storage, 'setItem'>, enabled: boolean): void {
  storage.setItem(SOUND_KEY, enabled ? 'on' : 'off');
}

/** Two short tones (no audio file: command-centre PCs are offline and the bundle stays small). */
export function playBeep(context: AudioContext): void {
  const start = context.currentTime;
  for (const [offset, frequency] of [
    [0, 880],
    [0.22, 1175],
  ] as const) {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, start + offset);
    gain.gain.exponentialRampToValueAtTime(0.3, start + offset + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.18);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(start + offset);
    oscillator.stop(start + offset + 0.2);
  }
}
