import type { Logger } from '@nestjs/common';

/**
 * How long `stop()` waits for a run in flight unless told otherwise: a batch takes milliseconds, and
 * a process stopping several stuck tasks one after another still ends well inside its shutdown bound.
 */
const DEFAULT_STOP_WAIT_MS = 5_000;

export type TaskLogger = Pick<Logger, 'log' | 'warn' | 'debug'>;

export interface PeriodicTaskOptions {
  /** Names the task in log lines ("outbox cleanup failed: …"). */
  name: string;
  everyMs: number;
  /**
   * One run. Throwing counts as a failed run; the next tick tries again. `signal` aborts when the
   * task stops, so a run that loops (batches) can end between two steps instead of being cut off.
   */
  run: (signal: AbortSignal) => Promise<unknown>;
  logger: TaskLogger;
  /** Run once at `start()` rather than a whole period later. */
  runAtStart?: boolean;
  /** How long `stop()` waits for a run in flight before giving up on it. */
  stopWaitMs?: number;
}

/**
 * A job that runs every `everyMs` in this process, never two runs of it at once. Its timer never
 * keeps the process alive. A run of failures (a database outage) logs one warning when it starts
 * and one line when it ends, not one per tick. Cluster-wide exclusion is the run's own business
 * (a cleanup of PostgreSQL takes deleteInLockedBatches' advisory lock): not every periodic job
 * wants it — some, like closing a node's own sockets, must run on every node.
 */
export class PeriodicTask {
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> | null = null;
  private readonly stopping = new AbortController();
  private failuresInARow = 0;

  constructor(private readonly options: PeriodicTaskOptions) {}

  get name(): string {
    return this.options.name;
  }

  /** Whether it runs on its schedule: started and not stopped since. */
  get started(): boolean {
    return this.timer !== undefined && !this.stopping.signal.aborted;
  }

  start(): void {
    if (this.timer || this.stopping.signal.aborted) return;
    this.timer = setInterval(() => void this.runNow(), this.options.everyMs);
    this.timer.unref();
    if (this.options.runAtStart) void this.runNow();
  }

  /**
   * Runs at once, outside the schedule (a reconnect, a test). While a run is in flight this starts
   * no other and answers with that one. Never rejects: failures are logged.
   */
  runNow(): Promise<void> {
    if (this.stopping.signal.aborted) return Promise.resolve();
    this.inFlight ??= this.runLogged().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  /**
   * Starts no further run and waits for the one in flight, at most `waitMs`: a run stuck on a
   * backing service that is gone must not hold up the process's shutdown.
   */
  async stop(waitMs = this.options.stopWaitMs ?? DEFAULT_STOP_WAIT_MS): Promise<void> {
    this.stopping.abort();
    clearInterval(this.timer);
    const running = this.inFlight;
    if (!running) return;
    let bound: NodeJS.Timeout | undefined;
    const finished = await Promise.race([
      running.then(() => true),
      new Promise<false>((resolve) => {
        bound = setTimeout(() => resolve(false), waitMs);
      }),
    ]);
    clearTimeout(bound);
    if (!finished)
      this.options.logger.warn(`${this.options.name} still running after ${waitMs} ms; stopped anyway`);
  }

  private async runLogged(): Promise<void> {
    const { name, logger, run } = this.options;
    try {
      await run(this.stopping.signal);
      if (this.failuresInARow > 0) logger.log(`${name} recovered after ${this.failuresInARow} failed runs`);
      this.failuresInARow = 0;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (this.stopping.signal.aborted) {
        // Cut off by the shutdown (its connections closing): expected, not worth a warning.
        logger.debug(`${name} ended by the shutdown: ${message}`);
        return;
      }
      this.failuresInARow += 1;
      if (this.failuresInARow === 1)
        logger.warn(
          `${name} failed: ${message} (further failures until it recovers are logged at debug level)`,
        );
      else logger.debug(`${name} failed again (${this.failuresInARow} in a row): ${message}`);
    }
  }
}
