import { CATEGORY_CODES, type LngLat } from '@whistle/shared';

/** What the server accepts (contracts: POST /api/incidents/report). */
export const MAX_PHOTOS = 9;
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export const MAX_DESCRIPTION = 2000;
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

export interface ReportDraft {
  category: string | null;
  description: string;
  photos: readonly File[];
  location: LngLat | null;
}

/** What may be wrong with each field; each has its own message. */
export interface DraftProblems {
  category?: 'required' | 'unknownCategory';
  description?: 'required' | 'tooLong';
  photos?: 'tooManyPhotos' | 'photoType' | 'photoTooLarge';
  location?: 'required';
}

/**
 * Checks a report before it is sent, with the server's own limits, so a worker on a slow
 * connection is not told after a 20 MB upload that a photo was too big. Empty when it may be sent.
 */
export function validateDraft(draft: ReportDraft): DraftProblems {
  const problems: DraftProblems = {};
  if (!draft.category) problems.category = 'required';
  else if (!CATEGORY_CODES.some((c) => c === draft.category)) problems.category = 'unknownCategory';
  const description = draft.description.trim();
  if (description.length === 0) problems.description = 'required';
  else if (description.length > MAX_DESCRIPTION) problems.description = 'tooLong';
  const photos = photoProblem(draft.photos);
  if (photos) problems.photos = photos;
  if (!draft.location) problems.location = 'required';
  return problems;
}

/** What is wrong with a set of photos by the server's limits (also for on-site checks), if anything. */
export function photoProblem(photos: readonly File[]): DraftProblems['photos'] {
  if (photos.length > MAX_PHOTOS) return 'tooManyPhotos';
  if (photos.some((p) => !PHOTO_TYPES.some((t) => t === p.type))) return 'photoType';
  if (photos.some((p) => p.size > MAX_PHOTO_BYTES)) return 'photoTooLarge';
  return undefined;
}

/** The multipart body: text fields first, then the photos under `photos`. */
export function reportFormData(draft: ReportDraft): FormData {
  const form = new FormData();
  if (draft.location) {
    form.append('lng', String(draft.location.lng));
    form.append('lat', String(draft.location.lat));
  }
  if (draft.category) form.append('category', draft.category);
  form.append('description', draft.description.trim());
  for (const photo of draft.photos) form.append('photos', photo, photo.name);
  return form;
}
