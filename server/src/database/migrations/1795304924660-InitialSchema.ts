import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Generated from the entities; whistle_type is shared by three tables, so it is created once here. */

export class InitialSchema1795304924660 implements MigrationInterface {
  name = 'InitialSchema1795304924660';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "admission_entries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "street_id" uuid NOT NULL, "category" character varying NOT NULL, CONSTRAINT "UQ_9fd995441228304b1ca5f0f2712" UNIQUE ("street_id", "category"), CONSTRAINT "PK_59eaa6e301a9a8701390f849e61" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."whistle_type" AS ENUM('enforcement', 'key_work', 'emergency', 'tough')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."timer_rule_priority" AS ENUM('low', 'normal', 'high', 'urgent', 'any')`,
    );
    await queryRunner.query(
      `CREATE TABLE "timer_rules" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "whistle_type" "public"."whistle_type" NOT NULL, "priority" "public"."timer_rule_priority" NOT NULL, "accept_minutes" integer NOT NULL, "arrive_minutes" integer NOT NULL, "resolve_minutes" integer NOT NULL, CONSTRAINT "UQ_3ef774fa9cf9e58c109fd09349e" UNIQUE ("whistle_type", "priority"), CONSTRAINT "PK_4eaf555fcb5e9083c02856687ea" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "departments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying NOT NULL, "name_zh" character varying NOT NULL, "name_en" character varying NOT NULL, "kind" character varying NOT NULL DEFAULT 'department', CONSTRAINT "UQ_91fddbe23e927e1e525c152baa3" UNIQUE ("code"), CONSTRAINT "PK_839517a681a86bb84cbcc6a1e9d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."dispatch_direction" AS ENUM('street_to_dept', 'dept_to_street')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."dispatch_status" AS ENUM('pending', 'accepted', 'arrived', 'resolved', 'verified', 'rejected', 'reopened', 'cancelled')`,
    );
    await queryRunner.query(
      `CREATE TABLE "dispatches" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "whistle_id" uuid, "incident_id" uuid NOT NULL, "direction" "public"."dispatch_direction" NOT NULL, "assignee_kind" character varying NOT NULL, "department_id" uuid, "leader_user_id" uuid, "street_id" uuid NOT NULL, "whistle_type" "public"."whistle_type" NOT NULL, "status" "public"."dispatch_status" NOT NULL DEFAULT 'pending', "accept_by" TIMESTAMP WITH TIME ZONE NOT NULL, "arrive_by" TIMESTAMP WITH TIME ZONE NOT NULL, "resolve_by" TIMESTAMP WITH TIME ZONE NOT NULL, "accepted_at" TIMESTAMP WITH TIME ZONE, "arrived_at" TIMESTAMP WITH TIME ZONE, "resolved_at" TIMESTAMP WITH TIME ZONE, "verified_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, "reject_reason" text, "resolution_note" text, "arrival_lng" double precision, "arrival_lat" double precision, "overdue_stages" text array NOT NULL DEFAULT '{}', "overdue_notices" integer NOT NULL DEFAULT '0', "last_overdue_at" TIMESTAMP WITH TIME ZONE, "reopen_count" integer NOT NULL DEFAULT '0', "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e4f5defc12b20b66acf58f5c8b9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_88383ea6a8caa82a6e9805ac18" ON "dispatches" ("whistle_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_b9b70e0b5c4566d9c038e604a7" ON "dispatches" ("incident_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_455a9a9eb5bd59bd25e8d1c736" ON "dispatches" ("status", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_83596d9e6349eb68d0e7ebebe8" ON "dispatches" ("leader_user_id", "status") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_e23f9a3241ea59b1d26e3feb16" ON "dispatches" ("street_id", "status") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_d118f89c7e348ebf39ea7521cb" ON "dispatches" ("department_id", "status") `,
    );
    await queryRunner.query(
      `CREATE TABLE "ratings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "dispatch_id" uuid NOT NULL, "department_id" uuid NOT NULL, "street_id" uuid NOT NULL, "score" smallint NOT NULL, "comment" text, "rated_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_c4dc3b7b1075bae360d84cf542a" UNIQUE ("dispatch_id"), CONSTRAINT "PK_0f31425b073219379545ad68ed9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_a2e7f9e08295fd4993437145f4" ON "ratings" ("department_id") `);
    await queryRunner.query(
      `CREATE TYPE "public"."live_event_type" AS ENUM('incident.created', 'incident.updated', 'whistle.created', 'dispatch.created', 'dispatch.updated', 'deadline.overdue', 'metrics.updated')`,
    );
    await queryRunner.query(
      `CREATE TABLE "events" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "type" "public"."live_event_type" NOT NULL, "change" character varying NOT NULL, "actor_id" uuid, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "incident_id" uuid, "dispatch_id" uuid, "rooms" text array NOT NULL, "payload" jsonb NOT NULL, CONSTRAINT "PK_40731c7151fe4be3116e45ddf73" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_04994192791f063e4e63d2fecc" ON "events" ("incident_id") `);
    await queryRunner.query(
      `CREATE TABLE "outbox" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "event_id" bigint NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "relayed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_340ab539f309f03bdaa14aa7649" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "idx_outbox_pending" ON "outbox" ("id") WHERE relayed_at IS NULL`);
    await queryRunner.query(
      `CREATE TABLE "grid_workers" ("user_id" uuid NOT NULL, "grid_id" uuid NOT NULL, CONSTRAINT "PK_a3ca510032353591b1ebe4925a1" PRIMARY KEY ("user_id", "grid_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_b80304bf535a1080772b0cb9e1" ON "grid_workers" ("grid_id") `);
    await queryRunner.query(`CREATE TYPE "public"."grid_kind" AS ENUM('comprehensive', 'dedicated')`);
    await queryRunner.query(
      `CREATE TABLE "grids" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying NOT NULL, "name" character varying NOT NULL, "street_id" uuid NOT NULL, "community_id" uuid NOT NULL, "kind" "public"."grid_kind" NOT NULL, "polygon" jsonb NOT NULL, "min_lng" double precision NOT NULL, "min_lat" double precision NOT NULL, "max_lng" double precision NOT NULL, "max_lat" double precision NOT NULL, CONSTRAINT "UQ_b37a4bc1bf80076b3441c78a742" UNIQUE ("code"), CONSTRAINT "PK_840d40fdcde1e935afd43082aca" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_b5005028d49f9775ee137c2dfc" ON "grids" ("street_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_5fc1b1b3729ef88669ecbb4ecf" ON "grids" ("community_id") `);
    await queryRunner.query(`CREATE TYPE "public"."priority" AS ENUM('low', 'normal', 'high', 'urgent')`);
    await queryRunner.query(
      `CREATE TYPE "public"."incident_source" AS ENUM('operator', 'grid_worker', 'hotline_12345', 'open311', 'district', 'department', 'video')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."incident_status" AS ENUM('reported', 'registered', 'dispatched', 'in_progress', 'resolved', 'verified', 'closed', 'rejected', 'merged', 'reopened')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."satisfaction_result" AS ENUM('satisfied', 'basically_satisfied', 'dissatisfied')`,
    );
    await queryRunner.query(
      `CREATE TABLE "incidents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" character varying NOT NULL, "description" text, "category" character varying NOT NULL, "priority" "public"."priority" NOT NULL, "source" "public"."incident_source" NOT NULL, "status" "public"."incident_status" NOT NULL DEFAULT 'reported', "lng" double precision NOT NULL, "lat" double precision NOT NULL, "grid_id" uuid NOT NULL, "community_id" uuid NOT NULL, "street_id" uuid NOT NULL, "district_id" uuid NOT NULL, "reported_by_id" uuid, "reject_reason" text, "merged_into_id" uuid, "overdue" boolean NOT NULL DEFAULT false, "standing_reason" text, "standing_review_on" date, "standing_since" TIMESTAMP WITH TIME ZONE, "citizen_satisfaction" "public"."satisfaction_result", "registered_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ccb34c01719889017e2246469f9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_0204c973bd8756172ffeb00f3b" ON "incidents" ("category") `);
    await queryRunner.query(`CREATE INDEX "IDX_161ca00110351b6f84f28a3875" ON "incidents" ("grid_id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_8ad74ddabf6aec7b9199fe5633" ON "incidents" ("created_at", "id") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_9e30a67eb918b056bf1bb5b274" ON "incidents" ("lng", "lat") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_21781958977035e56637a0d758" ON "incidents" ("status", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_61557a1339ec821dd16fd0cdcb" ON "incidents" ("street_id", "status", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "communities" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "street_id" uuid NOT NULL, "code" character varying NOT NULL, "name_zh" character varying NOT NULL, "name_en" character varying NOT NULL, "boundary" jsonb, CONSTRAINT "UQ_70812b391b6dc0a24cd3161ea1c" UNIQUE ("code"), CONSTRAINT "PK_fea1fe83c86ccde9d0a089e7ea2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_db7f137ec3a26d7af275c35f53" ON "communities" ("street_id") `);
    await queryRunner.query(
      `CREATE TABLE "districts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying NOT NULL, "name_zh" character varying NOT NULL, "name_en" character varying NOT NULL, "boundary" jsonb, CONSTRAINT "UQ_8e9d73424149b43b38244f75528" UNIQUE ("code"), CONSTRAINT "PK_972a72ff4e3bea5c7f43a2b98af" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "street_leaders" ("street_id" uuid NOT NULL, "user_id" uuid NOT NULL, CONSTRAINT "PK_08ece462204c3dd719c33a7cb0d" PRIMARY KEY ("street_id", "user_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "streets" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "district_id" uuid NOT NULL, "code" character varying NOT NULL, "name_zh" character varying NOT NULL, "name_en" character varying NOT NULL, "center_lng" double precision NOT NULL, "center_lat" double precision NOT NULL, "boundary" jsonb, CONSTRAINT "UQ_9bdf64d97ca0a0e90c3c2878496" UNIQUE ("code"), CONSTRAINT "PK_e375a3a3ebbc18cf91e72374d94" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_f50a71adc716419ff280d841f8" ON "streets" ("district_id") `);
    await queryRunner.query(
      `CREATE TYPE "public"."user_role" AS ENUM('street_operator', 'dept_officer', 'grid_worker', 'district_operator', 'district_leader', 'admin')`,
    );
    await queryRunner.query(
      `CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "username" character varying NOT NULL, "password_hash" character varying NOT NULL, "display_name" character varying NOT NULL, "role" "public"."user_role" NOT NULL, "district_id" uuid NOT NULL, "street_id" uuid, "department_id" uuid, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_fe0bb3f6520ee0469504521e710" UNIQUE ("username"), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_3d99e73ff4af9629fc07f487db" ON "users" ("street_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_0921d1972cf861d568f5271cd8" ON "users" ("department_id") `);
    await queryRunner.query(
      `CREATE TABLE "whistles" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "incident_id" uuid NOT NULL, "street_id" uuid NOT NULL, "type" "public"."whistle_type" NOT NULL, "note" text, "blown_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_707261aa570f63fccad2186667d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_345b582c538157f1619d0fa88c" ON "whistles" ("incident_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_f7c083df3c5b3ebf24a8bdb5f5" ON "whistles" ("created_at") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_5739faed59b0affd18c14b7f2c" ON "whistles" ("street_id", "created_at") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_5739faed59b0affd18c14b7f2c"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f7c083df3c5b3ebf24a8bdb5f5"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_345b582c538157f1619d0fa88c"`);
    await queryRunner.query(`DROP TABLE "whistles"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0921d1972cf861d568f5271cd8"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3d99e73ff4af9629fc07f487db"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP TYPE "public"."user_role"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f50a71adc716419ff280d841f8"`);
    await queryRunner.query(`DROP TABLE "streets"`);
    await queryRunner.query(`DROP TABLE "street_leaders"`);
    await queryRunner.query(`DROP TABLE "districts"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_db7f137ec3a26d7af275c35f53"`);
    await queryRunner.query(`DROP TABLE "communities"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_61557a1339ec821dd16fd0cdcb"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_21781958977035e56637a0d758"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9e30a67eb918b056bf1bb5b274"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8ad74ddabf6aec7b9199fe5633"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_161ca00110351b6f84f28a3875"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0204c973bd8756172ffeb00f3b"`);
    await queryRunner.query(`DROP TABLE "incidents"`);
    await queryRunner.query(`DROP TYPE "public"."satisfaction_result"`);
    await queryRunner.query(`DROP TYPE "public"."incident_status"`);
    await queryRunner.query(`DROP TYPE "public"."incident_source"`);
    await queryRunner.query(`DROP TYPE "public"."priority"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5fc1b1b3729ef88669ecbb4ecf"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b5005028d49f9775ee137c2dfc"`);
    await queryRunner.query(`DROP TABLE "grids"`);
    await queryRunner.query(`DROP TYPE "public"."grid_kind"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b80304bf535a1080772b0cb9e1"`);
    await queryRunner.query(`DROP TABLE "grid_workers"`);
    await queryRunner.query(`DROP INDEX "public"."idx_outbox_pending"`);
    await queryRunner.query(`DROP TABLE "outbox"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_04994192791f063e4e63d2fecc"`);
    await queryRunner.query(`DROP TABLE "events"`);
    await queryRunner.query(`DROP TYPE "public"."live_event_type"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a2e7f9e08295fd4993437145f4"`);
    await queryRunner.query(`DROP TABLE "ratings"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d118f89c7e348ebf39ea7521cb"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e23f9a3241ea59b1d26e3feb16"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_83596d9e6349eb68d0e7ebebe8"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_455a9a9eb5bd59bd25e8d1c736"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b9b70e0b5c4566d9c038e604a7"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_88383ea6a8caa82a6e9805ac18"`);
    await queryRunner.query(`DROP TABLE "dispatches"`);
    await queryRunner.query(`DROP TYPE "public"."dispatch_status"`);
    await queryRunner.query(`DROP TYPE "public"."dispatch_direction"`);
    await queryRunner.query(`DROP TABLE "departments"`);
    await queryRunner.query(`DROP TABLE "timer_rules"`);
    await queryRunner.query(`DROP TYPE "public"."timer_rule_priority"`);
    await queryRunner.query(`DROP TYPE "public"."whistle_type"`);
    await queryRunner.query(`DROP TABLE "admission_entries"`);
  }
}
