import { useEffect, useRef, useState } from 'react';

export interface Throttle {
  /** Asks for a run: now if the last one was long enough ago, else once at the end of the wait. */
  request(): void;
  cancel(): void;
}

/**
 * Runs `run` at most once per `intervalMs`, never dropping the last request. The wall's panels
 * take live events in batches per animation frame; under 50 events/s that is still dozens of
 * re-renders a second, where a few a second read just as live from across the room and leave the
 * main thread (and the CPU the rest of the page shares) free.
 */
export function throttle(
  run: () => void,
  intervalMs: number,
  now: () => number = () => performance.now(),
  later: (fn: () => void, ms: number) => () => void = (fn, ms) => {
    const timer = setTimeout(fn, ms);
    return () => clearTimeout(timer);
  },
): Throttle {
  let last = -Infinity;
  let pending: (() => void) | null = null;
  const fire = () => {
    pending = null;
    last = now();
    run();
  };
  return {
    request() {
      if (pending) return;
      const wait = last + intervalMs - now();
      if (wait <= 0) fire();
      else pending = later(fire, wait);
    },
    cancel() {
      pending?.();
      pending = null;
    },
  };
}

/** A throttle that lives as long as the component and calls the latest `run`. */
export function useThrottle(run: () => void, intervalMs: number): Throttle {
  const latest = useRef(run);
  latest.current = run;
  const [current] = useState(() => throttle(() => latest.current(), intervalMs));
  useEffect(() => () => current.cancel(), [current]);
  return current;
}
