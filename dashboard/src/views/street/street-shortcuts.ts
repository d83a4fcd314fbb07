import { listShortcuts, pressShortcut, searchShortcut } from '../../lib/keyboard/list-shortcuts';
import { useShortcuts } from '../../lib/keyboard/useShortcuts';

const INCIDENT_ROW = '[data-testid="incident-row"]';
/** A task's title button is what opens it, so the keyboard moves through those. */
const TASK_ROW = '[data-testid="task-row"] button.row-title';
/** The task the keyboard is on first, then the open incident's dispatches on the right. */
const action = (name: string) => [
  `[data-testid="task-row"]:focus-within [data-testid="action-${name}"]`,
  `.split__detail [data-testid="action-${name}"]`,
];

/**
 * The street console's keys: j/k (↑/↓) through the list on screen, Enter opens, / searches the
 * incidents, n registers one, and a / r / s / v accept, report arrival, resolve and verify —
 * pressing the real buttons of the focused task or of the open incident's dispatches.
 */
export function useStreetShortcuts(pane: 'incidents' | 'tasks') {
  useShortcuts([
    ...listShortcuts(pane === 'incidents' ? INCIDENT_ROW : TASK_ROW),
    pressShortcut(['a'], 'ops.keys.acceptTask', action('accept')),
    pressShortcut(['r'], 'ops.keys.arrive', action('arrive')),
    pressShortcut(['s'], 'ops.keys.resolve', action('resolve')),
    pressShortcut(['v'], 'ops.keys.verify', action('verify')),
    searchShortcut('.filters__q'),
    {
      ...pressShortcut(['n'], 'ops.keys.newIncident', ['[data-testid="register-incident"]']),
      group: 'general',
    },
  ]);
}
