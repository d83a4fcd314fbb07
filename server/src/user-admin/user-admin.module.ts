import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { DepartmentsModule } from '../departments/departments.module';
import { GridsModule } from '../grids/grids.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { SessionsModule } from '../sessions/sessions.module';
import { StreetsModule } from '../streets/streets.module';
import { UsersModule } from '../users/users.module';
import { UserAdminService } from './user-admin.service';
import { UsersController } from './users.controller';

/**
 * The administrator's management of accounts (系统管理 · 用户): above users, because a change to
 * who someone is or where they work also ends their sessions and is audited.
 */
@Module({
  imports: [
    IdempotencyModule,
    UsersModule,
    SessionsModule,
    AuditModule,
    StreetsModule,
    DepartmentsModule,
    GridsModule,
  ],
  controllers: [UsersController],
  providers: [UserAdminService],
})
export class UserAdminModule {}
