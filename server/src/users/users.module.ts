import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GridWorker } from './grid-worker.entity';
import { User } from './user.entity';
import { UsersService } from './users.service';

/** Accounts and where their holders work; the admin's screens over them are in user-admin. */
@Module({
  imports: [TypeOrmModule.forFeature([User, GridWorker])],
  providers: [UsersService],
  exports: [UsersService],
})
export class UsersModule {}
