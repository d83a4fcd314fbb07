import { Module, type DynamicModule } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { MetricsController } from './metrics.controller';
import { MetricsPusher } from './metrics-pusher.service';
import { MetricsService } from './metrics.service';
import { PeriodMetricsService } from './period-metrics.service';

export interface MetricsRoleOptions {
  /** Serve GET /api/metrics/summary, trends, rankings and grid-load. */
  serveApi: boolean;
  /** Push `metrics.updated` to district rooms. */
  runWorkers: boolean;
}

@Module({})
export class MetricsModule {
  static forRole({ serveApi, runWorkers }: MetricsRoleOptions): DynamicModule {
    return {
      module: MetricsModule,
      imports: runWorkers ? [EventsModule] : [],
      controllers: serveApi ? [MetricsController] : [],
      providers: [MetricsService, PeriodMetricsService, ...(runWorkers ? [MetricsPusher] : [])],
      exports: [MetricsService],
    };
  }
}
