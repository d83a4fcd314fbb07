import { Module, RequestMethod, type DynamicModule, type Type } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { Options as PinoHttpOptions } from 'pino-http';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { AuthModule } from './auth/auth.module';
import { UserAdminModule } from './user-admin/user-admin.module';
import { EventsModule } from './events/events.module';
import { QueuesModule } from './queues/queues.module';
import { QueueWorkersModule } from './queues/queue-workers.module';
import { StreetsModule } from './streets/streets.module';
import { GridsModule } from './grids/grids.module';
import { DepartmentsModule } from './departments/departments.module';
import { CategoriesModule } from './categories/categories.module';
import { AdmissionModule } from './admission/admission.module';
import { TimerRulesModule } from './timer-rules/timer-rules.module';
import { DeadlinesWorkerModule } from './deadlines/deadlines-worker.module';
import { IncidentsModule } from './incidents/incidents.module';
import { IncidentsWorkerModule } from './incidents/incidents-worker.module';
import { WhistlesModule } from './whistles/whistles.module';
import { CaseFilesModule } from './case-files/case-files.module';
import { DispatchesModule } from './dispatches/dispatches.module';
import { EventsWorkerModule } from './events/events-worker.module';
import { LiveModule } from './live/live.module';
import { ObservabilityModule } from './observability/observability.module';
import { MetricsModule } from './metrics/metrics.module';
import { Open311Module } from './open311/open311.module';
import { HotlineModule } from './hotline/hotline.module';
import { PhotosModule } from './photos/photos.module';
import { BoundariesModule } from './boundaries/boundaries.module';
import { BasemapModule } from './basemap/basemap.module';
import { AuditModule } from './audit/audit.module';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { IdempotencyWorkerModule } from './idempotency/idempotency-worker.module';
import { ShutdownModule } from './shutdown/shutdown.module';
import { redactRequestLog } from './http/log-redaction';
import { logOutput } from './observability/log-output';

/** How a process is wired beyond its configuration: where its logs go (else LOG_FILE / LOG_PRETTY / stdout). */
export interface StartOptions {
  logDestination?: DestinationStream;
}

/**
 * One codebase, three process roles: `api` serves HTTP and sockets, `worker` runs the queue
 * processors (live delivery, deadlines, metrics push) and the background sweeps (outbox cleanup,
 * idempotency sweep, standing review reminders), `both` does everything in one process.
 */
@Module({})
export class AppModule {
  static forRole(config: AppConfig, options: StartOptions = {}): DynamicModule {
    const serveApi = config.PROCESS_ROLE !== 'worker';
    const runWorkers = config.PROCESS_ROLE !== 'api';
    const log = options.logDestination
      ? { level: config.LOG_LEVEL, stream: options.logDestination }
      : logOutput(config);
    const imports: (Type | DynamicModule)[] = [
      ConfigModule.forRoot(config),
      LoggerModule.forRoot({
        // Nest 11's path syntax for "every route" (the library's default '*' is the old syntax).
        forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
        pinoHttp: withDestination(
          {
            level: log.level,
            autoLogging: { ignore: (req) => /^\/health(\/live|\/ready)?$/.test(req.url ?? '') },
            redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
            // An Open311 api_key may come in the query string: never into the logs.
            serializers: { req: redactRequestLog },
          },
          log.stream,
        ),
      }),
      ShutdownModule,
      DatabaseModule,
      QueuesModule,
      EventsModule,
      AuthModule,
      UserAdminModule,
      AuditModule,
      IdempotencyModule,
      StreetsModule,
      GridsModule,
      DepartmentsModule,
      CategoriesModule,
      AdmissionModule,
      TimerRulesModule,
      IncidentsModule,
      WhistlesModule,
      DispatchesModule,
      MetricsModule.forRole({ serveApi, runWorkers }),
      ObservabilityModule,
      HotlineModule,
      PhotosModule,
      BoundariesModule,
      BasemapModule,
      // Last: its GET /incidents/:id must come after the incidents controller's /incidents/points.
      CaseFilesModule,
    ];
    if (serveApi) imports.push(LiveModule, Open311Module);
    // The worker's queue processors and background sweeps (BackgroundSweeps): never in an api process.
    if (runWorkers) {
      imports.push(
        QueueWorkersModule,
        EventsWorkerModule,
        DeadlinesWorkerModule,
        IdempotencyWorkerModule,
        IncidentsWorkerModule,
      );
    }
    return { module: AppModule, imports };
  }
}

function withDestination(
  options: PinoHttpOptions,
  destination: DestinationStream | undefined,
): PinoHttpOptions | [PinoHttpOptions, DestinationStream] {
  return destination ? [options, destination] : options;
}
