import { INBOX_TABS, type InboxTab } from '../../features/dispatches/inbox';
import { listShortcuts, pressShortcut } from '../../lib/keyboard/list-shortcuts';
import { useShortcuts } from '../../lib/keyboard/useShortcuts';

const ROW = '[data-testid="dispatch-row"]';
/** The open dispatch's buttons, in the detail pane on the right. */
const action = (name: string) => `.split__detail [data-testid="action-${name}"]`;

/**
 * The duty console's keys: j/k (↑/↓) through the inbox, Enter opens, a accepts, r reports
 * arrival, s resolves the open dispatch (each presses the real button, so a refused action shows
 * the API's answer as a click would), [ and ] switch tabs.
 */
export function useDutyShortcuts({ tab, setTab }: { tab: InboxTab; setTab: (tab: InboxTab) => void }) {
  const step = (by: 1 | -1) => {
    const at = INBOX_TABS.indexOf(tab);
    const next = INBOX_TABS[(at + by + INBOX_TABS.length) % INBOX_TABS.length];
    if (next) setTab(next);
  };
  useShortcuts([
    ...listShortcuts(ROW),
    pressShortcut(['a'], 'ops.keys.accept', [action('accept')]),
    pressShortcut(['r'], 'ops.keys.arrive', [action('arrive')]),
    pressShortcut(['s'], 'ops.keys.resolve', [action('resolve')]),
    { keys: [']'], description: 'ops.keys.tabNext', group: 'list', run: () => step(1) },
    { keys: ['['], description: 'ops.keys.tabPrevious', group: 'list', run: () => step(-1) },
  ]);
}
