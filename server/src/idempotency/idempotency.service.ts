import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PeriodicTask } from '../common/periodic-task';
import { deleteInLockedBatches } from '../database/locked-batch-delete';
import type { IdempotencyClaim } from './idempotency-context';

/** How long a key is remembered; a repeat after this runs as a new request. */
export const IDEMPOTENCY_RETENTION_HOURS = 24;
/** An in-flight claim whose process died is taken over after this (uploads and sharp included). */
const LEASE_SECONDS = 60;
const SWEEP_EVERY_MS = 60 * 60 * 1000;
/** Rows per DELETE of the sweep, so that a day's backlog never locks the table for long. */
const SWEEP_BATCH = 1000;
/** Names the advisory lock that lets one worker at a time sweep. */
const SWEEP_LOCK = 'whistle:idempotency-sweep';

export type ClaimOutcome =
  /** This request holds the key now: run it, then `complete` or `release`. */
  | { kind: 'run'; claim: IdempotencyClaim }
  /** Finished before: give this answer again. */
  | { kind: 'replay'; status: number; body: unknown }
  /** Finished before with an answer holding a one-time secret, which is not kept. */
  | { kind: 'withheld'; status: number }
  /** The first request with the key is still running. */
  | { kind: 'in_flight'; retryAfterSeconds: number }
  /** The key was used before for a different request body. */
  | { kind: 'mismatch' }
  /** The first request committed, and its lease ran out before its answer was stored. */
  | { kind: 'answer_lost' };

interface StoredRow {
  fingerprint: string;
  response_status: number | null;
  response_body: unknown;
  answer_withheld: boolean;
  committed: boolean;
  lease_until: Date;
}

/**
 * Owns idempotency_keys. A key is claimed by inserting its row first (the primary key decides
 * between two nodes: only one insert wins), the answer is stored when the request has finished, and
 * rows older than the retention are swept every hour by one worker at a time (and count as absent
 * before the sweep). A missed sweep only keeps rows longer.
 */
@Injectable()
export class IdempotencyService {
  private readonly logger = new Logger(IdempotencyService.name);
  /** A background sweep: the worker role's IdempotencyWorkerModule registers it, and only there it runs. */
  readonly sweeper = new PeriodicTask({
    name: 'idempotency sweep',
    everyMs: SWEEP_EVERY_MS,
    logger: this.logger,
    run: (signal) => this.sweep(signal),
  });

  constructor(private readonly dataSource: DataSource) {}

  async claim(claim: IdempotencyClaim, fingerprint: string): Promise<ClaimOutcome> {
    // Twice at most: a row seen conflicting may be released (its request failed) before we read it.
    for (let attempt = 0; attempt < 2; attempt++) {
      if (await this.tryInsert(claim, fingerprint)) return { kind: 'run', claim };
      const row = await this.read(claim);
      if (!row) continue;
      if (row.fingerprint !== fingerprint) return { kind: 'mismatch' };
      if (row.response_status !== null) {
        return row.answer_withheld
          ? { kind: 'withheld', status: row.response_status }
          : { kind: 'replay', status: row.response_status, body: row.response_body };
      }
      const leftMs = new Date(row.lease_until).getTime() - Date.now();
      // Committed without an answer: the first request is storing it now — or its process died
      // after the commit, which only the end of its lease tells apart.
      if (row.committed && leftMs <= 0) return { kind: 'answer_lost' };
      return { kind: 'in_flight', retryAfterSeconds: Math.max(1, Math.min(5, Math.ceil(leftMs / 1000))) };
    }
    return { kind: 'in_flight', retryAfterSeconds: 1 };
  }

  /**
   * Stores the first answer; `body` null with `withheld` for answers holding a one-time secret.
   * Never throws: failing to store (the database gone right after the commit) must not turn a done
   * request into an error. A repeat then finds the key committed without an answer (409), or, when
   * nothing was committed, an in-flight claim whose lease runs out: never a second run.
   */
  async complete(claim: IdempotencyClaim, status: number, body: unknown, withheld = false): Promise<void> {
    await this.bestEffort('store the answer of', claim, () =>
      this.dataSource.query(
        `UPDATE idempotency_keys
            SET response_status = $5, response_body = $6::json, answer_withheld = $7, committed = true
          WHERE scope = $1 AND key = $2 AND method = $3 AND route = $4`,
        [...keyOf(claim), status, withheld ? null : JSON.stringify(body ?? null), withheld],
      ),
    );
  }

