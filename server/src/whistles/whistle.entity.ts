import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { WHISTLE_TYPES, type WhistleType } from '@whistle/shared';

@Entity('whistles')
@Index(['streetId', 'createdAt'])
export class Whistle {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Index() @Column('uuid') incidentId: string;
  @Column('uuid') streetId: string;
  @Column({ type: 'enum', enum: WHISTLE_TYPES, enumName: 'whistle_type' }) type: WhistleType;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column('uuid') blownById: string;
  @Index() @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
