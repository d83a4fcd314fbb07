/**
 * The minimum password policy: long enough, not only one kind of character, not the user's own
 * name, not a password already published (the demo's) or among the commonest. Length over
 * composition, after NIST SP 800-63B; the letters-and-digits rule is what 等保 reviewers ask for.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

/** Passwords anyone can guess first: the commonest, and every one this repository publishes. */
const FORBIDDEN = new Set([
  'whistle123',
  'whistle1234',
  'password123',
  'password1234',
  'qwerty12345',
  '1qaz2wsx3edc',
  'abc1234567',
  'a123456789',
  'admin12345',
  'admin123456',
  'iloveyou123',
  'woaini1314',
  'changeme123',
]);

/** The problems with a proposed password, as messages for its field; empty when it is acceptable. */
export function passwordProblems(password: string, username: string): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) {
    problems.push(`must be at least ${PASSWORD_MIN_LENGTH} characters long`);
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    problems.push(`must be at most ${PASSWORD_MAX_LENGTH} characters long`);
  }
  const hasLetter = /\p{L}/u.test(password);
  const hasOther = /[^\p{L}]/u.test(password);
  if (!hasLetter || !hasOther) problems.push('must mix letters with digits or symbols');
  const lower = password.toLowerCase();
  if (username && lower.includes(username.toLowerCase())) problems.push('must not contain the user name');
  if (FORBIDDEN.has(lower)) problems.push('is too common; choose another');
  return problems;
}
