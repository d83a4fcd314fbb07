import { Module } from '@nestjs/common';
import { BackgroundSweeps } from '../queues/background-sweeps';
import { IdempotencyModule } from './idempotency.module';
import { IdempotencyService } from './idempotency.service';

/** Worker role only: the hourly sweep of expired Idempotency-Key records. */
@Module({ imports: [IdempotencyModule] })
export class IdempotencyWorkerModule {
  constructor(sweeps: BackgroundSweeps, idempotency: IdempotencyService) {
    sweeps.register(idempotency.sweeper);
  }
}
