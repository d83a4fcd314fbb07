import { Module } from '@nestjs/common';
import { BackgroundSweeps } from '../queues/background-sweeps';
import { DeliveryProcessor } from './delivery.processor';
import { OutboxCleanup } from './outbox-cleanup.service';
import { EventsModule } from './events.module';

/** Worker role only: delivers relayed events to socket rooms and clears relayed outbox rows. */
@Module({
  imports: [EventsModule],
  providers: [DeliveryProcessor, OutboxCleanup],
})
export class EventsWorkerModule {
  constructor(sweeps: BackgroundSweeps, cleanup: OutboxCleanup) {
    sweeps.register(cleanup.task);
  }
}
