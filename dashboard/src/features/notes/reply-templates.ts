/**
 * Reply templates (常用语): phrases an officer inserts into a reason or note. Kept in localStorage
 * per user — they are personal habits, not shared data, and survive a closed browser (unlike the
 * session). The first use offers the defaults of the user's language.
 */
export interface TemplateStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const MAX_TEMPLATES = 50;
const MAX_LENGTH = 200;

export function templatesKey(userId: string): string {
  return `whistle.replyTemplates.${userId}`;
}

export function loadTemplates(
  storage: TemplateStorage,
  userId: string,
  defaults: readonly string[],
): string[] {
  const raw = storage.getItem(templatesKey(userId));
  if (raw === null) return [...defaults];
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter((p): p is string => typeof p === 'string') : [...defaults];
  } catch {
    return [...defaults];
  }
}

/** Adds a phrase (trimmed, no duplicates, bounded); answers the new list, the input untouched. */
export function addTemplate(list: readonly string[], phrase: string): string[] {
  const text = phrase.trim().slice(0, MAX_LENGTH);
  if (!text || list.includes(text)) return [...list];
  return [...list, text].slice(-MAX_TEMPLATES);
}

export function removeTemplate(list: readonly string[], phrase: string): string[] {
  return list.filter((p) => p !== phrase);
}

export function saveTemplates(storage: TemplateStorage, userId: string, list: readonly string[]): void {
  storage.setItem(templatesKey(userId), JSON.stringify(list));
}

/** Appends a phrase to a field's text, with the language's separator unless the text ends a clause. */
export function insertPhrase(current: string, phrase: string, separator = '，'): string {
  const base = current.trimEnd();
  if (!base) return phrase;
  return /[。，,.;；!！?？]$/.test(base) ? `${base}${phrase}` : `${base}${separator}${phrase}`;
}
