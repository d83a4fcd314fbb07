import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { HELP_KEY, type ShortcutRegistry } from './registry';
import { keyLabel, type Shortcut, type ShortcutGroup } from './shortcuts';
import { useShortcutSheet } from './useShortcuts';
import './keyboard.css';

const GROUPS: readonly ShortcutGroup[] = ['list', 'actions', 'general'];
/** The registry's own key, listed with the view's. */
const HELP_ENTRY: Shortcut = {
  keys: [HELP_KEY],
  description: 'ops.keys.help',
  group: 'general',
  run: () => {},
};

function Keys({ keys }: { keys: readonly string[] }) {
  return (
    <span className="shortcut-keys">
      {keys.map((k, i) => (
        <span key={k}>
          {i > 0 && ' / '}
          <kbd>{keyLabel(k)}</kbd>
        </span>
      ))}
    </span>
  );
}

/** Shortcuts by group, one line per description (a key two views share is listed once, newest). */
function grouped(shortcuts: readonly Shortcut[]): Map<ShortcutGroup, Shortcut[]> {
  const seen = new Set<string>();
  const out = new Map<ShortcutGroup, Shortcut[]>();
  for (const s of [...shortcuts].reverse()) {
    if (seen.has(s.description)) continue;
    seen.add(s.description);
    out.set(s.group, [s, ...(out.get(s.group) ?? [])]);
  }
  return out;
}

/**
 * The `?` sheet: every shortcut the current view registered, in the UI language. Also a small
 * header button that opens it, shown only where the view has shortcuts. Escape or the close
 * button closes it; focus goes back to where it was.
 */
export function ShortcutSheet({ registry }: { registry?: ShortcutRegistry }) {
  const { t } = useTranslation();
  const { shortcuts, open, setOpen } = useShortcutSheet(registry);
  const closeButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const opener = document.activeElement as HTMLElement | null;
    closeButton.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' || event.key === HELP_KEY) {
        event.preventDefault();
        setOpen(false);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      opener?.focus();
    };
    // Only `open` matters: setOpen is a fresh closure each render but always closes this sheet.
  }, [open]);

  if (shortcuts.length === 0) return null;
  const groups = grouped([...shortcuts, HELP_ENTRY]);
  return (
    <>
      <button
        type="button"
        className="shortcut-button"
        title={t('ops.keys.open')}
        aria-label={t('ops.keys.open')}
        data-testid="shortcuts-open"
        onClick={() => setOpen(true)}
      >
        ?
      </button>
      {/* On the body, not inside the header that renders the button (its colours and layout). */}
      {open &&
        createPortal(
          <div
            className="dialog-backdrop"
            onMouseDown={(e) => e.target === e.currentTarget && setOpen(false)}
          >
            <div
              role="dialog"
              aria-modal="true"
              aria-label={t('ops.keys.sheetTitle')}
              className="dialog shortcut-sheet"
              data-testid="shortcut-sheet"
            >
              <h2 className="dialog__title">{t('ops.keys.sheetTitle')}</h2>
              <div className="dialog__body">
                {GROUPS.filter((g) => groups.has(g)).map((group) => (
                  <section key={group}>
                    <h3>{t(`ops.keys.group.${group}`)}</h3>
                    <dl className="shortcut-list">
                      {groups.get(group)?.map((s) => (
                        <div key={s.description} className={s.enabled === false ? 'muted' : undefined}>
                          <dt>
                            <Keys keys={s.keys} />
                          </dt>
                          <dd>{t(s.description)}</dd>
                        </div>
                      ))}
                    </dl>
                  </section>
                ))}
                <p className="muted small">{t('ops.keys.hint')}</p>
              </div>
              <div className="dialog__buttons">
                <button type="button" ref={closeButton} onClick={() => setOpen(false)}>
                  {t('ops.keys.close')}
                </button>
              </div>
            </div>
          </div>,
          document.body,
        )}
    </>
  );
}
