import { MigrationInterface, QueryRunner } from 'typeorm';

/** idempotency_keys: the first answer to each Idempotency-Key, per caller, method and path. */
export class Idempotency1796540684179 implements MigrationInterface {
  name = 'Idempotency1796540684179';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "idempotency_keys" ("scope" character varying(64) NOT NULL, "key" character varying(255) NOT NULL, "method" character varying(8) NOT NULL, "route" character varying(512) NOT NULL, "fingerprint" character(64) NOT NULL, "response_status" smallint, "response_body" json, "answer_withheld" boolean NOT NULL DEFAULT false, "committed" boolean NOT NULL DEFAULT false, "lease_until" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d335d2c3560be5dd6c959620e55" PRIMARY KEY ("scope", "key", "method", "route"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_5e72f040fdc5efc8eef52a388c" ON "idempotency_keys" ("created_at") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_5e72f040fdc5efc8eef52a388c"`);
    await queryRunner.query(`DROP TABLE "idempotency_keys"`);
  }
}
