import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GridWorker } from '../grids/grid-worker.entity';
import { User } from './user.entity';
import { UsersService } from './users.service';

@Module({
  imports: [TypeOrmModule.forFeature([User, GridWorker])],
  providers: [UsersService],
  exports: [UsersService],
})
export class UsersModule {}
