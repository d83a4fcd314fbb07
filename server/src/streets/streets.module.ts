import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Community } from './community.entity';
import { District } from './district.entity';
import { StreetLeader } from './street-leader.entity';
import { Street } from './street.entity';
import { StreetsController } from './streets.controller';
import { StreetsService } from './streets.service';

@Module({
  imports: [TypeOrmModule.forFeature([District, Street, Community, StreetLeader])],
  controllers: [StreetsController],
  providers: [StreetsService],
  exports: [StreetsService],
})
export class StreetsModule {}
