import { chooseDepartments } from './choices';
import { seededRng } from './random';

describe('seeded randomness', () => {
  it('repeats a run for the same seed and differs for another', () => {
    const a = seededRng('qinhuai');
    const b = seededRng('qinhuai');
    const c = seededRng('other');
    const draw = (r: () => number) => Array.from({ length: 5 }, r);
    expect(draw(a)).toEqual(draw(b));
    expect(draw(seededRng('qinhuai'))).not.toEqual(draw(c));
  });

  it('summons the first suggested department, skipping those that refused', () => {
    const rng = seededRng('depts');
    const all = ['chengguan', 'shichang', 'gongan', 'minzheng'];
    for (let i = 0; i < 50; i++) {
      const chosen = chooseDepartments(rng, ['chengguan', 'shichang'], all, new Set());
      expect(chosen[0]).toBe('chengguan');
      expect(new Set(chosen).size).toBe(chosen.length);
    }
    const after = chooseDepartments(rng, ['chengguan'], all, new Set(['chengguan']));
    expect(after).not.toContain('chengguan');
    expect(after.length).toBeGreaterThan(0);
  });
});
