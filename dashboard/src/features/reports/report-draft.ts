import { CATEGORY_CODES, type LngLat } from '@whistle/shared';
import { checkPhotos } from '../photos/photo-limits';

/** What the server accepts (contracts: POST /api/incidents/report); photos as every upload. */
export const MAX_DESCRIPTION = 2000;

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

/** The phone's words for the photo problems (its own messages), by the shared photo check. */
const PHOTO_PROBLEMS = { tooMany: 'tooManyPhotos', badType: 'photoType', tooLarge: 'photoTooLarge' } as const;

/** What is wrong with a set of photos by the server's limits (also for on-site checks), if anything. */
export function photoProblem(photos: readonly File[]): DraftProblems['photos'] {
  const problem = checkPhotos(photos);
  return problem ? PHOTO_PROBLEMS[problem] : undefined;
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
