import IORedis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { deleteKeysWithPrefix } from '../src/queues/redis';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('deleteKeysWithPrefix (how tests and benchmarks leave a shared Redis)', () => {
  const redis = new IORedis(REDIS_URL);
  const prefix = `cleanup_${randomBytes(4).toString('hex')}`;
  const other = `${prefix}x`;

  afterAll(async () => {
    await redis.del(`${other}:kept`, `{${other}:rate:login}:hits`);
    redis.disconnect();
  });

  it("deletes the prefix's keys, the rate limits' hash-tagged ones included, and nothing else", async () => {
    await redis.mset(
      `${prefix}:bull:deadlines:id`,
      '1',
      `{${prefix}:rate:login-ip-1h:127.0.0.1:login-ip-1h}:hits`,
      '1',
      `{${prefix}:rate:login-ip-1h:127.0.0.1:login-ip-1h}:blocked`,
      '1',
      `${other}:kept`,
      '1',
      `{${other}:rate:login}:hits`,
      '1',
    );

    await deleteKeysWithPrefix(REDIS_URL, prefix);

    expect(await redis.keys(`*${prefix}:*`)).toEqual([]);
    expect((await redis.keys(`*${other}:*`)).sort()).toEqual([`${other}:kept`, `{${other}:rate:login}:hits`]);
  });
});
