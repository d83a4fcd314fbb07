import type { DispatchView } from '@whistle/shared';

/** One committed dispatch change: the event that carried it and the dispatch as it then stood. */
export interface DispatchChange {
  eventId: string;
  dispatch: DispatchView;
}

/**
 * A job of the dispatch-changes queue: the outbox relay puts a batch's dispatch changes on it, the
 * deadline timers follow them (deadlines/dispatch-follow.processor.ts).
 */
export interface DispatchChangesJob {
  changes: DispatchChange[];
}
