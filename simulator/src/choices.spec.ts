import { seededRandom } from '@whistle/demo';
import { chooseDepartments } from './choices';

describe('choosing departments', () => {
  it('summons the first suggested department, skipping those that refused', () => {
    const rng = seededRandom('depts');
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
