import { Module } from '@nestjs/common';
import { DeadlineProcessor } from './deadline.processor';
import { DispatchFollowProcessor } from './dispatch-follow.processor';
import { DispatchesModule } from '../dispatches/dispatches.module';
import { TimerEpochWatcher } from './timer-epoch-watcher.service';
import { DeadlinesModule } from './deadlines.module';
import { ObservabilityModule } from '../observability/observability.module';

/**
 * Worker role only: follows committed dispatch changes with timers, fires deadlines, and rebuilds
 * the timers at start and whenever Redis lost them.
 */
@Module({
  imports: [DeadlinesModule, DispatchesModule, ObservabilityModule],
  providers: [DispatchFollowProcessor, DeadlineProcessor, TimerEpochWatcher],
})
export class DeadlinesWorkerModule {}
