import { checkVerify } from './VerifyDialog';

describe('verify dialog rules', () => {
  it('needs stars to pass a department’s work and a reason to fail it', () => {
    expect(checkVerify(true, 0, '', true)).toBe('rating');
    expect(checkVerify(true, 4, '', true)).toBeNull();
    expect(checkVerify(true, 0, '', false)).toBeNull();
    expect(checkVerify(false, 0, ' ', true)).toBe('reason');
    expect(checkVerify(false, 0, '仍有摊位', true)).toBeNull();
  });
});
