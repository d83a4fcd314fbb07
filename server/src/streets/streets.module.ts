import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Community } from './community.entity';
import { District } from './district.entity';
import { Street } from './street.entity';
import { StreetsController } from './streets.controller';
import { StreetsService } from './streets.service';

@Module({
  imports: [TypeOrmModule.forFeature([District, Street, Community])],
  controllers: [StreetsController],
  providers: [StreetsService],
  exports: [StreetsService],
})
export class StreetsModule {}
