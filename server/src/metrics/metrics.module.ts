import { Module, type DynamicModule } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { MetricsController } from './metrics.controller';
import { MetricsPusher } from './metrics-pusher.service';
import { MetricsService } from './metrics.service';
import { MonthlyReportController } from './monthly-report.controller';
import { MonthlyReportService } from './monthly-report.service';
import { PeriodMetricsService } from './period-metrics.service';

export interface MetricsRoleOptions {
  /** Serve GET /api/metrics/summary, trends, rankings and grid-load, and GET /api/reports/monthly. */
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
      controllers: serveApi ? [MetricsController, MonthlyReportController] : [],
      providers: [
        MetricsService,
        PeriodMetricsService,
        MonthlyReportService,
        ...(runWorkers ? [MetricsPusher] : []),
      ],
      exports: [MetricsService],
    };
  }
}
