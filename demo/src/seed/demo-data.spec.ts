import { CATEGORIES, CATEGORY_CODES, DEFAULT_TIMER_RULES, WHISTLE_TYPES } from '@whistle/shared';
import { ADMISSION_LISTS, DEPARTMENTS, timerRuleSeeds, userSeeds } from './demo-data';
import { demoLayout } from './geography/layout';

describe('demo reference data', () => {
  const layout = demoLayout();
  const users = userSeeds(layout);
  const byName = new Map(users.map((u) => [u.username, u]));

  it('has a department for every code the categories suggest, with utilities marked', () => {
    const codes = new Set(DEPARTMENTS.map((d) => d.code));
    expect(codes.size).toBe(DEPARTMENTS.length);
    expect(DEPARTMENTS.length).toBeGreaterThanOrEqual(28);
    for (const c of CATEGORIES) for (const code of c.suggestedDepartments) expect(codes).toContain(code);
    for (const code of ['ranqi', 'gongshui', 'gongdian']) {
      expect(DEPARTMENTS.find((d) => d.code === code)?.kind).toBe('utility');
    }
  });

  it('gives every street an admission list of known categories, never all of them', () => {
    for (const street of layout.streets) {
      const list = ADMISSION_LISTS[street.code] ?? [];
      expect(list.length).toBeGreaterThan(3);
      expect(list.length).toBeLessThan(CATEGORY_CODES.length);
      expect(new Set(list).size).toBe(list.length);
      for (const category of list) expect(CATEGORY_CODES).toContain(category);
    }
  });

  it('has one "any" rule per whistle type from the defaults and a faster urgent rule', () => {
    const rules = timerRuleSeeds();
    for (const type of WHISTLE_TYPES) {
      const any = rules.find((r) => r.whistleType === type && r.priority === 'any');
      const urgent = rules.find((r) => r.whistleType === type && r.priority === 'urgent');
      expect(any).toMatchObject({
        acceptMinutes: DEFAULT_TIMER_RULES[type].accept,
        arriveMinutes: DEFAULT_TIMER_RULES[type].arrive,
        resolveMinutes: DEFAULT_TIMER_RULES[type].resolve,
      });
      expect(urgent?.acceptMinutes).toBeLessThan(any?.acceptMinutes ?? 0);
      expect(urgent?.arriveMinutes).toBeLessThan(any?.arriveMinutes ?? 0);
    }
  });

  it('has the accounts the demo and the tests sign in with', () => {
    expect(byName.size).toBe(users.length);
    for (const name of [
      'admin',
      'district.leader',
      'district.operator',
      'street.fuzimiao',
      'street.shuangtang',
    ]) {
      expect(byName.has(name)).toBe(true);
    }
    for (const name of ['dept.chengguan', 'dept.shichang', 'dept.xiaofang', 'grid.fuzimiao.01']) {
      expect(byName.has(name)).toBe(true);
    }
    for (const d of DEPARTMENTS)
      expect(byName.get(`dept.${d.code}`)).toMatchObject({ role: 'dept_officer', departmentCode: d.code });
    for (const s of layout.streets)
      expect(byName.get(`street.${s.code}`)).toMatchObject({ role: 'street_operator', streetCode: s.code });
    for (const u of users) expect(u.displayName).toMatch(/\p{Script=Han}/u);
  });

  it('pairs district.leader with Fuzimiao and Shuangtang, and every street with a leader', () => {
    expect(byName.get('district.leader')?.pairedStreets).toEqual(
      expect.arrayContaining(['fuzimiao', 'shuangtang']),
    );
    const paired = users.filter((u) => u.role === 'district_leader').flatMap((u) => u.pairedStreets);
    for (const s of layout.streets) expect(paired).toContain(s.code);
  });

  it('assigns each grid worker several comprehensive grids of their own street', () => {
    const grids = new Map(layout.grids.map((g) => [g.code, g]));
    const workers = users.filter((u) => u.role === 'grid_worker');
    for (const s of layout.streets)
      expect(workers.filter((w) => w.streetCode === s.code).length).toBeGreaterThanOrEqual(2);
    for (const w of workers) {
      expect(w.username).toMatch(/^grid\.[a-z]+\.\d{2}$/);
      expect(w.gridCodes.length).toBeGreaterThanOrEqual(2);
      for (const code of w.gridCodes) {
        expect(grids.get(code)).toMatchObject({ kind: 'comprehensive', streetCode: w.streetCode });
      }
    }
  });
});
