import { Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { PeriodicTask } from '../common/periodic-task';

/**
 * Every periodic background job of the worker role, by its task name. They work on the whole
 * deployment's data (cleanups, reminders), so they belong to the worker: an API process starts
 * none, and however many API processes run, only the workers sweep. Per-node jobs (closing this
 * node's revoked sockets, clearing its own upload spool) are not sweeps and stay where they are.
 */
export const BACKGROUND_SWEEPS = [
  'outbox cleanup',
  'idempotency sweep',
  'standing review reminders',
] as const;

export type BackgroundSweepName = (typeof BACKGROUND_SWEEPS)[number];

/**
 * The worker role's sweeps, like its queue processors (JobHandlerRegistry): each module owning one
 * registers its task once, and when the worker boots every sweep must be there — one left out
 * would otherwise never run, unnoticed — before they all start. They stop before the database
 * closes (Nest destroys modules before it shuts the connections down).
 */
@Injectable()
export class BackgroundSweeps implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly registered = new Map<string, PeriodicTask>();

  register(task: PeriodicTask): void {
    if (!(BACKGROUND_SWEEPS as readonly string[]).includes(task.name))
      throw new Error(`Background sweep "${task.name}" is not one of BACKGROUND_SWEEPS`);
    if (this.registered.has(task.name)) throw new Error(`Background sweep "${task.name}" registered twice`);
    this.registered.set(task.name, task);
  }

  onApplicationBootstrap(): void {
    const missing = BACKGROUND_SWEEPS.filter((name) => !this.registered.has(name));
    if (missing.length) throw new Error(`No task registered for background sweep: ${missing.join(', ')}`);
    for (const task of this.registered.values()) task.start();
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([...this.registered.values()].map((task) => task.stop()));
  }

  /** The sweeps this process runs, by name. */
  running(): string[] {
    return [...this.registered.values()].filter((task) => task.started).map((task) => task.name);
  }
}
