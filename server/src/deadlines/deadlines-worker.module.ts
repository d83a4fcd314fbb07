import { Module } from '@nestjs/common';
import { DeadlineProcessor } from './deadline.processor';
import { DispatchFollowProcessor } from './dispatch-follow.processor';
import { OverdueService } from './overdue.service';
import { TimerEpochWatcher } from './timer-epoch-watcher.service';
import { EventsModule } from '../events/events.module';
import { DeadlinesModule } from './deadlines.module';
import { ObservabilityModule } from '../observability/observability.module';

/**
 * Worker role only: follows committed dispatch changes with timers, fires deadlines, and rebuilds
 * the timers at start and whenever Redis lost them.
 */
@Module({
  imports: [EventsModule, DeadlinesModule, ObservabilityModule],
  providers: [DispatchFollowProcessor, DeadlineProcessor, OverdueService, TimerEpochWatcher],
})
export class DeadlinesWorkerModule {}
