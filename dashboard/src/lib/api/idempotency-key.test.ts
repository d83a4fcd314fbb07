import { IDEMPOTENCY_KEY_PATTERN } from '@whistle/shared';
import { SubmissionKeys, newIdempotencyKey } from './idempotency-key';

describe('submission keys', () => {
  it('are valid Idempotency-Key values, and new each time', () => {
    const a = newIdempotencyKey();
    expect(a).toMatch(IDEMPOTENCY_KEY_PATTERN);
    expect(newIdempotencyKey()).not.toBe(a);
  });

  it('stay the same for the same submission and change with it, files included', () => {
    const keys = new SubmissionKeys();
    const photo = new File(['abc'], 'a.jpg', { type: 'image/jpeg', lastModified: 1 });
    const key = keys.keyFor({ description: '占道', photos: [photo] });
    expect(keys.keyFor({ description: '占道', photos: [photo] })).toBe(key);
    const other = new File(['abcd'], 'a.jpg', { type: 'image/jpeg', lastModified: 1 });
    expect(keys.keyFor({ description: '占道', photos: [other] })).not.toBe(key);
  });
});
