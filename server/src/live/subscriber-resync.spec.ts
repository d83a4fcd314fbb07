import { Logger } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import type IORedis from 'ioredis';
import { resyncAfterResubscribe } from './subscriber-resync';

/** The part of an ioredis client the resync uses; each PING is answered when the test says so. */
class Subscriber extends EventEmitter {
  status = 'wait';
  readonly pings: { answer: () => void; fail: () => void }[] = [];

  ping(): Promise<string> {
    return new Promise((resolve, reject) =>
      this.pings.push({
        answer: () => resolve('PONG'),
        fail: () => reject(new Error('Connection is closed.')),
      }),
    );
  }

  ready(): void {
    this.status = 'ready';
    this.emit('ready');
  }

  lost(): void {
    this.status = 'reconnecting';
    this.emit('close');
  }
}

const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('socket resync after the subscriber is back', () => {
  let sub: Subscriber;
  let resyncs: number;
  let resync: ReturnType<typeof resyncAfterResubscribe>;

  // The test counts resyncs, not their log lines.
  beforeAll(() => {
    Logger.overrideLogger(false);
  });
  afterAll(() => {
    Logger.overrideLogger(['log', 'error', 'warn', 'debug', 'verbose']);
  });

  beforeEach(() => {
    sub = new Subscriber();
    resyncs = 0;
    resync = resyncAfterResubscribe(sub as unknown as IORedis, () => ++resyncs);
  });

  it('does nothing on the first connection at start-up', async () => {
    sub.ready();
    await settled();
    expect(sub.pings).toHaveLength(0);
    expect(resyncs).toBe(0);
  });

  it('resyncs once the re-subscription is answered, not at ready', async () => {
    sub.ready();
    sub.lost();
    sub.ready();
    await settled();
    expect(resyncs).toBe(0);
    sub.pings[0].answer();
    await settled();
    expect(resyncs).toBe(1);
  });

  it('resyncs once per recovery however often Redis flapped before it', async () => {
    sub.ready();
    sub.lost();
    sub.ready();
    sub.lost();
    sub.ready();
    sub.lost();
    sub.ready();
    // Answers of the earlier connections arrive late (ioredis re-sends the PING) or fail.
    sub.pings[0].answer();
    sub.pings[1].fail();
    sub.pings[2].answer();
    await settled();
    expect(resyncs).toBe(1);
    // A reconnection that lost nothing since the resync does not resync again.
    sub.ready();
    await settled();
    expect(sub.pings).toHaveLength(3);
    expect(resyncs).toBe(1);
    // The next loss is the next recovery.
    sub.lost();
    sub.ready();
    sub.pings[3].answer();
    await settled();
    expect(resyncs).toBe(2);
  });

  it('does not resync a process that is shutting down', async () => {
    sub.ready();
    sub.lost();
    sub.ready();
    resync.stop();
    sub.pings[0].answer();
    sub.lost();
    sub.ready();
    await settled();
    expect(resyncs).toBe(0);
  });
});
