import { useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ReturnState } from './RequireAuth';
import { useSession } from './SessionProvider';

/** 账号 ▾: change password, sign out, sign out everywhere. Closes on Escape and outside clicks. */
export function UserMenu() {
  const { t } = useTranslation();
  const { logout, logoutEverywhere } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const outside = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const escape = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    document.addEventListener('keydown', escape);
    return () => {
      document.removeEventListener('pointerdown', outside);
      document.removeEventListener('keydown', escape);
    };
  }, [open]);

  const everywhere = async () => {
    setBusy(true);
    setFailed(false);
    try {
      await logoutEverywhere();
    } catch {
      setFailed(true);
      setBusy(false);
    }
  };

  return (
    <div className="user-menu" ref={root}>
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        data-testid="user-menu"
        onClick={() => setOpen((o) => !o)}
      >
        {t('userMenu.open')} ▾
      </button>
      {open && (
        <div className="user-menu__list" role="menu">
          <button
            type="button"
            role="menuitem"
            onClick={() =>
              void navigate('/password', { state: { from: location.pathname } satisfies ReturnState })
            }
          >
            {t('userMenu.changePassword')}
          </button>
          <button type="button" role="menuitem" onClick={logout}>
            {t('userMenu.logout')}
          </button>
          <button type="button" role="menuitem" disabled={busy} onClick={() => void everywhere()}>
            {t('userMenu.logoutEverywhere')}
          </button>
          {failed && (
            <p className="error" role="alert">
              {t('userMenu.failed')}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
