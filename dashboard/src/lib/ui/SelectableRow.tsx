import type { KeyboardEvent, ReactNode } from 'react';

/** `data-*` attributes naming what a row shows, for shortcuts and tests (`data-dispatch-id`). */
export type RowData = Record<`data-${string}`, string>;

interface SelectableRowProps {
  /** Each list keeps its own row test id: its keyboard shortcuts and the browser tests find rows by it. */
  testId: string;
  data: RowData;
  selected: boolean;
  /** Alerted since the user last opened it: highlighted until opened. */
  fresh?: boolean;
  /** Past due, as the list's own clock column judges it (so the two agree). */
  overdue: boolean;
  onOpen: () => void;
  /** The list's cells. */
  children: ReactNode;
}

/**
 * One item of a list the user works through, opened beside the list by a click, Enter or Space;
 * the row shows whether it is open, new to the user and overdue.
 */
export function SelectableRow({
  testId,
  data,
  selected,
  fresh = false,
  overdue,
  onOpen,
  children,
}: SelectableRowProps) {
  const onKeyDown = (e: KeyboardEvent<HTMLTableRowElement>) => {
    if (e.key === 'Enter' || e.key === ' ') {
      // Space would otherwise scroll the list.
      e.preventDefault();
      onOpen();
    }
  };
  return (
    <tr
      {...data}
      data-testid={testId}
      data-overdue={overdue ? 'true' : 'false'}
      className={[selected && 'row--selected', fresh && 'row--fresh', overdue && 'row--overdue']
        .filter(Boolean)
        .join(' ')}
      tabIndex={0}
      aria-selected={selected}
      onClick={onOpen}
      onKeyDown={onKeyDown}
    >
      {children}
    </tr>
  );
}
