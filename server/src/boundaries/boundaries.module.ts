import { Module } from '@nestjs/common';
import { GridsModule } from '../grids/grids.module';
import { BoundariesController } from './boundaries.controller';
import { BoundariesService } from './boundaries.service';
import { BoundaryReload } from './boundary-reload.service';

@Module({
  imports: [GridsModule],
  controllers: [BoundariesController],
  providers: [BoundariesService, BoundaryReload],
})
export class BoundariesModule {}
