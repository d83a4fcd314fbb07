import type { TFunction } from 'i18next';
import type { MessageParams } from '@whistle/shared';

/** What t() answers for a key it has not, so the server's own words can stand in. */
const MISSING = '\u0000missing';

/**
 * A message the server sends as a code with params, in the UI language from the texts under
 * `prefix` (`prefix.code`). A code the UI has no text for — a newer server's — shows the server's
 * English `message`, never a bare key.
 */
export function codedMessageText(
  t: TFunction,
  prefix: string,
  coded: { code?: string; params?: MessageParams; message: string },
  extra: Record<string, string> = {},
): string {
  if (!coded.code) return coded.message;
  // The key is computed from the server's code; the typed t() cannot follow it.
  const text = t as unknown as (key: string, options: Record<string, unknown>) => string;
  // Params go under `replace`: as options, `lng` (a longitude) would pick the language.
  const said = text(`${prefix}.${coded.code}`, {
    replace: { ...coded.params, ...extra },
    defaultValue: MISSING,
  });
  return said === MISSING ? coded.message : said;
}
