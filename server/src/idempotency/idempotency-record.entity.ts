import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One Idempotency-Key as used by one caller on one route: the fingerprint of the first request, and
 * once it has finished, the answer to give any repeat. A row without a status is a request still in
 * flight (or one whose process died: its lease runs out and a repeat may take it over).
 */
@Entity('idempotency_keys')
export class IdempotencyRecord {
  /** Who used the key: `user:<id>` or `open311:<api key id>`; keys are never shared between callers. */
  @PrimaryColumn({ type: 'varchar', length: 64 }) scope: string;
  @PrimaryColumn({ type: 'varchar', length: 255 }) key: string;
  @PrimaryColumn({ type: 'varchar', length: 8 }) method: string;
  /** The request path as called (ids included), so one key on two incidents is two records. */
  @PrimaryColumn({ type: 'varchar', length: 512 }) route: string;
  /** SHA-256 (hex) of the request body (and, for uploads, of each file's field, name and bytes). */
  @Column({ type: 'char', length: 64 }) fingerprint: string;
  /** Null while the first request is in flight. */
  @Column({ type: 'smallint', nullable: true }) responseStatus: number | null;
  /**
   * The first answer's body (an error's details for a stored 4xx); null when withheld (it held a
   * one-time secret) or in flight. `json`, not `jsonb`: a replay keeps the first answer's key order.
   */
  @Column({ type: 'json', nullable: true }) responseBody: unknown;
  /** The first answer succeeded but held a secret shown once, so it is not kept to be replayed. */
  @Column({ type: 'boolean', default: false }) answerWithheld: boolean;
  /**
   * Set in the same transaction as the rows the request created: a record that is committed but has
   * no answer yet belongs to a request whose process died after its commit, and must not run again.
   */
  @Column({ type: 'boolean', default: false }) committed: boolean;
  /** An in-flight claim older than this was abandoned (its process died) and may be taken over. */
  @Column({ type: 'timestamptz' }) leaseUntil: Date;
  /** Indexed for the retention sweep. */
  @Index() @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
