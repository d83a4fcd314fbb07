import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { GridWorker } from '../grids/grid-worker.entity';
import { SessionsModule } from '../sessions/sessions.module';
import { User } from './user.entity';
import { UserAdminService } from './user-admin.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';
import { IdempotencyModule } from '../idempotency/idempotency.module';

@Module({
  imports: [IdempotencyModule, TypeOrmModule.forFeature([User, GridWorker]), SessionsModule, AuditModule],
  controllers: [UsersController],
  providers: [UsersService, UserAdminService],
  exports: [UsersService],
})
export class UsersModule {}
