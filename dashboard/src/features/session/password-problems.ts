import type { TFunction } from 'i18next';

/** The server's policy messages (English, server/src/users/password-policy.ts) in the user's language. */
const KNOWN = {
  'is not your current password': 'password.problems.wrongCurrent',
  'must mix letters with digits or symbols': 'password.problems.mix',
  'must not contain the user name': 'password.problems.username',
  'is too common; choose another': 'password.problems.common',
  'must differ from the current password': 'password.problems.same',
} as const;

/** One field's messages from a 400, translated where known and shown as sent otherwise. */
export function passwordProblemText(t: TFunction, message: string): string {
  if (message in KNOWN) return t(KNOWN[message as keyof typeof KNOWN]);
  const min = /^must be at least (\d+) characters long$/.exec(message);
  if (min) return t('password.problems.tooShort', { min: Number(min[1]) });
  const max = /^must be at most (\d+) characters long$/.exec(message);
  if (max) return t('password.problems.tooLong', { max: Number(max[1]) });
  return message;
}
