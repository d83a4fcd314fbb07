import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The standing register's review reminders: the review date whose reminder has fired, so each
 * review date is reminded of once, across processes and restarts.
 */
export class StandingReminders1796570000000 implements MigrationInterface {
  name = 'StandingReminders1796570000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "incidents" ADD "standing_reminded_on" date`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "incidents" DROP COLUMN "standing_reminded_on"`);
  }
}
