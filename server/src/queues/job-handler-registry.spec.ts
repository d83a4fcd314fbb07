import { JobHandlerRegistry } from './job-handler-registry';
import { QUEUES, type QueueKey } from './queue-names';

const everyQueue = Object.keys(QUEUES) as QueueKey[];

describe('JobHandlerRegistry', () => {
  it('accepts a worker role where every queue and job name has its handler', () => {
    const registry = new JobHandlerRegistry();
    for (const queue of everyQueue) registry.register(queue, QUEUES[queue].jobs);
    expect(() => registry.onApplicationBootstrap()).not.toThrow();
  });

  it('stops start-up when a queue has no processor', () => {
    const registry = new JobHandlerRegistry();
    registry.register('live', QUEUES.live.jobs);
    expect(() => registry.onApplicationBootstrap()).toThrow('No processor registered for queue deadlines');
  });

  it('stops start-up when a job name has no handler, or a queue two processors', () => {
    const registry = new JobHandlerRegistry();
    for (const queue of everyQueue) registry.register(queue, queue === 'live' ? [] : QUEUES[queue].jobs);
    expect(() => registry.onApplicationBootstrap()).toThrow('Queue live-events has no handler for: deliver');
    expect(() => registry.register('live', QUEUES.live.jobs)).toThrow('Queue live has two processors');
  });
});
