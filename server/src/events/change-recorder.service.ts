import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RecordingTx } from './event-log';
import { OutboxRelay } from './outbox-relay.service';

/** Runs a state change in one transaction with its events, then wakes the outbox relay. */
@Injectable()
export class ChangeRecorder {
  constructor(
    private readonly dataSource: DataSource,
    private readonly relay: OutboxRelay,
  ) {}

  async run<T>(work: (tx: RecordingTx) => Promise<T>): Promise<T> {
    let recorded = 0;
    const result = await this.dataSource.transaction(async (manager) => {
      const tx = new RecordingTx(manager);
      const value = await work(tx);
      await tx.flush();
      recorded = tx.recorded.length;
      return value;
    });
    if (recorded > 0) this.relay.kick();
    return result;
  }
}
