import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { PRIORITIES, WHISTLE_TYPES, type Priority, type WhistleType } from '@whistle/shared';

/** Stage limits for a whistle type, for one priority or for `any` priority without a rule of its own. */
@Entity('timer_rules')
@Unique(['whistleType', 'priority'])
export class TimerRuleEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'enum', enum: WHISTLE_TYPES, enumName: 'whistle_type' }) whistleType: WhistleType;
  @Column({ type: 'enum', enum: [...PRIORITIES, 'any'], enumName: 'timer_rule_priority' }) priority:
    Priority | 'any';
  @Column('int') acceptMinutes: number;
  @Column('int') arriveMinutes: number;
  @Column('int') resolveMinutes: number;
}
