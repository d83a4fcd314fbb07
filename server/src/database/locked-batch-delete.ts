import type { DataSource } from 'typeorm';

export interface LockedBatchDelete {
  /** Names the PostgreSQL advisory lock (hashed to its key) that a process holds while it deletes. */
  lock: string;
  /** A DELETE of at most `batchSize` rows, which it takes as the parameter after `params`. */
  sql: string;
  params: readonly unknown[];
  batchSize: number;
  /** Aborted: no further batch starts (the process is shutting down). */
  signal?: AbortSignal;
}

export interface LockedBatchDeleteRun {
  /** False when another process held the lock before the first batch, so this run did nothing. */
  ran: boolean;
  deleted: number;
}

/**
 * Repeats a DELETE of at most `batchSize` rows until one deletes fewer (nothing left), the signal
 * aborts, or another process holds the lock. How several processes share a cleanup of a
 * PostgreSQL table: the lock lives in PostgreSQL too, so the cleanup needs nothing else up.
 *
 * Each batch is a transaction of its own that first takes the lock (pg_try_advisory_xact_lock,
 * which its commit releases). So no two processes ever delete at once, a large backlog never
 * becomes one long transaction holding thousands of row locks, and a process that dies mid-run
 * leaves no lock behind. A process finding the lock taken stops: the holder is doing the same work.
 */
export async function deleteInLockedBatches(
  dataSource: DataSource,
  job: LockedBatchDelete,
): Promise<LockedBatchDeleteRun> {
  let ran = false;
  let deleted = 0;
  while (!job.signal?.aborted) {
    const count = await lockedBatch(dataSource, job);
    if (count === undefined) break;
    ran = true;
    deleted += count;
    if (count < job.batchSize) break;
  }
  return { ran, deleted };
}

/** One batch under the lock: how many rows it deleted, or undefined when the lock was taken. */
function lockedBatch(dataSource: DataSource, job: LockedBatchDelete): Promise<number | undefined> {
  return dataSource.transaction(async (manager) => {
    const [lock] = await manager.query<{ locked: boolean }[]>(
      `SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked`,
      [job.lock],
    );
    if (!lock?.locked) return undefined;
    // node-postgres answers a DELETE through TypeORM as [rows, count].
    const [, count] = await manager.query<[unknown, number]>(job.sql, [...job.params, job.batchSize]);
    return count;
  });
}
