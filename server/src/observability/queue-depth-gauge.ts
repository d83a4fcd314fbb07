import { Logger, type Provider } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { Gauge, Registry } from 'prom-client';
import { QUEUES } from '../queues/queue-names';
import { PROMETHEUS_REGISTRY } from './prometheus-registry';

export const QUEUE_DEPTH_STATES = ['waiting', 'delayed', 'active', 'failed'] as const;

const logger = new Logger('QueueDepthGauge');

export function registerQueueDepthGauge(registry: Registry, queues: readonly Queue[]): Gauge {
  return new Gauge({
    name: 'whistle_queue_depth',
    help: 'BullMQ jobs by queue and state',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      this.reset();
      await Promise.all(
        queues.map(async (queue) => {
          try {
            const counts = await queue.getJobCounts(...QUEUE_DEPTH_STATES);
            for (const state of QUEUE_DEPTH_STATES)
              this.set({ queue: queue.name, state }, counts[state] ?? 0);
          } catch (err) {
            // Redis being down leaves this queue out of the scrape instead of failing it.
            logger.warn(
              `queue ${queue.name} depth unavailable: ${err instanceof Error ? err.message : String(err)}`,
            );
          }
        }),
      );
    },
  });
}

export const QUEUE_DEPTH_GAUGE = Symbol('QUEUE_DEPTH_GAUGE');

/** Every queue in QUEUES, so a new queue is measured without touching this file. */
export const queueDepthGaugeProvider: Provider = {
  provide: QUEUE_DEPTH_GAUGE,
  inject: [PROMETHEUS_REGISTRY, ...Object.values(QUEUES).map((q) => getQueueToken(q.name))],
  useFactory: (registry: Registry, ...queues: Queue[]) => registerQueueDepthGauge(registry, queues),
};
