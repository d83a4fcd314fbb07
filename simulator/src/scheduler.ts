/**
 * Every delayed step of the simulation goes through here, so shutdown can cancel all of them at
 * once, and a step that throws is logged instead of crashing the process.
 */
export class Scheduler {
  private readonly timers = new Set<NodeJS.Timeout>();
  /** Steps whose API calls are still under way: `idle()` waits for them after `stop()`. */
  private readonly running = new Set<Promise<void>>();
  private stopped = false;

  constructor(private readonly onError: (label: string, err: unknown) => void) {}

  after(ms: number, label: string, step: () => Promise<void>): void {
    if (this.stopped) return;
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        if (this.stopped) return;
        const run = step()
          .catch((err: unknown) => this.onError(label, err))
          .finally(() => this.running.delete(run));
        this.running.add(run);
      },
      Math.max(0, ms),
    );
    this.timers.add(timer);
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  /** Resolves once every step already started has finished (each API call times out, so this ends). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }
}
