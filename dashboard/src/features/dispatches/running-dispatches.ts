import type { DispatchView } from '@whistle/shared';
import { runningStage } from './countdown';

/**
 * The running whistle dispatches the wall shows, kept current from live events instead of
 * refetching the list on every change. Bounded: beyond `limit` the oldest are forgotten, so a wall
 * running for days keeps flat memory however many whistles go unanswered.
 */
export class RunningDispatches {
  private readonly byId = new Map<string, DispatchView>();

  constructor(private readonly limit = 500) {}

  replaceAll(dispatches: readonly DispatchView[]): void {
    this.byId.clear();
    for (const d of dispatches) this.apply(d);
  }

  /** A dispatch from the API or a live event; one that no longer runs a stage leaves the list. */
  apply(dispatch: DispatchView): void {
    this.byId.delete(dispatch.id);
    if (!dispatch.whistleId || !runningStage(dispatch)) return;
    this.byId.set(dispatch.id, dispatch);
    if (this.byId.size > this.limit) {
      // A Map iterates in insertion order: the first entry is the one untouched longest.
      const oldest = this.byId.keys().next().value;
      if (oldest !== undefined) this.byId.delete(oldest);
    }
  }

  list(): DispatchView[] {
    return [...this.byId.values()];
  }

  get size(): number {
    return this.byId.size;
  }
}
