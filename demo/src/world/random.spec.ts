import { sample, seededRandom, weighted } from './random';

describe('seeded randomness', () => {
  const draw = (r: () => number) => Array.from({ length: 5 }, r);

  it('repeats a stream for the same seed and differs for another', () => {
    expect(draw(seededRandom('qinhuai'))).toEqual(draw(seededRandom('qinhuai')));
    expect(draw(seededRandom('qinhuai'))).not.toEqual(draw(seededRandom('other')));
  });

  it('stays in [0, 1)', () => {
    const random = seededRandom('range');
    for (let i = 0; i < 10_000; i++) {
      const x = random();
      expect(x >= 0 && x < 1).toBe(true);
    }
  });

  it('picks by weight and never a weightless item', () => {
    const random = seededRandom('weights');
    const counts = { a: 0, b: 0, never: 0 };
    for (let i = 0; i < 4000; i++) {
      const key = weighted(random, [
        ['a', 3],
        ['b', 1],
        ['never', 0],
      ] as const);
      counts[key]++;
    }
    expect(counts.never).toBe(0);
    expect(counts.a / counts.b).toBeGreaterThan(2.5);
    expect(counts.a / counts.b).toBeLessThan(3.5);
  });

  it('samples distinct items, no more than there are', () => {
    const random = seededRandom('sample');
    const got = sample(random, [1, 2, 3, 4], 3);
    expect(new Set(got).size).toBe(3);
    expect(sample(random, [1, 2], 5).sort()).toEqual([1, 2]);
  });
});
