import { Module } from '@nestjs/common';
import { DispatchesModule } from '../dispatches/dispatches.module';
import { DeadlineScheduler } from './deadline-scheduler.service';

/** The deadline timers: one delayed job per running stage of every open dispatch. */
@Module({
  imports: [DispatchesModule],
  providers: [DeadlineScheduler],
  exports: [DeadlineScheduler],
})
export class DeadlinesModule {}
