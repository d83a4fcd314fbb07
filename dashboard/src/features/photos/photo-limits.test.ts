import { checkPhotos } from './photo-limits';

describe('photo limits', () => {
  it('checks photos by count, type and size', () => {
    const jpeg = { type: 'image/jpeg', size: 1000 };
    expect(checkPhotos([jpeg])).toBeNull();
    expect(checkPhotos(Array.from({ length: 10 }, () => jpeg))).toBe('tooMany');
    expect(checkPhotos([{ type: 'image/jpeg', size: 11 * 1024 * 1024 }])).toBe('tooLarge');
  });
});
