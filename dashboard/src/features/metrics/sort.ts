export type SortDirection = 'asc' | 'desc';
export type SortValue = string | number | null;

export interface SortState<K extends string> {
  column: K;
  direction: SortDirection;
}

/**
 * Sorted copy of `rows` by one column. Missing values (null: no data in the period) go last in
 * either direction, so "best first" never starts with departments that had nothing to do; ties
 * keep their incoming order. Strings compare in the given locale (pinyin order for zh-CN).
 */
export function sortRows<T>(
  rows: readonly T[],
  value: (row: T) => SortValue,
  direction: SortDirection,
  locale = 'zh-CN',
): T[] {
  const sign = direction === 'asc' ? 1 : -1;
  const collator = new Intl.Collator(locale);
  return rows
    .map((row, index) => ({ row, index, key: value(row) }))
    .sort((a, b) => {
      if (a.key === null || b.key === null) {
        if (a.key === b.key) return a.index - b.index;
        return a.key === null ? 1 : -1;
      }
      const order =
        typeof a.key === 'number' && typeof b.key === 'number'
          ? a.key - b.key
          : collator.compare(String(a.key), String(b.key));
      return order === 0 ? a.index - b.index : sign * order;
    })
    .map((entry) => entry.row);
}

/** Clicking a column: a new column starts in its natural direction, the same one flips. */
export function nextSort<K extends string>(
  current: SortState<K>,
  column: K,
  naturalDirection: SortDirection,
): SortState<K> {
  if (current.column !== column) return { column, direction: naturalDirection };
  return { column, direction: current.direction === 'asc' ? 'desc' : 'asc' };
}
