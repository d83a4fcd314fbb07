import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { AUDIT_ACTIONS, type AuditAction } from '@whistle/shared';

/**
 * The audit log. Append-only: a migration adds triggers that refuse UPDATE, DELETE and TRUNCATE
 * for every database role, the application's included. No foreign keys, so no row elsewhere can
 * ever hold an audit row back or take one with it.
 */
@Entity('audit_log')
@Index(['actorId', 'id'])
@Index(['action', 'id'])
export class AuditEntry {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' }) id: string;
  @Column({ type: 'timestamptz', default: () => 'now()' }) occurredAt: Date;
  @Column({ type: 'enum', enum: AUDIT_ACTIONS, enumName: 'audit_action' }) action: AuditAction;
  @Column({ type: 'uuid', nullable: true }) actorId: string | null;
  /** Kept beside the id: the log must read on its own, even for a name that never existed. */
  @Column({ type: 'varchar', length: 128, nullable: true }) actorUsername: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) targetType: string | null;
  @Column({ type: 'varchar', length: 128, nullable: true }) targetId: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) ip: string | null;
  @Column({ type: 'jsonb', default: () => "'{}'" }) details: Record<string, unknown>;
}
