import IORedis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { deleteKeysWithPrefix } from '../src/queues/redis';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('deleteKeysWithPrefix (how tests and benchmarks leave a shared Redis)', () => {
  const redis = new IORedis(REDIS_URL);
  const prefix = `cleanup_${randomBytes(4).toString('hex')}`;
  const other = `${prefix}x`;
  const ours = [
    `${prefix}:bull:deadlines:id`,
    `{${prefix}:rate:login-ip-1h:127.0.0.1:login-ip-1h}:hits`,
    `{${prefix}:rate:login-ip-1h:127.0.0.1:login-ip-1h}:blocked`,
  ];
  const neighbours = [`${other}:kept`, `{${other}:rate:login}:hits`];

  afterAll(async () => {
    // Whatever the outcome, this file leaves nothing behind.
    await redis.del(...ours, ...neighbours);
    redis.disconnect();
  });

  it("deletes the prefix's keys, the rate limits' hash-tagged ones included, and nothing else", async () => {
    await redis.mset(...[...ours, ...neighbours].flatMap((key) => [key, '1']));

    await deleteKeysWithPrefix(REDIS_URL, prefix);

    expect(await redis.keys(`*${prefix}:*`)).toEqual([]);
    expect((await redis.keys(`*${other}:*`)).sort()).toEqual([...neighbours].sort());
  });
});
