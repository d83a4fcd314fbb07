interface TabStripProps<Tab extends string> {
  tabs: readonly Tab[];
  active: Tab;
  onChange: (tab: Tab) => void;
  label: (tab: Tab) => string;
  /** Each tab's test id is this prefix and its key (`tab-` → `tab-overdue`). */
  testIdPrefix: string;
  /** What waits on each tab; a tab left out shows no count. */
  counts?: Partial<Record<Tab, number>>;
  /** Tabs whose count is an alarm: shown red while it is above zero. */
  alarmTabs?: readonly Tab[];
  ariaLabel?: string;
}

/**
 * The consoles' tab strip (`.tabs` in styles/desk.css, which the console imports): one button per
 * tab with what waits on it, the open one marked for assistive technology as well as by colour.
 */
export function TabStrip<Tab extends string>({
  tabs,
  active,
  onChange,
  label,
  testIdPrefix,
  counts = {},
  alarmTabs = [],
  ariaLabel,
}: TabStripProps<Tab>) {
  return (
    <div className="tabs" role="tablist" aria-label={ariaLabel}>
      {tabs.map((key) => {
        const count = counts[key];
        const alarm = alarmTabs.includes(key) && count !== undefined && count > 0;
        return (
          <button
            key={key}
            type="button"
            role="tab"
            aria-selected={key === active}
            className={['tab', key === active && 'tab--on', alarm && 'tab--alarm'].filter(Boolean).join(' ')}
            data-testid={`${testIdPrefix}${key}`}
            onClick={() => onChange(key)}
          >
            {label(key)}
            {count !== undefined && (
              <>
                {' '}
                <span className="count">{count}</span>
              </>
            )}
          </button>
        );
      })}
    </div>
  );
}
