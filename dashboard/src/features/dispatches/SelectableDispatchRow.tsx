import type { ReactNode } from 'react';
import type { DispatchView } from '@whistle/shared';
import { SelectableRow } from '../../lib/ui/SelectableRow';

interface SelectableDispatchRowProps {
  dispatch: DispatchView;
  /** The table's own row test id (`dispatch-row`, `desk-row`, `inbox-row`). */
  testId: string;
  selected: boolean;
  /** Alerted since the user last opened it. */
  fresh: boolean;
  /** Its running stage is past due, as the table's own clock column judges it. */
  overdue: boolean;
  onOpen: (id: string) => void;
  children: ReactNode;
}

/**
 * A dispatch in a list the user works through (the duty inbox, the district desk, the leaders'
 * inbox): `data-dispatch-id` names it for the keyboard shortcuts and the browser tests.
 */
export function SelectableDispatchRow({ dispatch, onOpen, ...row }: SelectableDispatchRowProps) {
  return (
    <SelectableRow {...row} data={{ 'data-dispatch-id': dispatch.id }} onOpen={() => onOpen(dispatch.id)} />
  );
}
