import type { TFunction } from 'i18next';

type Key = keyof typeof import('../../i18n/areas/field-messages').fieldMessagesZh;

/**
 * Known server messages (class-validator's defaults, which start with the field's name, and the
 * server's own short ones) → the key of their words in the UI language, with their numbers.
 * Order matters: the first match wins.
 */
const PATTERNS: readonly [RegExp, Key, ((m: RegExpMatchArray) => Record<string, string>)?][] = [
  [/should not be empty$/, 'required'],
  [/must be longer than or equal to (\d+) characters$/, 'tooShort', (m) => ({ n: m[1] })],
  [/must be shorter than or equal to (\d+) characters$/, 'tooLong', (m) => ({ n: m[1] })],
  [/must be one of the following values: (.*)$/, 'oneOf', (m) => ({ values: m[1] })],
  [/must contain at least (\d+) elements?$/, 'atLeastItems', (m) => ({ n: m[1] })],
  [/must contain no more than (\d+) elements?$/, 'atMostItems', (m) => ({ n: m[1] })],
  [/must not be less than (-?[\d.]+)$/, 'min', (m) => ({ n: m[1] })],
  [/must not be greater than (-?[\d.]+)$/, 'max', (m) => ({ n: m[1] })],
  [/should not exist$/, 'unknownField'],
  [/must be a valid ISO 8601 date string$/, 'dateTime'],
  [/must be a date as YYYY-MM-DD$/, 'date'],
  [/must be a calendar month as YYYY-MM$/, 'month'],
  [/must not be blank$/, 'blank'],
  [/must be an integer number$/, 'integer'],
  [/must be a number conforming to the specified constraints$/, 'number'],
  [/must be a boolean value$/, 'boolean'],
  [/must be an array$/, 'list'],
  [/must be a string$/, 'text'],
  [/must be a UUID$|must be an? (?:valid )?(?:email|url|phone number)/, 'invalidFormat'],
  [/must be 3–64 lower-case letters/, 'username'],
  [/must be 2–32 lower-case letters, digits or dashes/, 'departmentCode'],
  [/^is taken$|already (?:taken|exists|in use)$/, 'taken'],
  [/^names (?:no|a) \w+(?: that does not exist)?$/, 'noSuch'],
  [/^is not your current password$/, 'wrongPassword'],
  [/^is already summoned by this whistle$/, 'alreadySummoned'],
  [/^is the department the dispatch is with$/, 'sameDepartment'],
  [/^unknown department$/, 'noSuch'],
  [/must match .* regular expression$/, 'invalidFormat'],
];

/** A field message in the UI language where it is one the UI knows; otherwise the server's text. */
export function localizeFieldMessage(t: TFunction, message: string): string {
  // The key is one of PATTERNS' (typed as Key above); the typed t() cannot follow a computed key.
  const text = t as unknown as (key: string, values: Record<string, string>) => string;
  for (const [pattern, key, values] of PATTERNS) {
    const match = message.match(pattern);
    if (match) return text(`fieldMessages.${key}`, values?.(match) ?? {});
  }
  return message;
}
