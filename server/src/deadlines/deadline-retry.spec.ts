import { deadlineRetryDelay } from './deadline-retry';

describe('deadlineRetryDelay', () => {
  it('doubles from a second and stops growing at five minutes', () => {
    const top = () => 1;
    expect([1, 2, 3, 4].map((n) => deadlineRetryDelay(n, top))).toEqual([1000, 2000, 4000, 8000]);
    expect(deadlineRetryDelay(9, top)).toBe(256_000);
    expect(deadlineRetryDelay(10, top)).toBe(300_000);
    expect(deadlineRetryDelay(9_999, top)).toBe(300_000);
  });

  it('spreads retries over the upper half of each pause', () => {
    expect(deadlineRetryDelay(3, () => 0)).toBe(2000);
    expect(deadlineRetryDelay(3, () => 0.5)).toBe(3000);
  });
});
