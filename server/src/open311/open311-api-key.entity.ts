import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { User } from '../users/user.entity';

/**
 * A key an Open311 client sends as `api_key`. Only its SHA-256 is stored: keys are long random
 * strings, so a fast hash is enough (no dictionary to guess from) and lookup stays one index probe.
 * Keys are revoked, never deleted, so the requests made with them keep their origin.
 */
@Entity('open311_api_keys')
export class Open311ApiKey {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column() name: string;
  @Column({ type: 'char', length: 64, unique: true }) keyHash: string;
  @Column() prefix: string;
  @Column({ type: 'int', nullable: true }) rateLimitPerMinute: number | null;
  @Column({ type: 'uuid', nullable: true }) createdById: string | null;
  @Column({ type: 'timestamptz', nullable: true }) revokedAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: Relation<User> | null;
}
