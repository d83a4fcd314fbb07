import { CATEGORIES } from '@whistle/shared';
import { DEPARTMENTS } from '../demo-data';
import { STREETS } from '../geography/streets';
import { DAY } from './draw';
import { planHistory } from './plan';
import { planFigures } from './plan-figures';
import { simulatePlan } from './plan-outcome';
import { SCENARIOS, STREET_PLACES } from '../../world';

/** A fixed end of history (08:20 in Beijing), so the plan is the same on every run. */
const NOW = Date.parse('2026-11-22T00:20:00Z');

describe('demo history plan', () => {
  const plan = planHistory({ now: NOW });
  const f = planFigures(plan);

  it('is deterministic for a seed and a moment, and differs with the seed', () => {
    expect(planHistory({ now: NOW })).toEqual(plan);
    expect(planHistory({ now: NOW, seed: 'another' }).incidents).not.toEqual(plan.incidents);
  });

  it('keeps every step in the fortnight, strictly in time order', () => {
    const first = plan.steps[0]?.at ?? 0;
    expect(first).toBeGreaterThanOrEqual(NOW - 14 * DAY - DAY);
    plan.steps.forEach((s, i) => {
      expect(s.at).toBeLessThan(NOW);
      if (i > 0) expect(s.at).toBeGreaterThan(plan.steps[i - 1]?.at ?? 0);
    });
  });

  it('only plans what the state machines allow, step by step', () => {
    expect(() => simulatePlan(plan)).not.toThrow();
    for (const seed of ['a', 'b', 'c'])
      expect(() => simulatePlan(planHistory({ now: NOW, seed }))).not.toThrow();
  });

  it('has about 300 incidents across all 12 streets from mixed sources', () => {
    expect(f.incidents).toBe(300);
    expect(f.streets).toBe(12);
    for (const source of ['grid_worker', 'hotline_12345', 'operator', 'video', 'department']) {
      expect(f.sources[source]).toBeGreaterThanOrEqual(8);
    }
    const share = (k: string) => (f.priorities[k] ?? 0) / f.incidents;
    expect(share('normal') + share('high')).toBeGreaterThan(0.8);
    expect(share('urgent')).toBeGreaterThan(0);
    expect(share('urgent')).toBeLessThan(0.1);
  });

  it('registers about 90%, refuses some and folds repeat reports into open matters', () => {
    expect(f.registered / f.incidents).toBeGreaterThan(0.85);
    expect(f.registered / f.incidents).toBeLessThan(0.95);
    expect(f.rejected).toBeGreaterThanOrEqual(10);
    expect(f.merged).toBe(50);
  });

  it('blows 170+ whistles of all four types, summoning 25+ departments that report in', () => {
    expect(f.whistles).toBeGreaterThanOrEqual(170);
    expect(f.whistles).toBeLessThan(260);
    for (const n of Object.values(f.whistleTypes)) expect(n).toBeGreaterThanOrEqual(5);
    expect(f.departmentsReportedIn).toBeGreaterThanOrEqual(25);
    expect(f.departmentDispatches / f.whistles).toBeGreaterThan(1.3);
  });

  it('ends with 80%+ of whistled matters verified and 10–15% of all incidents still open', () => {
    expect(f.whistledVerified / f.whistledIncidents).toBeGreaterThanOrEqual(0.8);
    expect(f.open / f.incidents).toBeGreaterThanOrEqual(0.1);
    expect(f.open / f.incidents).toBeLessThanOrEqual(0.15);
    expect(f.overdueOpen).toBeGreaterThanOrEqual(5);
  });

  it('has the odd misrouted dispatch, redone fix and late stage', () => {
    expect(f.departmentRejects).toBeGreaterThanOrEqual(3);
    expect(f.reopened).toBeGreaterThanOrEqual(3);
    expect(f.notices).toBeGreaterThan(50);
  });

  it('rates mostly 4–5, some 3 and rarely 2', () => {
    const total = Object.values(f.ratings).reduce((a, b) => a + b, 0);
    const share = (score: number) => (f.ratings[score] ?? 0) / total;
    expect(share(4) + share(5)).toBeGreaterThan(0.75);
    expect(share(3)).toBeGreaterThan(0.05);
    expect(share(2)).toBeLessThan(0.06);
    expect(share(1)).toBe(0);
  });

  it('sends tasks down, some accepted and some returned as off the admission list', () => {
    expect(f.tasksAccepted).toBeGreaterThanOrEqual(3);
    expect(f.tasksReturned).toBeGreaterThanOrEqual(2);
  });

  it('gives every incident a Chinese title naming a place, and no unfilled template', () => {
    for (const i of plan.incidents) {
      expect(i.title).toMatch(/[\u4e00-\u9fa5]/);
      expect(i.title + i.description).not.toMatch(/[{}]/);
    }
  });
});

describe('demo history scenarios', () => {
  const departments = new Set(DEPARTMENTS.map((d) => d.code));

  it('summon only demo departments, the primary one suggested by the category where it suggests any', () => {
    for (const s of SCENARIOS) {
      const suggested: readonly string[] =
        CATEGORIES.find((c) => c.code === s.category)?.suggestedDepartments ?? [];
      if (suggested.length > 0) expect(suggested).toContain(s.departments[0]);
      expect(s.departments.length).toBeLessThanOrEqual(3);
      for (const code of s.departments) expect(departments).toContain(code);
      if (s.misroute) {
        expect(departments).toContain(s.misroute.departmentCode);
        expect(s.departments).not.toContain(s.misroute.departmentCode);
      }
    }
  });

  it('cover every category, and reach beyond the 19 suggested departments', () => {
    for (const c of CATEGORIES) expect(SCENARIOS.some((s) => s.category === c.code)).toBe(true);
    expect(new Set(SCENARIOS.flatMap((s) => s.departments)).size).toBeGreaterThanOrEqual(28);
  });

  it('have places for every street', () => {
    for (const street of STREETS) expect(STREET_PLACES[street.code]?.roads.length).toBeGreaterThan(2);
  });
});
