import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Department } from '../departments/department.entity';
import { District } from '../streets/district.entity';

/**
 * The rating aggregate last published to departments, per department and district (the
 * district's streets' ratings of it). Written only by the metrics module, under the rule in
 * rating-disclosure.ts; departments never see the live ratings.
 */
@Entity('rating_snapshots')
export class RatingSnapshotEntity {
  @PrimaryColumn('uuid') districtId: string;
  @PrimaryColumn('uuid') departmentId: string;
  /** The snapshot holds the ratings given before this Beijing midnight. */
  @Column('timestamptz') ratingsBefore: Date;
  @Column('int') ratingCount: number;
  @Column('int') ratingSum: number;
  // Foreign keys: the services keep these consistent; the database refuses anything else.
  @ManyToOne(() => District, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'district_id' })
  district?: Relation<District>;
  @ManyToOne(() => Department, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'department_id' })
  department?: Relation<Department>;
}
