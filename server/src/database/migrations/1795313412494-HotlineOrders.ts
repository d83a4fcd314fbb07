import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 12345 work orders keyed by the hotline's order number; the incident key is checked at commit. */
export class HotlineOrders1795313412494 implements MigrationInterface {
  name = 'HotlineOrders1795313412494';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "hotline_orders" ("order_no" character varying NOT NULL, "incident_id" uuid NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "citizen_phone_masked" text, "address" text, "received_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "REL_5386ecd5f399ba5f904a2e3d2e" UNIQUE ("incident_id"), CONSTRAINT "PK_7d5ab49d3c2678a32d8606db2fb" PRIMARY KEY ("order_no"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "hotline_orders" ADD CONSTRAINT "FK_5386ecd5f399ba5f904a2e3d2ec" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE RESTRICT ON UPDATE NO ACTION DEFERRABLE INITIALLY DEFERRED`,
    );
    await queryRunner.query(
      `ALTER TABLE "hotline_orders" ADD CONSTRAINT "FK_2bb1ee0b4454d2fdb768523df99" FOREIGN KEY ("received_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "hotline_orders" DROP CONSTRAINT "FK_2bb1ee0b4454d2fdb768523df99"`);
    await queryRunner.query(`ALTER TABLE "hotline_orders" DROP CONSTRAINT "FK_5386ecd5f399ba5f904a2e3d2ec"`);
    await queryRunner.query(`DROP TABLE "hotline_orders"`);
  }
}
