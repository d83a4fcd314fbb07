import { Module } from '@nestjs/common';
import { AdmissionModule } from '../admission/admission.module';
import { GridsModule } from '../grids/grids.module';
import { DispatchQueries } from './dispatch-queries.service';
import { DispatchesController } from './dispatches.controller';
import { DispatchesService } from './dispatches.service';
import { TasksService } from './tasks.service';

@Module({
  imports: [AdmissionModule, GridsModule],
  controllers: [DispatchesController],
  providers: [DispatchesService, DispatchQueries, TasksService],
})
export class DispatchesModule {}
