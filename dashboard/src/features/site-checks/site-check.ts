import type { IncidentView, SiteCheckView } from '@whistle/shared';
import { photoProblem, type DraftProblems } from '../reports/report-draft';

/** What the server accepts (contracts: POST /api/incidents/:id/site-checks). */
export const MAX_SITE_CHECK_NOTE = 500;

export interface SiteCheckDraft {
  /** null until the worker taps 已修复 or 未修复. */
  fixed: boolean | null;
  note: string;
  photos: readonly File[];
}

export interface SiteCheckProblems {
  fixed?: 'required';
  note?: 'required' | 'tooLong';
  photos?: DraftProblems['photos'];
}

export const emptySiteCheck = (): SiteCheckDraft => ({ fixed: null, note: '', photos: [] });

/** Checks a site check before it is sent; empty when it may be sent. A fix that did not hold needs a note. */
export function validateSiteCheck(draft: SiteCheckDraft): SiteCheckProblems {
  const problems: SiteCheckProblems = {};
  if (draft.fixed === null) problems.fixed = 'required';
  const note = draft.note.trim();
  if (note.length > MAX_SITE_CHECK_NOTE) problems.note = 'tooLong';
  else if (draft.fixed === false && note.length === 0) problems.note = 'required';
  const photos = photoProblem(draft.photos);
  if (photos) problems.photos = photos;
  return problems;
}

/**
 * Whether a check belongs to the incident's current round of resolution: a check does not change the
 * incident, so one made before its last change (e.g. resolved again after a reopen) is stale.
 */
export function isCurrentCheck(check: SiteCheckView | null | undefined, incident: IncidentView): boolean {
  return !!check && Date.parse(check.checkedAt) >= Date.parse(incident.updatedAt);
}
