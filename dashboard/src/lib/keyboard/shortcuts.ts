import type { ParseKeys } from 'i18next';

/**
 * Keyboard shortcuts of the consoles, as data: which keys, what they do (an i18n key, listed on
 * the `?` sheet) and the handler. The rules for when a key press is NOT a shortcut live here too,
 * so every view behaves the same.
 */
export type ShortcutGroup = 'list' | 'actions' | 'general';

export interface Shortcut {
  /** Values of KeyboardEvent.key: 'j', 'ArrowDown', 'Enter', '/', '?'. Letters match either case. */
  keys: readonly string[];
  /** i18n key of what the shortcut does, e.g. 'ops.keys.accept'. */
  description: ParseKeys;
  group: ShortcutGroup;
  run: (event: KeyboardEvent) => void;
  /** Listed but inert when false (nothing selected, say). Defaults to true. */
  enabled?: boolean;
}

const TYPING_SELECTOR = 'input, textarea, select, [contenteditable=""], [contenteditable="true"]';
/** A modal open anywhere: the page behind it must not react to keys. */
const DIALOG_SELECTOR = '[role="dialog"][aria-modal="true"], [role="alertdialog"], dialog[open]';

/** Whether the key press is typing into a field (where j, / and ? are letters, not commands). */
export function isTyping(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest(TYPING_SELECTOR) !== null;
}

export function isDialogOpen(doc: Document = document): boolean {
  return doc.querySelector(DIALOG_SELECTOR) !== null;
}

/**
 * Key presses that are never shortcuts: typing in a field, with a dialog open, with Ctrl, Alt or
 * ⌘ held (the browser's and the system's own), during IME composition (Chinese input), or
 * already handled by the element itself (a focused row opening on Enter).
 */
export function ignoresShortcuts(event: KeyboardEvent, doc: Document = document): boolean {
  return (
    event.defaultPrevented ||
    event.isComposing ||
    event.ctrlKey ||
    event.metaKey ||
    event.altKey ||
    isTyping(event.target) ||
    isDialogOpen(doc)
  );
}

export function matchesKey(shortcut: Pick<Shortcut, 'keys'>, event: Pick<KeyboardEvent, 'key'>): boolean {
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  return shortcut.keys.some((k) => (k.length === 1 ? k.toLowerCase() : k) === key);
}

const KEY_LABELS: Record<string, string> = {
  ArrowDown: '↓',
  ArrowUp: '↑',
  ArrowLeft: '←',
  ArrowRight: '→',
  Enter: 'Enter',
  Escape: 'Esc',
  ' ': 'Space',
};

/** How a key is written on the sheet: ↓ for ArrowDown, letters as they are. */
export function keyLabel(key: string): string {
  return KEY_LABELS[key] ?? key;
}