  /**
   * The request failed in a way a retry may fix (5xx, 409, 429, 400): forget the key, unless what
   * it did had already committed. Never throws (the request's own error is what the caller needs);
   * a key not released is freed by its lease.
   */
  async release(claim: IdempotencyClaim): Promise<void> {
    await this.bestEffort('release', claim, () =>
      this.dataSource.query(
        `DELETE FROM idempotency_keys
          WHERE scope = $1 AND key = $2 AND method = $3 AND route = $4
            AND response_status IS NULL AND NOT committed`,
        keyOf(claim),
      ),
    );
  }

  private async bestEffort(
    what: string,
    claim: IdempotencyClaim,
    write: () => Promise<unknown>,
  ): Promise<void> {
    try {
      await write();
    } catch (err) {
      this.logger.warn(`could not ${what} Idempotency-Key on ${claim.method} ${claim.route}: ${String(err)}`);
    }
  }

  /** Deletes records past the retention, in batches, unless another process is at it; returns how many. */
  async sweep(signal?: AbortSignal): Promise<number> {
    const { deleted } = await deleteInLockedBatches(this.dataSource, {
      lock: SWEEP_LOCK,
      // ctid: the table's key has four columns. The age is checked again on the row itself: one
      // taken over by a new claim since its batch was chosen (tryInsert renews created_at) stays.
      sql: `DELETE FROM idempotency_keys
             WHERE ctid = ANY(ARRAY(
                     SELECT ctid FROM idempotency_keys
                      WHERE created_at < now() - make_interval(hours => $1) LIMIT $2))
               AND created_at < now() - make_interval(hours => $1)`,
      params: [IDEMPOTENCY_RETENTION_HOURS],
      batchSize: SWEEP_BATCH,
      signal,
    });
    return deleted;
  }

  /**
   * Inserts the claim; an existing row is taken over only when it is past the retention, or an
   * abandoned in-flight claim (lease over, nothing committed) of the same request.
   */
  private async tryInsert(claim: IdempotencyClaim, fingerprint: string): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      `INSERT INTO idempotency_keys AS k (scope, key, method, route, fingerprint, lease_until, created_at)
       VALUES ($1, $2, $3, $4, $5, now() + make_interval(secs => $6), now())
       ON CONFLICT (scope, key, method, route) DO UPDATE
          SET fingerprint = EXCLUDED.fingerprint, lease_until = EXCLUDED.lease_until,
              created_at = EXCLUDED.created_at, response_status = NULL, response_body = NULL,
              answer_withheld = false, committed = false
        WHERE k.created_at < now() - make_interval(hours => $7)
           OR (k.response_status IS NULL AND NOT k.committed AND k.lease_until < now()
               AND k.fingerprint = EXCLUDED.fingerprint)
       RETURNING 1 AS claimed`,
      [...keyOf(claim), fingerprint, LEASE_SECONDS, IDEMPOTENCY_RETENTION_HOURS],
    );
    return rows.length > 0;
  }

  private async read(claim: IdempotencyClaim): Promise<StoredRow | undefined> {
    const rows = await this.dataSource.query<StoredRow[]>(
      `SELECT fingerprint, response_status, response_body, answer_withheld, committed, lease_until
         FROM idempotency_keys
        WHERE scope = $1 AND key = $2 AND method = $3 AND route = $4
          AND created_at >= now() - make_interval(hours => $5)`,
      [...keyOf(claim), IDEMPOTENCY_RETENTION_HOURS],
    );
    return rows[0];
  }
}

function keyOf(claim: IdempotencyClaim): [string, string, string, string] {
  return [claim.scope, claim.key, claim.method, claim.route];
}
