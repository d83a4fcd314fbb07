import {
  DEFAULT_TIMER_RULES,
  resolveStageLimits,
  runningStage,
  stageDeadlines,
  type TimerRule,
} from './timer-rules';

describe('timer rules', () => {
  it('defaults to DESIGN.md §3 (minutes)', () => {
    expect(DEFAULT_TIMER_RULES.emergency).toEqual({ accept: 5, arrive: 30, resolve: 240 });
    expect(DEFAULT_TIMER_RULES.enforcement).toEqual({ accept: 30, arrive: 120, resolve: 3 * 1440 });
    expect(DEFAULT_TIMER_RULES.key_work).toEqual({ accept: 120, arrive: 1440, resolve: 7 * 1440 });
    expect(DEFAULT_TIMER_RULES.tough).toEqual({ accept: 30, arrive: 1440, resolve: 15 * 1440 });
  });

  it('prefers the rule for the priority, then the type’s general rule, then the default', () => {
    const rules: TimerRule[] = [
      { whistleType: 'emergency', priority: 'any', limits: { accept: 4, arrive: 20, resolve: 200 } },
      { whistleType: 'emergency', priority: 'urgent', limits: { accept: 2, arrive: 10, resolve: 100 } },
    ];
    expect(resolveStageLimits(rules, 'emergency', 'urgent').accept).toBe(2);
    expect(resolveStageLimits(rules, 'emergency', 'normal').accept).toBe(4);
    expect(resolveStageLimits(rules, 'tough', 'urgent')).toEqual(DEFAULT_TIMER_RULES.tough);
  });

  it('counts every stage from the moment the whistle is blown', () => {
    const at = new Date('2026-11-21T08:00:00Z');
    const d = stageDeadlines(at, { accept: 5, arrive: 30, resolve: 240 });
    expect(d.acceptBy.toISOString()).toBe('2026-11-21T08:05:00.000Z');
    expect(d.arriveBy.toISOString()).toBe('2026-11-21T08:30:00.000Z');
    expect(d.resolveBy.toISOString()).toBe('2026-11-21T12:00:00.000Z');
  });

  it('runs one stage at a time, none once resolved', () => {
    expect(runningStage('pending')).toBe('accept');
    expect(runningStage('accepted')).toBe('arrive');
    expect(runningStage('arrived')).toBe('resolve');
    expect(runningStage('reopened')).toBe('resolve');
    expect(runningStage('resolved')).toBeNull();
    expect(runningStage('cancelled')).toBeNull();
  });
});
