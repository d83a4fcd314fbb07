/** Client-side checks mirroring the server's DTO limits, so the dialog says what is wrong before sending. */
export const REASON_MIN = 2;
export const REASON_MAX = 1000;
export const NOTE_MIN = 2;
export const NOTE_MAX = 5000;
export const MAX_PHOTOS = 9;
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];

export type TextProblem = 'required' | 'tooShort' | 'tooLong' | null;

export function checkText(value: string, min: number, max: number): TextProblem {
  const text = value.trim();
  if (!text) return 'required';
  if (text.length < min) return 'tooShort';
  if (text.length > max) return 'tooLong';
  return null;
}

export type PhotoProblem = 'tooMany' | 'tooLarge' | 'badType' | null;

export function checkPhotos(files: readonly Pick<File, 'size' | 'type'>[]): PhotoProblem {
  if (files.length > MAX_PHOTOS) return 'tooMany';
  if (files.some((f) => !PHOTO_TYPES.includes(f.type))) return 'badType';
  if (files.some((f) => f.size > MAX_PHOTO_BYTES)) return 'tooLarge';
  return null;
}
