import { Injectable } from '@nestjs/common';
import type { DeadlineState } from '@whistle/shared';
import { DataSource, In } from 'typeorm';
import { Dispatch } from './dispatch.entity';

/** Statuses in which a dispatch has a running stage, and so a deadline. */
const RUNNING = ['pending', 'accepted', 'arrived', 'reopened'] as const;

/** The read the deadline timers are rebuilt from: every open dispatch's stage deadlines and notices. */
@Injectable()
export class OpenDispatchStates {
  constructor(private readonly dataSource: DataSource) {}

  all(): Promise<DeadlineState[]> {
    return this.dataSource.getRepository(Dispatch).find({
      where: { status: In([...RUNNING]) },
      select: {
        id: true,
        status: true,
        acceptBy: true,
        arriveBy: true,
        resolveBy: true,
        overdueStages: true,
        overdueNotices: true,
        lastOverdueAt: true,
      },
    });
  }
}
