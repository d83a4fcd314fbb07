import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Photos of incidents (grid-worker reports, proof of resolution); the bytes live in the photo storage. */
export class Photos1795313416884 implements MigrationInterface {
  name = 'Photos1795313416884';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "photos" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "incident_id" uuid NOT NULL, "dispatch_id" uuid, "storage_key" character varying NOT NULL, "thumbnail_key" character varying NOT NULL, "content_type" character varying NOT NULL, "size_bytes" integer NOT NULL, "width" integer NOT NULL, "height" integer NOT NULL, "uploaded_by_id" uuid NOT NULL, "position" smallint NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5220c45b8e32d49d767b9b3d725" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_b879844db3e9521230bf24c402" ON "photos" ("dispatch_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_666aa91732d8e8956543110ddc" ON "photos" ("incident_id", "created_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "photos" ADD CONSTRAINT "FK_fa562eeb1e2dffc57bd8ae59ca8" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "photos" ADD CONSTRAINT "FK_b879844db3e9521230bf24c4022" FOREIGN KEY ("dispatch_id") REFERENCES "dispatches"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "photos" ADD CONSTRAINT "FK_9b0854162727b896a7e6e2cab79" FOREIGN KEY ("uploaded_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "photos" DROP CONSTRAINT "FK_9b0854162727b896a7e6e2cab79"`);
    await queryRunner.query(`ALTER TABLE "photos" DROP CONSTRAINT "FK_b879844db3e9521230bf24c4022"`);
    await queryRunner.query(`ALTER TABLE "photos" DROP CONSTRAINT "FK_fa562eeb1e2dffc57bd8ae59ca8"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_666aa91732d8e8956543110ddc"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b879844db3e9521230bf24c402"`);
    await queryRunner.query(`DROP TABLE "photos"`);
  }
}
