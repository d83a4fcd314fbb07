import { Module } from '@nestjs/common';
import { DeadlineProcessor } from './deadline.processor';
import { OverdueService } from './overdue.service';
import { TimerEpochWatcher } from './timer-epoch-watcher.service';

/** Worker role only: fires deadlines, and rebuilds the timers at start and whenever Redis lost them. */
@Module({ providers: [DeadlineProcessor, OverdueService, TimerEpochWatcher] })
export class DeadlinesWorkerModule {}
