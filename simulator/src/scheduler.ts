/**
 * Every delayed step of the simulation goes through here, so shutdown can cancel all of them at
 * once, and a step that throws is logged instead of crashing the process.
 */
export class Scheduler {
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;

  constructor(private readonly onError: (label: string, err: unknown) => void) {}

  after(ms: number, label: string, step: () => Promise<void>): void {
    if (this.stopped) return;
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        if (this.stopped) return;
        step().catch((err: unknown) => this.onError(label, err));
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
}
