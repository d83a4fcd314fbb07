import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { FAILED_JOBS_KEPT, QUEUES } from './queue-names';
import { workerConnectionOptions } from './redis';

/** BullMQ on the configured Redis, every key under REDIS_PREFIX. */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        connection: workerConnectionOptions(config.REDIS_URL),
        prefix: `${config.REDIS_PREFIX}:bull`,
      }),
    }),
    ...Object.values(QUEUES).map((q) =>
      BullModule.registerQueueAsync({
        name: q.name,
        inject: [APP_CONFIG],
        useFactory: (config: AppConfig) => ({
          connection: workerConnectionOptions(config.REDIS_URL),
          prefix: `${config.REDIS_PREFIX}:bull`,
          defaultJobOptions: {
            removeOnComplete: q.keepCompletedSeconds ? { age: q.keepCompletedSeconds } : true,
            removeOnFail: FAILED_JOBS_KEPT,
          },
        }),
      }),
    ),
  ],
  exports: [BullModule],
})
export class QueuesModule {}
