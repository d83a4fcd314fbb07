import { BadRequestException } from '@nestjs/common';
import { NO_DISPATCHES } from './dispatch-rates';
import { checkReportMonth, departmentLines, monthlyReport, streetLines } from './monthly-report';
import type { DepartmentPeriodInput, StreetPeriodInput } from './period-queries';
import { shanghaiMonth, shanghaiMonthKey } from '../common/shanghai-calendar';

const named = (id: string) => ({ id, nameZh: `${id}局`, nameEn: id });
const department = (id: string, counts: Partial<DepartmentPeriodInput>): DepartmentPeriodInput => ({
  ...named(id),
  ...NO_DISPATCHES,
  resolvedOnTime: 0,
  resolveDue: 0,
  overdue: 0,
  averageRating: null,
  ratings: 0,
  ...counts,
});
const street = (id: string, counts: Partial<StreetPeriodInput>): StreetPeriodInput => ({
  ...named(id),
  ...NO_DISPATCHES,
  incidents: 0,
  incidentsResolved: 0,
  verified: 0,
  satisfied: 0,
  answers: 0,
  whistles: 0,
  ...counts,
});

describe('shanghaiMonth', () => {
  it('runs from the 1st 00:00 Beijing time to the next 1st', () => {
    const m = shanghaiMonth('2026-11');
    expect(m.from.toISOString()).toBe('2026-10-31T16:00:00.000Z');
    expect(m.to.toISOString()).toBe('2026-11-30T16:00:00.000Z');
  });

  it('rolls December over into January', () => {
    expect(shanghaiMonth('2026-12').to.toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });

  it('places 30 Nov 23:30 in Beijing in November, though it is 15:30 UTC', () => {
    const at = new Date('2026-11-30T23:30:00+08:00');
    const m = shanghaiMonth('2026-11');
    expect(at >= m.from && at < m.to).toBe(true);
    expect(shanghaiMonthKey(at)).toBe('2026-11');
    expect(shanghaiMonthKey(new Date('2026-11-30T16:00:00Z'))).toBe('2026-12');
  });
});

describe('checkReportMonth', () => {
  const now = new Date('2026-12-06T15:00:00+08:00');

  it('takes a past month as complete and the running one as partial', () => {
    expect(checkReportMonth('2026-11', now).partial).toBe(false);
    expect(checkReportMonth('2026-12', now)).toMatchObject({ partial: true });
  });

  it('refuses a future month, naming the field', () => {
    expect(() => checkReportMonth('2027-01', now)).toThrow(BadRequestException);
    try {
      checkReportMonth('2027-01', now);
    } catch (error) {
      expect((error as BadRequestException).getResponse()).toMatchObject({
        fields: { month: ['month must not be later than the current month 2026-12'] },
      });
    }
  });

  it('refuses a month before Whistle existed', () => {
    expect(() => checkReportMonth('2019-12', now)).toThrow(/not be earlier than 2020-01/);
  });

  it('knows the next month has begun in Beijing at 16:00 UTC on the last day', () => {
    expect(checkReportMonth('2027-01', new Date('2026-12-31T16:00:00Z')).partial).toBe(true);
  });
});

describe('departmentLines', () => {
  it('gives each rate of DESIGN §3 and the weighted score, ranked', () => {
    const lines = departmentLines([
      department('idle', {}),
      department('x', {
        dispatches: 4,
        acceptedOnTime: 3,
        acceptanceDue: 4,
        arrivedOnTime: 1,
        arrivalDue: 2,
        resolved: 2,
        resolutionBase: 4,
        reopened: 1,
        everResolved: 2,
        averageRating: 4.333333,
        ratings: 3,
      }),
    ]);
    expect(lines.map((l) => [l.id, l.rank])).toEqual([
      ['x', 1],
      ['idle', 2],
    ]);
    expect(lines[0]).toEqual({
      ...named('x'),
      dispatches: 4,
      responseRate: 0.75,
      onTimeArrivalRate: 0.5,
      resolutionRate: 0.5,
      reopenRate: 0.5,
      averageRating: 4.33,
      ratings: 3,
      // 0.15·0.75 + 0.15·0.5 + 0.2·0.5 + 0.1·(1 − 0.5) + 0.4·(4.33 − 1)/4 = 0.6705
      score: 67.1,
      rank: 1,
    });
    expect(lines[1]).toMatchObject({ responseRate: null, averageRating: null, score: 0 });
  });

  it('weighs the streets’ ratings at least one third', () => {
    const [rated] = departmentLines([department('r', { averageRating: 5, ratings: 1, resolutionBase: 1 })]);
    const [unrated] = departmentLines([department('u', { resolutionBase: 1 })]);
    // Resolved none of one: only the rating lifts the score, by its 0.4 share of 0.6 known weight.
    expect(rated?.score).toBeCloseTo((0.4 / 0.6) * 100, 0);
    expect(unrated?.score).toBe(0);
  });
});

describe('streetLines', () => {
  it('scores resolution, re-opening and whistle rate, and shows the citizens’ 满意率 unweighed', () => {
    const [a, b] = streetLines([
      street('b', { incidents: 4, whistles: 4, resolved: 0, resolutionBase: 2 }),
      street('a', {
        incidents: 4,
        whistles: 1,
        dispatches: 2,
        resolved: 2,
        resolutionBase: 2,
        everResolved: 2,
        satisfied: 2,
        answers: 3,
      }),
    ]);
    expect(a).toEqual({
      ...named('a'),
      incidents: 4,
      whistles: 1,
      dispatches: 2,
      resolutionRate: 1,
      reopenRate: 0,
      whistleRate: 0.25,
      satisfactionRate: 0.6667,
      satisfactionAnswers: 3,
      // 0.5·1 + 0.2·1 + 0.3·0.75
      score: 92.5,
      rank: 1,
    });
    expect(b).toMatchObject({ id: 'b', satisfactionRate: null, whistleRate: 1, score: 0, rank: 2 });
  });
});

describe('monthlyReport', () => {
  it('carries the month, its instants, the weights and when it was made', () => {
    const now = new Date('2026-12-06T07:00:00Z');
    const report = monthlyReport({
      month: '2026-11',
      period: checkReportMonth('2026-11', now),
      district: { id: 'd', nameZh: '秦淮区', nameEn: 'Qinhuai' },
      departments: [],
      streets: [],
      now,
    });
    expect(report).toMatchObject({
      month: '2026-11',
      from: '2026-10-31T16:00:00.000Z',
      to: '2026-11-30T16:00:00.000Z',
      generatedAt: '2026-12-06T07:00:00.000Z',
      partial: false,
      weights: { department: { streetRating: 0.4 }, street: { resolution: 0.5 } },
    });
  });
});
