import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Open311 GeoReport v2: API keys (stored hashed) and the Open311 extras of each incident raised through it. */
export class Open3111795313354149 implements MigrationInterface {
  name = 'Open3111795313354149';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "open311_api_keys" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying NOT NULL, "key_hash" character(64) NOT NULL, "prefix" character varying NOT NULL, "rate_limit_per_minute" integer, "created_by_id" uuid, "revoked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_ac596fcf3c27b1e91bf41310ee1" UNIQUE ("key_hash"), CONSTRAINT "PK_0286eb2624b6e0987ca51bdcd16" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "open311_requests" ("incident_id" uuid NOT NULL, "api_key_id" uuid NOT NULL, "address_string" text, "address_id" character varying, "email" character varying, "first_name" character varying, "last_name" character varying, "phone" character varying, "device_id" character varying, "account_id" character varying, "media_url" text, "attributes" jsonb NOT NULL DEFAULT '{}', "service_notice" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ec306a3a56708bf26ffbf09051c" PRIMARY KEY ("incident_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_0c17aa9dee28af5376e0847fca" ON "open311_requests" ("api_key_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "open311_api_keys" ADD CONSTRAINT "FK_55ba9cfd57a30947e0c93255cce" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "open311_requests" ADD CONSTRAINT "FK_ec306a3a56708bf26ffbf09051c" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "open311_requests" ADD CONSTRAINT "FK_0c17aa9dee28af5376e0847fca9" FOREIGN KEY ("api_key_id") REFERENCES "open311_api_keys"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "open311_requests" DROP CONSTRAINT "FK_0c17aa9dee28af5376e0847fca9"`,
    );
    await queryRunner.query(
      `ALTER TABLE "open311_requests" DROP CONSTRAINT "FK_ec306a3a56708bf26ffbf09051c"`,
    );
    await queryRunner.query(
      `ALTER TABLE "open311_api_keys" DROP CONSTRAINT "FK_55ba9cfd57a30947e0c93255cce"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_0c17aa9dee28af5376e0847fca"`);
    await queryRunner.query(`DROP TABLE "open311_requests"`);
    await queryRunner.query(`DROP TABLE "open311_api_keys"`);
  }
}
