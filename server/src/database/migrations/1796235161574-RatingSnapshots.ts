import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The rating snapshots published to departments (back-to-back, metrics/rating-disclosure.ts). */
export class RatingSnapshots1796235161574 implements MigrationInterface {
  name = 'RatingSnapshots1796235161574';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "rating_snapshots" ("district_id" uuid NOT NULL, "department_id" uuid NOT NULL, "ratings_before" TIMESTAMP WITH TIME ZONE NOT NULL, "rating_count" integer NOT NULL, "rating_sum" integer NOT NULL, CONSTRAINT "PK_86ec718bf970953be78e5909734" PRIMARY KEY ("district_id", "department_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "rating_snapshots" ADD CONSTRAINT "FK_4e0d4edf09bd846e30d19da5ea3" FOREIGN KEY ("district_id") REFERENCES "districts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "rating_snapshots" ADD CONSTRAINT "FK_449b2e6a5a825a7d3e42d172bf1" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "rating_snapshots" DROP CONSTRAINT "FK_449b2e6a5a825a7d3e42d172bf1"`,
    );
    await queryRunner.query(
      `ALTER TABLE "rating_snapshots" DROP CONSTRAINT "FK_4e0d4edf09bd846e30d19da5ea3"`,
    );
    await queryRunner.query(`DROP TABLE "rating_snapshots"`);
  }
}
