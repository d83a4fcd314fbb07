import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import IORedis from 'ioredis';
import { randomUUID } from 'node:crypto';
import type { AppConfig } from '../config/app-config';
import { InjectConfig } from '../config/inject-config';
import { GridsService } from '../grids/grids.service';
import { producerConnectionOptions, redisClient } from '../queues/redis';

/**
 * Every process holds its own in-memory grid index. After an import the importing process reloads
 * its own at once; the others (more API processes, workers) hear about it on a Redis channel and
 * reload theirs, so no process needs a restart.
 */
@Injectable()
export class BoundaryReload implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(BoundaryReload.name);
  private readonly instance = randomUUID();
  private readonly channel: string;
  private subscriber: IORedis | null = null;
  private publisher: IORedis | null = null;

  constructor(
    private readonly grids: GridsService,
    @InjectConfig() private readonly config: AppConfig,
  ) {
    this.channel = `${config.REDIS_PREFIX}:boundaries.changed`;
  }

  onApplicationBootstrap(): void {
    const subscriber = redisClient(this.config.REDIS_URL, 'boundary reload subscriber');
    this.subscriber = subscriber;
    subscriber.on('message', (channel: string, from: string) => {
      if (channel !== this.channel || from === this.instance) return;
      this.grids
        .reload()
        .catch((err: unknown) => this.logger.error(`grid index reload failed: ${String(err)}`));
    });
    // Not awaited: a Redis outage at start-up must not hold the process; ioredis subscribes once it can.
    subscriber
      .subscribe(this.channel)
      .catch((err: unknown) => this.logger.warn(`cannot subscribe: ${String(err)}`));
    // Fails fast while Redis is down, so an import never waits on it.
    this.publisher = new IORedis(producerConnectionOptions(this.config.REDIS_URL));
    this.publisher.on('error', () => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    for (const client of [this.subscriber, this.publisher]) client?.disconnect();
    this.subscriber = this.publisher = null;
    await Promise.resolve();
  }

  /** Reloads this process's index, then tells the others; a missed signal is logged, not fatal. */
  async afterImport(): Promise<void> {
    await this.grids.reload();
    try {
      await this.publisher?.publish(this.channel, this.instance);
    } catch (err) {
      this.logger.warn(`other processes not told to reload the grid index: ${String(err)}`);
    }
  }
}
