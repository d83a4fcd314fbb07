import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The incident categories each department handles, kept on the department so an administrator
 * can change which departments a whistle suggests. Filled from the shared categories' suggested
 * departments as they stood when this was written, so today's suggestions are kept. Departments
 * created and edited from the admin console are audited under two new actions.
 */
export class DepartmentCategories1796569354233 implements MigrationInterface {
  name = 'DepartmentCategories1796569354233';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "departments" ADD "categories" text array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(
      `UPDATE departments d SET categories = m.categories
         FROM (VALUES
           ('chengguan', ARRAY['illegal_construction','street_vending','fire_hazard','environment','noise','sanitation','traffic_parking','road_facilities']),
           ('zhujian', ARRAY['illegal_construction','property_management']),
           ('guihua', ARRAY['illegal_construction']),
           ('shichang', ARRAY['street_vending','market_order','food_safety']),
           ('xiaofang', ARRAY['fire_hazard','gas_leak','safety_production']),
           ('yingji', ARRAY['fire_hazard','gas_leak','safety_production','drainage']),
           ('ranqi', ARRAY['gas_leak']),
           ('gongshui', ARRAY['water_supply']),
           ('shuiwu', ARRAY['water_supply','drainage']),
           ('gongdian', ARRAY['power_outage']),
           ('shengtai', ARRAY['environment','noise']),
           ('gongan', ARRAY['noise','market_order','public_security']),
           ('huanwei', ARRAY['sanitation']),
           ('weijian', ARRAY['food_safety']),
           ('jiaojing', ARRAY['traffic_parking']),
           ('jianshe', ARRAY['road_facilities']),
           ('yuanlin', ARRAY['greenery']),
           ('fangchan', ARRAY['property_management']),
           ('renshe', ARRAY['labor_dispute'])
         ) AS m(code, categories)
        WHERE d.code = m.code`,
    );
    await queryRunner.query(
      `ALTER TYPE "public"."audit_action" ADD VALUE IF NOT EXISTS 'department.created' AFTER 'user.updated'`,
    );
    await queryRunner.query(
      `ALTER TYPE "public"."audit_action" ADD VALUE IF NOT EXISTS 'department.updated' AFTER 'department.created'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // The two audit actions stay: PostgreSQL cannot drop an enum value, and the append-only audit
    // log may hold rows that use them. `up` adds them only if missing.
    await queryRunner.query(`ALTER TABLE "departments" DROP COLUMN "categories"`);
  }
}
