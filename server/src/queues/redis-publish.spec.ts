import IORedis from 'ioredis';
import { logPublishFailures } from './redis';

describe('logPublishFailures', () => {
  it('keeps a failed publish whose promise nobody holds from becoming an unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', record);
    // Never connected and queueing nothing offline: every command fails at once.
    const client = new IORedis({ port: 1, lazyConnect: true, enableOfflineQueue: false });
    try {
      const wrapped = logPublishFailures(client, 'spec publisher');
      // As socket.io's adapter does: the promise is dropped.
      void wrapped.publish('channel', 'message');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled).toEqual([]);
      // The caller who does hold the promise still sees the failure.
      await expect(wrapped.publish('channel', 'message')).rejects.toThrow(/writeable/);
    } finally {
      process.off('unhandledRejection', record);
      client.disconnect();
    }
  });
});
