import { pulsePhase } from './pulse';

describe('pulsePhase', () => {
  it('breathes 0 → 1 → 0 over a period and repeats', () => {
    expect(pulsePhase(0, 1000)).toBeCloseTo(0);
    expect(pulsePhase(250, 1000)).toBeCloseTo(0.5);
    expect(pulsePhase(500, 1000)).toBeCloseTo(1);
    expect(pulsePhase(1500, 1000)).toBeCloseTo(1);
    expect(pulsePhase(-500, 1000)).toBeCloseTo(1);
  });
});
