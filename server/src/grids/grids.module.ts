import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Street } from '../streets/street.entity';
import { GridWorker } from './grid-worker.entity';
import { Grid } from './grid.entity';
import { GridsController } from './grids.controller';
import { GridsService } from './grids.service';

@Module({
  imports: [TypeOrmModule.forFeature([Grid, GridWorker, Street])],
  controllers: [GridsController],
  providers: [GridsService],
  exports: [GridsService],
})
export class GridsModule {}
