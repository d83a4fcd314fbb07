import { Module } from '@nestjs/common';
import { DeadlineProcessor } from './deadline.processor';
import { OverdueService } from './overdue.service';

/** Worker role only: fires deadlines. */
@Module({ providers: [DeadlineProcessor, OverdueService] })
export class DeadlinesWorkerModule {}
