import { JobHandlerRegistry } from './job-handler-registry';
import { QUEUES } from './queue-names';

describe('JobHandlerRegistry', () => {
  it('accepts a worker role where every queue and job name has its handler', () => {
    const registry = new JobHandlerRegistry();
    registry.register('live', QUEUES.live.jobs);
    registry.register('deadlines', QUEUES.deadlines.jobs);
    expect(() => registry.onApplicationBootstrap()).not.toThrow();
  });

  it('stops start-up when a queue has no processor', () => {
    const registry = new JobHandlerRegistry();
    registry.register('live', QUEUES.live.jobs);
    expect(() => registry.onApplicationBootstrap()).toThrow('No processor registered for queue deadlines');
  });

  it('stops start-up when a job name has no handler, or a queue two processors', () => {
    const registry = new JobHandlerRegistry();
    registry.register('live', []);
    registry.register('deadlines', QUEUES.deadlines.jobs);
    expect(() => registry.onApplicationBootstrap()).toThrow('Queue live-events has no handler for: deliver');
    expect(() => registry.register('live', QUEUES.live.jobs)).toThrow('Queue live has two processors');
  });
});
