/** What the server accepts as photos (contracts: the photo and report uploads), checked before sending. */
export const MAX_PHOTOS = 9;
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export const PHOTO_TYPES: readonly string[] = ['image/jpeg', 'image/png', 'image/webp'];

export type PhotoProblem = 'tooMany' | 'tooLarge' | 'badType' | null;

export function checkPhotos(files: readonly Pick<File, 'size' | 'type'>[]): PhotoProblem {
  if (files.length > MAX_PHOTOS) return 'tooMany';
  if (files.some((f) => !PHOTO_TYPES.includes(f.type))) return 'badType';
  if (files.some((f) => f.size > MAX_PHOTO_BYTES)) return 'tooLarge';
  return null;
}
