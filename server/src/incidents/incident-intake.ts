import { Injectable } from '@nestjs/common';
import type { CreatedIncidentView } from '@whistle/shared';
import type { AuthUser } from '../access/auth-user';
import { ChangeRecorder } from '../events/change-recorder.service';
import { LikelyDuplicates } from './likely-duplicates';
import { raiseIncidents, type RaiseIncidentInput } from './raise-incident';
import { toIncidentView } from './incident-view';

/** Transactions writing new incidents at once; more waiting requests join the next batch. */
const PARALLEL_BATCHES = 2;
const MAX_BATCH = 100;

interface Waiting {
  user: AuthUser;
  input: RaiseIncidentInput;
  resolve: (view: CreatedIncidentView) => void;
  reject: (err: unknown) => void;
}

/**
 * Group commit for new incidents. Requests that arrive while earlier ones are being written wait
 * and are then written together — one transaction, one INSERT, one duplicates query and one event
 * statement for the lot — so the database round trips per incident fall as the rate rises, while
 * an idle server writes each request at once, as a batch of one. Every incident still commits
 * before its request is answered. If a batch fails, each of its incidents is retried alone, so
 * one bad row never fails its neighbours.
 */
@Injectable()
export class IncidentIntake {
  private readonly waiting: Waiting[] = [];
  private writing = 0;
  private armed = false;

  constructor(
    private readonly recorder: ChangeRecorder,
    private readonly duplicates: LikelyDuplicates,
  ) {}

  raise(user: AuthUser, input: RaiseIncidentInput): Promise<CreatedIncidentView> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ user, input, resolve, reject });
      this.arm();
    });
  }

  /** Starts a batch on the next turn of the event loop, so requests parsed in this turn join it. */
  private arm(): void {
    if (this.armed || this.writing >= PARALLEL_BATCHES || this.waiting.length === 0) return;
    this.armed = true;
    setImmediate(() => {
      this.armed = false;
      if (this.writing >= PARALLEL_BATCHES) return;
      const batch = this.waiting.splice(0, MAX_BATCH);
      if (batch.length === 0) return;
      this.writing++;
      void this.write(batch).finally(() => {
        this.writing--;
        this.arm();
      });
      this.arm();
    });
  }

  private async write(batch: Waiting[]): Promise<void> {
    let views: CreatedIncidentView[];
    try {
      views = await this.recorder.run(async (tx) => {
        const incidents = await raiseIncidents(
          tx,
          batch.map((w) => w.input),
        );
        const offered = await this.duplicates.ofEach(
          tx.manager,
          incidents.map((incident, i) => ({ user: batch[i].user, incident })),
        );
        return incidents.map((incident, i) => ({
          ...toIncidentView(incident),
          likelyDuplicates: offered[i],
        }));
      });
    } catch (err) {
      if (batch.length === 1) return batch[0].reject(err);
      await Promise.all(batch.map((w) => this.write([w])));
      return;
    }
    batch.forEach((w, i) => w.resolve(views[i]));
  }
}
