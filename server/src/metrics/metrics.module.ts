import { Module, type DynamicModule } from '@nestjs/common';
import { MetricsController } from './metrics.controller';
import { MetricsPusher } from './metrics-pusher.service';
import { MetricsService } from './metrics.service';

export interface MetricsRoleOptions {
  /** Serve GET /api/metrics/summary. */
  serveApi: boolean;
  /** Push `metrics.updated` to district rooms. */
  runWorkers: boolean;
}

@Module({})
export class MetricsModule {
  static forRole({ serveApi, runWorkers }: MetricsRoleOptions): DynamicModule {
    return {
      module: MetricsModule,
      controllers: serveApi ? [MetricsController] : [],
      providers: [MetricsService, ...(runWorkers ? [MetricsPusher] : [])],
      exports: [MetricsService],
    };
  }
}
