import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** One category on a street's admission list (准入清单): tasks a department may send down to it. */
@Entity('admission_entries')
@Unique(['streetId', 'category'])
export class AdmissionEntry {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid') streetId: string;
  @Column() category: string;
}
