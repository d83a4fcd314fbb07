import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The departments and leaders with a dispatch on each incident, kept on the incident itself: who
 * hears of an incident and who may see it then comes from its own row (no read of dispatches on
 * every incident event), and the incidents module needs nothing of the dispatches module. Filled
 * from the dispatches already there; a GIN index serves a department's incident list.
 */
export class IncidentParties1796559034738 implements MigrationInterface {
  name = 'IncidentParties1796559034738';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "incidents" ADD "party_department_ids" uuid array NOT NULL DEFAULT '{}'`,
    );
    await queryRunner.query(
      `ALTER TABLE "incidents" ADD "party_leader_ids" uuid array NOT NULL DEFAULT '{}'`,
    );
    await queryRunner.query(
      `UPDATE incidents i
          SET party_department_ids = p.departments, party_leader_ids = p.leaders
         FROM (SELECT incident_id,
                      coalesce(array_agg(DISTINCT department_id) FILTER (WHERE department_id IS NOT NULL), '{}') AS departments,
                      coalesce(array_agg(DISTINCT leader_user_id) FILTER (WHERE leader_user_id IS NOT NULL), '{}') AS leaders
                 FROM dispatches GROUP BY incident_id) p
        WHERE p.incident_id = i.id`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_incidents_party_department_ids" ON "incidents" USING gin ("party_department_ids")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "idx_incidents_party_department_ids"`);
    await queryRunner.query(`ALTER TABLE "incidents" DROP COLUMN "party_leader_ids"`);
    await queryRunner.query(`ALTER TABLE "incidents" DROP COLUMN "party_department_ids"`);
  }
}
