import { seededRandom } from '@whistle/demo';
import { formatSimClock, planDispatch, simMinutesToRealMs, stageDelayMs } from './timing';

describe('delay planning', () => {
  const emergency = { accept: 5, arrive: 30, resolve: 240 };
  const enforcement = { accept: 30, arrive: 120, resolve: 4320 };

  it('compresses simulated minutes into real time', () => {
    expect(simMinutesToRealMs(144, 144)).toBe(60_000);
    expect(formatSimClock(8 * 60 + 90)).toBe('D1 09:30');
    expect(formatSimClock(24 * 60 + 5)).toBe('D2 00:05');
  });

  it('makes only short real deadlines late, at the share asked', () => {
    const rng = seededRandom('late');
    const plans = Array.from({ length: 1000 }, () => planDispatch(rng, 'emergency', emergency, 0.3));
    const late = plans.filter((p) => p.late === 'accept').length;
    expect(late).toBeGreaterThan(230);
    expect(late).toBeLessThan(370);
    for (let i = 0; i < 200; i++) expect(planDispatch(rng, 'enforcement', enforcement, 1).late).toBeNull();
  });

  it('stays inside the deadline on time, and waits past it when late', () => {
    const now = 1_000_000;
    const base = { compression: 1, nowMs: now, lateMarginMs: 20_000 };
    // 10 simulated minutes at ×1 would overrun a deadline 60 s away: capped at 80% of what is left.
    expect(stageDelayMs({ ...base, plannedSimMinutes: 10, dueAtMs: now + 60_000, late: false })).toBe(48_000);
    expect(stageDelayMs({ ...base, plannedSimMinutes: 10, dueAtMs: now + 60_000, late: true })).toBe(80_000);
    expect(
      stageDelayMs({
        ...base,
        compression: 600,
        plannedSimMinutes: 10,
        dueAtMs: now + 3_600_000,
        late: false,
      }),
    ).toBe(1_000);
  });
});
