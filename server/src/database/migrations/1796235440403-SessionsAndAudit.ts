import { MigrationInterface, QueryRunner } from 'typeorm';

export class SessionsAndAudit1796235440403 implements MigrationInterface {
  name = 'SessionsAndAudit1796235440403';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."audit_action" AS ENUM('auth.login.succeeded', 'auth.login.failed', 'auth.login.throttled', 'auth.refresh.reused', 'auth.logout', 'auth.logout_all', 'auth.password.changed', 'auth.password.reset', 'auth.sessions.revoked', 'user.created', 'user.updated', 'timer_rules.updated', 'admission_list.replaced', 'boundaries.imported', 'open311_key.issued', 'open311_key.revoked')`,
    );
    await queryRunner.query(
      `CREATE TABLE "audit_log" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "action" "public"."audit_action" NOT NULL, "actor_id" uuid, "actor_username" character varying(128), "target_type" character varying(64), "target_id" character varying(128), "ip" character varying(64), "details" jsonb NOT NULL DEFAULT '{}'::jsonb, CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_3f97d0f67627908f232650a97c" ON "audit_log" ("action", "id") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_82c59a55acb18eafb4c2525993" ON "audit_log" ("actor_id", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "auth_sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "generation" integer NOT NULL DEFAULT '0', "token_hash" bytea NOT NULL, "last_used_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "revoked_reason" character varying(32), "ip" character varying(64), "user_agent" character varying(256), CONSTRAINT "PK_641507381f32580e8479efc36cd" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_4986dc4cff339e47577ce74582" ON "auth_sessions" ("revoked_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_e7c8a48e71aab039b28055f4b9" ON "auth_sessions" ("user_id", "revoked_at") `,
    );
    await queryRunner.query(`ALTER TABLE "users" ADD "must_change_password" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(
      `ALTER TABLE "users" ADD "password_changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`,
    );
    await queryRunner.query(
      `ALTER TABLE "auth_sessions" ADD CONSTRAINT "FK_50ccaa6440288a06f0ba693ccc6" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // The audit log is append-only for every role, the application's and the table owner's
    // included (privileges alone cannot bind an owner or a superuser; triggers do).
    await queryRunner.query(`CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
            END $$`);
    await queryRunner.query(
      `CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`,
    );
    await queryRunner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON "audit_log" FROM PUBLIC`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER audit_log_no_truncate ON "audit_log"`);
    await queryRunner.query(`DROP TRIGGER audit_log_no_update_delete ON "audit_log"`);
    await queryRunner.query(`DROP FUNCTION audit_log_append_only()`);
    await queryRunner.query(`ALTER TABLE "auth_sessions" DROP CONSTRAINT "FK_50ccaa6440288a06f0ba693ccc6"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "password_changed_at"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "must_change_password"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e7c8a48e71aab039b28055f4b9"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4986dc4cff339e47577ce74582"`);
    await queryRunner.query(`DROP TABLE "auth_sessions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_82c59a55acb18eafb4c2525993"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3f97d0f67627908f232650a97c"`);
    await queryRunner.query(`DROP TABLE "audit_log"`);
    await queryRunner.query(`DROP TYPE "public"."audit_action"`);
  }
}
