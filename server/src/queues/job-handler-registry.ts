import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { QUEUES, type QueueKey } from './queue-names';

/**
 * Processors announce the queue they serve here; when the worker role boots, every queue must have
 * exactly one — a job name nobody handles would otherwise sit in Redis unnoticed.
 */
@Injectable()
export class JobHandlerRegistry implements OnApplicationBootstrap {
  private readonly registered = new Map<QueueKey, readonly string[]>();

  register(queue: QueueKey, jobNames: readonly string[]): void {
    if (this.registered.has(queue)) throw new Error(`Queue ${queue} has two processors`);
    this.registered.set(queue, jobNames);
  }

  onApplicationBootstrap(): void {
    for (const key of Object.keys(QUEUES) as QueueKey[]) {
      const handled = this.registered.get(key);
      if (!handled) throw new Error(`No processor registered for queue ${QUEUES[key].name}`);
      const missing = QUEUES[key].jobs.filter((job) => !handled.includes(job));
      if (missing.length)
        throw new Error(`Queue ${QUEUES[key].name} has no handler for: ${missing.join(', ')}`);
    }
  }
}
