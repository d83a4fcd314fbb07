import { useCallback, useEffect, useRef, useState } from 'react';
import { useLiveEvents } from '../live/LiveProvider';
import type { AnyLiveEvent } from '../live/types';
import { useSignedIn } from '../session/SessionProvider';
import {
  blinkTitle,
  isIncomingDispatch,
  loadSoundEnabled,
  playBeep,
  saveSoundEnabled,
  shouldBeep,
} from './alert';

type AudioContextClass = typeof AudioContext;

function audioContextClass(): AudioContextClass | undefined {
  return (window as Window & { AudioContext?: AudioContextClass }).AudioContext;
}

/**
 * The new-dispatch alarm: a beep (once the first click or key press has unlocked audio), the
 * rows that just arrived, and a blinking tab title until the officer comes back to the tab.
 */
export function useDispatchAlert() {
  const { user } = useSignedIn();
  const [soundOn, setSoundOn] = useState(() => loadSoundEnabled(localStorage));
  const [fresh, setFresh] = useState<ReadonlySet<string>>(() => new Set());
  const [alerting, setAlerting] = useState(false);
  const audio = useRef<AudioContext | null>(null);
  const unlocked = useRef(false);
  const soundRef = useRef(soundOn);
  soundRef.current = soundOn;

  // Browsers allow audio only after a gesture: the first click or key anywhere creates the context.
  useEffect(() => {
    const unlock = () => {
      const Ctor = audioContextClass();
      if (!audio.current && Ctor) audio.current = new Ctor();
      void audio.current?.resume();
      unlocked.current = true;
    };
    window.addEventListener('pointerdown', unlock);
    window.addEventListener('keydown', unlock);
    return () => {
      window.removeEventListener('pointerdown', unlock);
      window.removeEventListener('keydown', unlock);
    };
  }, []);

  useEffect(() => () => void audio.current?.close(), []);

  const onEvents = useCallback(
    (events: readonly AnyLiveEvent[]) => {
      const incoming = events.filter((e) => isIncomingDispatch(e, user.departmentId));
      if (incoming.length === 0) return;
      setFresh((prev) => new Set([...prev, ...incoming.map((e) => e.payload.id)]));
      setAlerting(true);
      if (audio.current && shouldBeep({ enabled: soundRef.current, unlocked: unlocked.current }))
        playBeep(audio.current);
    },
    [user.departmentId],
  );
  useLiveEvents(onEvents);

  // The title blinks while the alarm stands; coming back to the tab (or clicking in it) ends it.
  useEffect(() => {
    if (!alerting) return;
    const base = document.title.replace(/^【新派单】/, '');
    let tick = 0;
    const timer = setInterval(() => {
      tick += 1;
      document.title = blinkTitle(base, tick, true);
    }, 800);
    const stop = () => setAlerting(false);
    window.addEventListener('focus', stop);
    window.addEventListener('pointerdown', stop);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', stop);
      window.removeEventListener('pointerdown', stop);
      document.title = base;
    };
  }, [alerting]);

  return {
    soundOn,
    toggleSound: () => {
      saveSoundEnabled(localStorage, !soundOn);
      setSoundOn(!soundOn);
    },
    fresh,
    alerting,
    /** The officer opened a new dispatch: it is no longer highlighted. */
    seen: (id: string) =>
      setFresh((prev) => {
        if (!prev.has(id)) return prev;
        const next = new Set(prev);
        next.delete(id);
        return next;
      }),
  };
}
