import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { User } from '../users/user.entity';

/**
 * One signed-in session: a login and the family of refresh tokens rotated from it. Only the hash of
 * the current token is kept; presenting any older one means it was copied, and ends the family.
 */
@Entity('auth_sessions')
@Index(['userId', 'revokedAt'])
export class AuthSession {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') userId: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  /** How many times the refresh token was rotated; the token names the generation it belongs to. */
  @Column({ type: 'int', default: 0 }) generation: number;
  /** SHA-256 of the current refresh token's secret (the secret is 32 random bytes). */
  @Column({ type: 'bytea' }) tokenHash: Buffer;
  @Column({ type: 'timestamptz' }) lastUsedAt: Date;
  /** The absolute end, whatever the use. */
  @Column({ type: 'timestamptz' }) expiresAt: Date;
  /** Indexed: every API node polls for sessions ended since its last look, to close their sockets. */
  @Index() @Column({ type: 'timestamptz', nullable: true }) revokedAt: Date | null;
  @Column({ type: 'varchar', length: 32, nullable: true }) revokedReason: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) ip: string | null;
  @Column({ type: 'varchar', length: 256, nullable: true }) userAgent: string | null;
  @ManyToOne(() => User, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;
}
