import { allocate } from './allocate';

describe('allocate', () => {
  it('always hands out exactly the total', () => {
    expect(
      allocate(942, [1.7, 1.4, 1.2, 2.1, 1.8, 2, 3.1, 1.6, 2.8, 2.7, 1.5]).reduce((a, b) => a + b, 0),
    ).toBe(942);
    expect(allocate(7, [1, 1, 1])).toEqual([3, 2, 2]);
  });

  it('follows the weights', () => {
    expect(allocate(10, [1, 4])).toEqual([2, 8]);
    expect(allocate(5, [0, 1])).toEqual([0, 5]);
  });

  it('grants the minimum first when the total allows it', () => {
    expect(allocate(10, [100, 1, 1], 2)).toEqual([6, 2, 2]);
    expect(allocate(3, [1, 1, 1, 1], 1)).toEqual([1, 1, 1, 0]);
  });
});
