/**
 * Every queue and the job names it carries. Workers register one handler per name, and start-up
 * fails if any name has none (see JobHandlerRegistry).
 */
export const QUEUES = {
  // Completed deliveries are kept for an hour so a re-relayed event id is recognised and dropped.
  live: { name: 'live-events', jobs: ['deliver'], keepCompletedSeconds: 3600 },
  // Deadline jobs are keyed by dispatch and stage; a finished one must free its id at once, since a
  // re-opened dispatch runs its resolve stage again under the same key. (One that failed for good is
  // kept for a look, and replaced by the next schedule or rebuild of its stage.)
  deadlines: { name: 'deadlines', jobs: ['stage-deadline'], keepCompletedSeconds: 0 },
  // The dispatch changes of each relayed batch, in commit order, for the deadline timers to follow.
  // Kept an hour, like deliveries, so a re-relayed batch is recognised.
  dispatchChanges: { name: 'dispatch-changes', jobs: ['follow'], keepCompletedSeconds: 3600 },
} as const;

/**
 * Failed jobs of every queue: kept a week to look into and retry by hand, and never more than this
 * many, so a long outage that fails every job cannot fill Redis. (BullMQ trims them as jobs fail.)
 */
export const FAILED_JOBS_KEPT = { age: 7 * 86_400, count: 10_000 } as const;

export type QueueKey = keyof typeof QUEUES;
export type JobNameOf<Q extends QueueKey> = (typeof QUEUES)[Q]['jobs'][number];
