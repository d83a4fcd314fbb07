import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { GridsModule } from '../grids/grids.module';
import { RateLimitsModule } from '../rate-limits/rate-limits.module';
import { BoundariesController } from './boundaries.controller';
import { BoundariesService } from './boundaries.service';
import { BoundaryReload } from './boundary-reload.service';

@Module({
  imports: [GridsModule, AuditModule, RateLimitsModule],
  controllers: [BoundariesController],
  providers: [BoundariesService, BoundaryReload],
})
export class BoundariesModule {}
