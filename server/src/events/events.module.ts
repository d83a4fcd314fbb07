import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ChangeRecorder } from './change-recorder.service';
import { CommitDelivery } from './commit-delivery.service';
import { LiveEmitter } from './live-emitter';
import { EventRecord } from './event.entity';
import { OutboxEntry } from './outbox.entity';
import { OutboxRelay } from './outbox-relay.service';

/**
 * The event log, the outbox and its relay, and the one emitter every event reaches sockets
 * through — needed by every role that changes state.
 */
@Module({
  imports: [TypeOrmModule.forFeature([EventRecord, OutboxEntry])],
  providers: [ChangeRecorder, CommitDelivery, OutboxRelay, LiveEmitter],
  exports: [ChangeRecorder, OutboxRelay, LiveEmitter],
})
export class EventsModule {}
