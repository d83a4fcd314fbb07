import { Module } from '@nestjs/common';
import { DeliveryProcessor } from './delivery.processor';

/** Worker role only: delivers relayed events to socket rooms. */
@Module({ providers: [DeliveryProcessor] })
export class EventsWorkerModule {}
