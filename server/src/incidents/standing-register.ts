import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { rooms, type StandingEntryView } from '@whistle/shared';
import { DataSource, IsNull, Not } from 'typeorm';
import { PeriodicTask } from '../common/periodic-task';
import { persist } from '../database/persist';
import { shanghaiDateKey } from '../common/shanghai-calendar';
import { ChangeRecorder } from '../events/change-recorder.service';
import { Incident } from './incident.entity';
import { toIncidentView } from './incident-view';

/** How often a worker looks for review dates that have come (a date has minutes to spare). */
const CHECK_EVERY_MS = 60_000;
/** Reminders per transaction; the next pass takes the rest. */
const BATCH = 100;

/**
 * The standing register (挂账台账) and its review reminders. A reminder is an `incident.updated`
 * event (change `standing_review_due`) to the district and the street, recorded in the same
 * transaction that stamps `standing_reminded_on` with the review date: it fires once per review
 * date whatever the number of workers (rows are claimed FOR UPDATE SKIP LOCKED) and whatever
 * restarts (the stamp is in PostgreSQL; a worker that comes back finds what is still owed).
 * Putting the incident on the register again with a new date arms a new reminder.
 */
@Injectable()
export class StandingRegister {
  private readonly logger = new Logger(StandingRegister.name);
  /** A background sweep: the worker role's IncidentsWorkerModule registers it, and only there it runs. */
  readonly reminders = new PeriodicTask({
    name: 'standing review reminders',
    everyMs: CHECK_EVERY_MS,
    runAtStart: true,
    logger: this.logger,
    run: () => this.remindDue(),
  });

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly recorder: ChangeRecorder,
  ) {}

  /** Every incident on the register, the earliest review date first. */
  async list(now = new Date()): Promise<StandingEntryView[]> {
    const today = shanghaiDateKey(now);
    const rows = await this.dataSource.manager.find(Incident, {
      where: { standingSince: Not(IsNull()) },
      order: { standingReviewOn: 'ASC', standingSince: 'ASC' },
    });
    return rows.map((i) => ({
      incident: toIncidentView(i),
      reviewDue: i.standingReviewOn !== null && i.standingReviewOn <= today,
      remindedOn: i.standingRemindedOn,
    }));
  }

  /** One pass: records the reminder of every review date that has come and not been reminded of. */
  async remindDue(now = new Date()): Promise<number> {
    const today = shanghaiDateKey(now);
    let total = 0;
    for (;;) {
      const reminded = await this.recorder.run(async (tx) => {
        const owed = await tx.manager
          .createQueryBuilder(Incident, 'i')
          .where('i.standing_since IS NOT NULL')
          .andWhere('i.standing_review_on <= :today', { today })
          .andWhere('i.standing_reminded_on IS DISTINCT FROM i.standing_review_on')
          .orderBy('i.standing_review_on', 'ASC')
          .limit(BATCH)
          .setLock('pessimistic_write')
          .setOnLocked('skip_locked')
          .getMany();
        for (const incident of owed) {
          incident.standingRemindedOn = incident.standingReviewOn;
          await persist(tx.manager, Incident, incident);
          tx.record({
            type: 'incident.updated',
            change: 'standing_review_due',
            actorId: null,
            incidentId: incident.id,
            rooms: [rooms.district(incident.districtId), rooms.street(incident.streetId)],
            payload: { ...toIncidentView(incident), change: 'standing_review_due' },
          });
        }
        return owed.length;
      });
      total += reminded;
      if (reminded < BATCH) return total;
    }
  }
}
