import { Entity, PrimaryColumn } from 'typeorm';

/** A district leader paired with a street, summoned by its tough-problem whistles (双报到). */
@Entity('street_leaders')
export class StreetLeader {
  @PrimaryColumn('uuid') streetId: string;
  @PrimaryColumn('uuid') userId: string;
}
