import { checkText } from './text-limits';

describe('text limits', () => {
  it('checks texts against the server’s limits', () => {
    expect(checkText('  ', 2, 10)).toBe('required');
    expect(checkText('a', 2, 10)).toBe('tooShort');
    expect(checkText('a'.repeat(11), 2, 10)).toBe('tooLong');
    expect(checkText(' ok ', 2, 10)).toBeNull();
  });
});
