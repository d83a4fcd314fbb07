import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A street's rating of a verified dispatch. Back-to-back (背对背): departments only ever see
 * averages, never a single rating or who gave it.
 */
@Entity('ratings')
export class Rating {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', unique: true }) dispatchId: string;
  @Index() @Column('uuid') departmentId: string;
  @Column('uuid') streetId: string;
  @Column('smallint') score: number;
  @Column({ type: 'text', nullable: true }) comment: string | null;
  @Column('uuid') ratedById: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
