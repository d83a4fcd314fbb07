import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StreetsModule } from '../streets/streets.module';
import { Grid } from './grid.entity';
import { GridsController } from './grids.controller';
import { GridsService } from './grids.service';

@Module({
  imports: [TypeOrmModule.forFeature([Grid]), StreetsModule],
  controllers: [GridsController],
  providers: [GridsService],
  exports: [GridsService],
})
export class GridsModule {}
