import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { claimCommittedWrite } from '../idempotency/idempotency-context';
import { withTransactionRetry } from '../database/transaction-retry';
import { CommitDelivery } from './commit-delivery.service';
import type { EventRecord } from './event.entity';
import { RecordingTx } from './event-log';
import { OutboxRelay } from './outbox-relay.service';

/**
 * Runs a state change in one transaction with its events; once it has committed, emits them
 * straight away and wakes the outbox relay, which carries them on to the worker path. A
 * transaction that loses a deadlock or serialization race runs again from the start (`work` must
 * only touch the database and its own variables), so a race is never answered 500.
 */
@Injectable()
export class ChangeRecorder {
  constructor(
    private readonly dataSource: DataSource,
    private readonly relay: OutboxRelay,
    private readonly commitDelivery: CommitDelivery,
  ) {}

  async run<T>(work: (tx: RecordingTx) => Promise<T>): Promise<T> {
    let recorded: EventRecord[] = [];
    const result = await withTransactionRetry(() =>
      this.dataSource.transaction(async (manager) => {
        const tx = new RecordingTx(manager);
        const value = await work(tx);
        // A request with an Idempotency-Key: its record commits with what the request created.
        const claim = claimCommittedWrite();
        if (claim) tx.write('idempotency-claim', claim);
        await tx.flush();
        recorded = tx.recorded;
        return value;
      }),
    );
    if (recorded.length > 0) {
      this.commitDelivery.deliver(recorded);
      this.relay.kickSoon();
    }
    return result;
  }
}
