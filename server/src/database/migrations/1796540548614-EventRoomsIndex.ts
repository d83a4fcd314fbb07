import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The replay query (`rooms && $rooms AND id > $after ORDER BY id`) filters on an array column: a
 * GIN index finds a scope's events, and the planner ANDs it with the primary key's id range.
 * Built CONCURRENTLY, outside a transaction, so a long event log keeps taking writes meanwhile; a
 * build that failed half-way leaves an invalid index, dropped first when the migration is re-run.
 */
export class EventRoomsIndex1796540548614 implements MigrationInterface {
  name = 'EventRoomsIndex1796540548614';
  transaction = false;

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX CONCURRENTLY IF EXISTS "idx_events_rooms"`);
    await queryRunner.query(`CREATE INDEX CONCURRENTLY "idx_events_rooms" ON "events" USING gin ("rooms")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX CONCURRENTLY IF EXISTS "idx_events_rooms"`);
  }
}
