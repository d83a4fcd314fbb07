import type { Shortcut } from '../../lib/keyboard/shortcuts';
import { listShortcuts, pressShortcut } from '../../lib/keyboard/list-shortcuts';
import { useShortcuts } from '../../lib/keyboard/useShortcuts';

/** Rows the keyboard moves through on each tab (the standing register opens nothing). */
const ROWS = {
  dispatches: '[data-testid="desk-row"]',
  incidents: '[data-testid="desk-incident-row"]',
  tasks: '[data-testid="task-row"]',
} as const;
/** The selected dispatch's buttons, in the pane on the right. */
const detail = (testId: string) => [`.split__detail [data-testid="${testId}"]`];

export type DeskTab = 'dispatches' | 'incidents' | 'standing' | 'tasks';

/**
 * The district desk's keys: j/k (↑/↓) through the list on screen, Enter opens; on the selected
 * dispatch d 督办, m reassigns (改派), h puts its incident on the register (挂账, also on the
 * selected incident), c cancels — each
 * presses the real button, so dialogs and refusals are the mouse's. Escalating to a 攻坚哨 has no
 * key: it blows the whistle at once, and a stray key must not summon a leader;
 * / focuses the street filter; [ and ] switch tabs.
 */
export function useDeskShortcuts({
  tabs,
  tab,
  setTab,
}: {
  tabs: readonly DeskTab[];
  tab: DeskTab;
  setTab: (tab: DeskTab) => void;
}) {
  const step = (by: 1 | -1) => {
    const next = tabs[(tabs.indexOf(tab) + by + tabs.length) % tabs.length];
    if (next) setTab(next);
  };
  const filter: Shortcut = {
    keys: ['/'],
    description: 'ops.keys.filter',
    group: 'general',
    enabled: tab === 'dispatches' || tab === 'incidents',
    run: () => document.querySelector<HTMLSelectElement>('[data-testid="filter-street"]')?.focus(),
  };
  useShortcuts([
    ...(tab === 'standing' ? [] : listShortcuts(ROWS[tab])),
    pressShortcut(['d'], 'ops.keys.supervise', detail('desk-supervise')),
    pressShortcut(['m'], 'ops.keys.reassign', detail('desk-reassign')),
    pressShortcut(['h'], 'ops.keys.standing', [...detail('desk-standing'), ...detail('incident-standing')]),
    pressShortcut(['c'], 'ops.keys.cancel', detail('action-cancel')),
    filter,
    { keys: [']'], description: 'ops.keys.tabNext', group: 'list', run: () => step(1) },
    { keys: ['['], description: 'ops.keys.tabPrevious', group: 'list', run: () => step(-1) },
  ]);
}
