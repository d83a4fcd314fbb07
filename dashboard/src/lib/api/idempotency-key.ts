import { useRef } from 'react';

/** 128 random bits as hex. getRandomValues, unlike randomUUID, also works on a plain-http LAN address. */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** What identifies a submission: its JSON, with files named by name, size, type and modification time. */
function submissionOf(request: unknown): string {
  return JSON.stringify(request, (_key, value: unknown) =>
    value instanceof File
      ? { file: value.name, size: value.size, type: value.type, modified: value.lastModified }
      : value instanceof Blob
        ? { blob: value.size, type: value.type }
        : value,
  );
}

/**
 * One Idempotency-Key per submission of a dialog: submitting the same thing again (a retry after a
 * lost answer, a double click) reuses the key, so the server creates it once; once the user has
 * changed what they submit, the next submit is a new request with a new key.
 */
export class SubmissionKeys {
  private last: { submission: string; key: string } | null = null;

  keyFor(request: unknown): string {
    const submission = submissionOf(request);
    if (this.last?.submission !== submission) this.last = { submission, key: newIdempotencyKey() };
    return this.last.key;
  }
}

/** A dialog's (or form's) keys, kept for as long as it is open. */
export function useSubmissionKeys(): SubmissionKeys {
  const keys = useRef<SubmissionKeys | null>(null);
  keys.current ??= new SubmissionKeys();
  return keys.current;
}
