import { QueryFailedError } from 'typeorm';
import { TRANSACTION_ATTEMPTS, isRetryableTransactionError, withTransactionRetry } from './transaction-retry';

const failure = (code: string) =>
  new QueryFailedError('UPDATE …', [], Object.assign(new Error(`pg ${code}`), { code }));

describe('withTransactionRetry', () => {
  it('knows deadlocks and serialization failures, and nothing else, as retryable', () => {
    expect(isRetryableTransactionError(failure('40P01'))).toBe(true);
    expect(isRetryableTransactionError(failure('40001'))).toBe(true);
    expect(isRetryableTransactionError(failure('23505'))).toBe(false);
    expect(isRetryableTransactionError(new Error('boom'))).toBe(false);
    expect(isRetryableTransactionError(null)).toBe(false);
  });

  it('runs a transaction that lost a race again until it succeeds', async () => {
    let calls = 0;
    const result = await withTransactionRetry(() => {
      calls++;
      return calls < 3 ? Promise.reject(failure('40P01')) : Promise.resolve('done');
    });
    expect([result, calls]).toEqual(['done', 3]);
  });

  it('gives up after its attempts, and passes any other error on at once', async () => {
    let calls = 0;
    await expect(
      withTransactionRetry(() => {
        calls++;
        return Promise.reject(failure('40001'));
      }),
    ).rejects.toBeInstanceOf(QueryFailedError);
    expect(calls).toBe(TRANSACTION_ATTEMPTS);

    calls = 0;
    await expect(
      withTransactionRetry(() => {
        calls++;
        return Promise.reject(failure('23505'));
      }),
    ).rejects.toThrow('23505');
    expect(calls).toBe(1);
  });
});
