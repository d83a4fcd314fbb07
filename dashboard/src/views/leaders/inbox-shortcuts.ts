import { listShortcuts, pressShortcut } from '../../lib/keyboard/list-shortcuts';
import { useShortcuts } from '../../lib/keyboard/useShortcuts';

const ROW = '[data-testid="inbox-row"]';
/** The open summons' buttons, in the inbox's detail pane. */
const action = (name: string) => [`.leader-inbox__detail [data-testid="action-${name}"]`];

/**
 * The leaders' view keys, the duty console's: on the inbox j/k (↑/↓) through the summons, Enter
 * opens, a accepts, r reports in (报到), s resolves — pressing the real buttons; [ and ] switch
 * between the cockpit and the inbox.
 */
export function useInboxShortcuts<Tab extends string>({
  tabs,
  tab,
  setTab,
}: {
  tabs: readonly Tab[];
  tab: Tab;
  setTab: (tab: Tab) => void;
}) {
  const step = (by: 1 | -1) => {
    const next = tabs[(tabs.indexOf(tab) + by + tabs.length) % tabs.length];
    if (next) setTab(next);
  };
  const inbox = tab === ('inbox' as Tab);
  useShortcuts([
    ...(inbox
      ? [
          ...listShortcuts(ROW),
          pressShortcut(['a'], 'ops.keys.accept', action('accept')),
          pressShortcut(['r'], 'ops.keys.arrive', action('arrive')),
          pressShortcut(['s'], 'ops.keys.resolve', action('resolve')),
        ]
      : []),
    { keys: [']'], description: 'ops.keys.tabNext', group: 'list', run: () => step(1) },
    { keys: ['['], description: 'ops.keys.tabPrevious', group: 'list', run: () => step(-1) },
  ]);
}
