import { toDurationInput, toMinutes } from './duration-units';

describe('stage limits entered in minutes, hours or days', () => {
  it('shows a limit in the largest unit that expresses it exactly', () => {
    expect(toDurationInput(2 * 24 * 60)).toEqual({ amount: '2', unit: 'days' });
    expect(toDurationInput(120)).toEqual({ amount: '2', unit: 'hours' });
    expect(toDurationInput(90)).toEqual({ amount: '90', unit: 'minutes' });
  });

  it('turns an entry into whole minutes, and refuses what is not a positive amount', () => {
    expect(toMinutes({ amount: '1.5', unit: 'hours' })).toBe(90);
    expect(toMinutes({ amount: '3', unit: 'days' })).toBe(4320);
    expect(toMinutes({ amount: '0', unit: 'minutes' })).toBeNull();
    expect(toMinutes({ amount: '', unit: 'minutes' })).toBeNull();
    expect(toMinutes({ amount: 'abc', unit: 'hours' })).toBeNull();
  });
});
