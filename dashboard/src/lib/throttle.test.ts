import { throttle } from './throttle';

describe('throttle', () => {
  function setup(intervalMs = 100) {
    let clock = 0;
    const timers: { at: number; fn: () => void; cancelled: boolean }[] = [];
    let runs = 0;
    const t = throttle(
      () => runs++,
      intervalMs,
      () => clock,
      (fn, ms) => {
        const timer = { at: clock + ms, fn, cancelled: false };
        timers.push(timer);
        return () => (timer.cancelled = true);
      },
    );
    const advance = (ms: number) => {
      clock += ms;
      for (const timer of timers.splice(0)) {
        if (timer.cancelled) continue;
        if (timer.at <= clock) timer.fn();
        else timers.push(timer);
      }
    };
    return { t, advance, runs: () => runs };
  }

  it('runs the first request at once and folds a burst into one trailing run', () => {
    const { t, advance, runs } = setup();
    t.request();
    expect(runs()).toBe(1);
    for (let i = 0; i < 20; i++) {
      advance(4);
      t.request();
    }
    expect(runs()).toBe(1);
    advance(30); // 110 ms after the first run
    expect(runs()).toBe(2);
  });

  it('never loses the last request, and cancel drops a pending one', () => {
    const { t, advance, runs } = setup();
    t.request();
    t.request();
    t.cancel();
    advance(500);
    expect(runs()).toBe(1);
    t.request();
    expect(runs()).toBe(2);
  });
});
