import type { AlertKind } from './alert-rules';

/**
 * Short tones made with Web Audio: no audio file to ship or load (command-centre PCs are often
 * offline). Each kind has its own figure, so an officer can tell them apart without looking:
 * a rising pair for a new dispatch, three urgent high beeps for an overdue deadline, a falling
 * pair for a returned one, a low double knock for a 督办 note, one soft low tone for a register
 * review reminder.
 */
const FIGURES: Record<AlertKind, readonly (readonly [offset: number, frequency: number])[]> = {
  newDispatch: [
    [0, 880],
    [0.22, 1175],
  ],
  overdue: [
    [0, 1320],
    [0.18, 1320],
    [0.36, 1320],
  ],
  returned: [
    [0, 988],
    [0.22, 740],
  ],
  supervised: [
    [0, 660],
    [0.14, 660],
  ],
  standingReview: [[0, 587]],
};

export function playTone(context: AudioContext, kind: AlertKind): void {
  const start = context.currentTime;
  for (const [offset, frequency] of FIGURES[kind]) {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, start + offset);
    gain.gain.exponentialRampToValueAtTime(0.3, start + offset + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.16);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(start + offset);
    oscillator.stop(start + offset + 0.18);
  }
}

type AudioContextClass = typeof AudioContext;

export function audioContextClass(): AudioContextClass | undefined {
  return typeof window === 'undefined'
    ? undefined
    : (window as Window & { AudioContext?: AudioContextClass }).AudioContext;
}
