import type { ParseKeys } from 'i18next';
import type { Shortcut } from './shortcuts';

/**
 * Ready-made shortcuts for a console's list, working on the DOM the list already renders: rows
 * are elements matching `rowSelector` with tabIndex and an onClick that opens them, so moving
 * focuses a row and opening clicks it — the same path as the mouse.
 */
function rows(rowSelector: string, doc: Document): HTMLElement[] {
  return [...doc.querySelectorAll<HTMLElement>(rowSelector)];
}

/** The row the keyboard is on: the focused one, else the open (aria-selected) one. */
export function currentRow(rowSelector: string, doc: Document = document): HTMLElement | null {
  const active = doc.activeElement;
  if (active instanceof HTMLElement && active.matches(rowSelector)) return active;
  return doc.querySelector<HTMLElement>(`${rowSelector}[aria-selected="true"]`);
}

/** Focuses the next (+1) or previous (-1) row, the first or last when none is current. */
export function moveRow(rowSelector: string, step: 1 | -1, doc: Document = document): HTMLElement | null {
  const all = rows(rowSelector, doc);
  if (all.length === 0) return null;
  const current = currentRow(rowSelector, doc);
  const at = current ? all.indexOf(current) : -1;
  const index = at < 0 ? (step === 1 ? 0 : all.length - 1) : Math.min(all.length - 1, Math.max(0, at + step));
  const row = all[index] ?? null;
  row?.focus();
  row?.scrollIntoView?.({ block: 'nearest' });
  return row;
}

/** j / ↓ next, k / ↑ previous, Enter opens the current row. */
export function listShortcuts(rowSelector: string, doc: Document = document): Shortcut[] {
  return [
    {
      keys: ['j', 'ArrowDown'],
      description: 'ops.keys.next',
      group: 'list',
      run: () => void moveRow(rowSelector, 1, doc),
    },
    {
      keys: ['k', 'ArrowUp'],
      description: 'ops.keys.previous',
      group: 'list',
      run: () => void moveRow(rowSelector, -1, doc),
    },
    {
      keys: ['Enter'],
      description: 'ops.keys.openRow',
      group: 'list',
      run: () => currentRow(rowSelector, doc)?.click(),
    },
  ];
}

/** `/` focuses the view's search box. */
export function searchShortcut(selector: string, doc: Document = document): Shortcut {
  return {
    keys: ['/'],
    description: 'ops.keys.search',
    group: 'general',
    run: () => {
      const box = doc.querySelector<HTMLInputElement>(selector);
      box?.focus();
      box?.select();
    },
  };
}

/**
 * A shortcut that presses a button the view shows (an action of the open dispatch, say): the
 * first enabled match of the selectors, tried in order. Pressing the real button keeps one path
 * for mouse and keyboard — its confirmations and dialogs included.
 */
export function pressShortcut(
  keys: readonly string[],
  description: ParseKeys,
  selectors: readonly string[],
  doc: Document = document,
): Shortcut {
  return {
    keys,
    description,
    group: 'actions',
    run: () => {
      for (const selector of selectors) {
        const button = doc.querySelector<HTMLButtonElement>(`${selector}:not([disabled])`);
        if (button) {
          button.click();
          return;
        }
      }
    },
  };
}
