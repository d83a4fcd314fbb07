import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { INestApplicationContext } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

const SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/** What stops taking work before the app closes (the HTTP side of an api process). */
export type Drain = () => Promise<void>;

/**
 * A process told to stop (SIGTERM from an orchestrator, Ctrl-C) first stops taking work and lets
 * what it holds finish — `drain`, then the app's own close: queue workers finish their jobs,
 * connections close — and exits 0. Whatever hangs on the way (a queue worker waiting for a Redis
 * that is gone, taskforcesh/bullmq#4656; a PostgreSQL that does not answer), it exits anyway after
 * SHUTDOWN_TIMEOUT_MS, saying so in one line: an orchestrator would kill it later without a word,
 * and a supervisor that waits never would. Jobs cut short are retried from Redis (stalled jobs).
 */
@Injectable()
export class GracefulShutdown implements OnApplicationShutdown {
  private readonly logger = new Logger('Shutdown');
  private readonly timeoutMs: number;
  private stopping = false;
  private onSignal?: (signal: NodeJS.Signals) => void;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.timeoutMs = config.SHUTDOWN_TIMEOUT_MS;
  }

  /** Takes over SIGTERM and SIGINT for `app` (instead of Nest's shutdown hooks, which have no bound). */
  listen(app: INestApplicationContext, drain: Drain = () => Promise.resolve()): void {
    this.onSignal = (signal) => void this.stop(app, drain, signal);
    for (const signal of SIGNALS) process.on(signal, this.onSignal);
  }

  /** Closed by its owner (a test, a CLI) rather than a signal: the signals are no longer ours. */
  onApplicationShutdown(): void {
    if (!this.stopping) this.unlisten();
  }

  private async stop(app: INestApplicationContext, drain: Drain, signal: NodeJS.Signals): Promise<void> {
    // A second signal while stopping changes nothing; the bound holds for both.
    if (this.stopping) return;
    this.stopping = true;
    this.logger.log(`${signal}: shutting down (at most ${this.timeoutMs} ms)`);
    let stage = 'answering the requests in flight';
    const deadline = setTimeout(() => {
      this.logger.warn(
        `shutdown did not finish within ${this.timeoutMs} ms (SHUTDOWN_TIMEOUT_MS), still ${stage}; exiting now`,
      );
      process.exit(0);
    }, this.timeoutMs);
    let code = 0;
    try {
      await drain();
      stage = 'closing queue workers and connections';
      await app.close();
      this.logger.log('shut down');
    } catch (err) {
      this.logger.error(
        `shutdown failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
      );
      code = 1;
    }
    clearTimeout(deadline);
    this.unlisten();
    process.exit(code);
  }

  private unlisten(): void {
    if (!this.onSignal) return;
    for (const signal of SIGNALS) process.off(signal, this.onSignal);
    this.onSignal = undefined;
  }
}
