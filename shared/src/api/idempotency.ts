/**
 * A request that creates something may carry this header: a repeat with the same key (a retried or
 * double-submitted dialog) gets the first answer instead of creating a second time. The client makes
 * one key per submit action (a dialog), and keeps it for that action's retries.
 */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

/** Set on an answer that is the stored first answer to an earlier request with the same key. */
export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';

/** 1–255 visible ASCII characters from a safe set; a UUID fits. */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9._:~+/=-]{1,255}$/;
export const IDEMPOTENCY_KEY_MAX_LENGTH = 255;
