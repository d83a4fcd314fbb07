import { useEffect, useRef, useSyncExternalStore } from 'react';
import { shortcutRegistry, type ShortcutRegistry } from './registry';
import type { Shortcut } from './shortcuts';

/**
 * Registers a view's shortcuts while it is mounted; they run on key presses anywhere in the tab
 * (never while typing or with a dialog open) and are listed on the `?` sheet.
 *
 *   useShortcuts([
 *     { keys: ['a'], description: 'ops.keys.accept', group: 'actions', run: accept, enabled: !!selected },
 *     ...listShortcuts('[data-testid="dispatch-row"]'),
 *   ]);
 *
 * Handlers may be fresh closures every render: the latest one runs. The set is re-registered only
 * when what the sheet shows changes (keys, descriptions, enabled).
 */
export function useShortcuts(
  shortcuts: readonly Shortcut[],
  registry: ShortcutRegistry = shortcutRegistry,
): void {
  const latest = useRef(shortcuts);
  latest.current = shortcuts;
  const signature = shortcuts
    .map((s) => `${s.keys.join(' ')}|${s.description}|${s.group}|${s.enabled !== false}`)
    .join(';');
  useEffect(() => {
    const proxies = latest.current.map((s, i): Shortcut => ({
      ...s,
      run: (event) => latest.current[i]?.run(event),
    }));
    return registry.add(proxies);
  }, [signature, registry]);
}

/** The registered shortcuts and whether the sheet is open, for the sheet and its header button. */
export function useShortcutSheet(registry: ShortcutRegistry = shortcutRegistry) {
  const shortcuts = useSyncExternalStore(registry.subscribe, registry.list);
  const open = useSyncExternalStore(registry.subscribe, registry.isHelpOpen);
  return { shortcuts, open, setOpen: (next: boolean) => registry.setHelpOpen(next) };
}
