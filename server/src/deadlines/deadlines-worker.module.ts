import { Module } from '@nestjs/common';
import { DeadlineProcessor } from './deadline.processor';
import { DispatchFollowProcessor } from './dispatch-follow.processor';
import { OverdueService } from './overdue.service';
import { TimerEpochWatcher } from './timer-epoch-watcher.service';

/**
 * Worker role only: follows committed dispatch changes with timers, fires deadlines, and rebuilds
 * the timers at start and whenever Redis lost them.
 */
@Module({ providers: [DispatchFollowProcessor, DeadlineProcessor, OverdueService, TimerEpochWatcher] })
export class DeadlinesWorkerModule {}
