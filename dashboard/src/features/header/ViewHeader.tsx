import { useTranslation } from 'react-i18next';
import { ShortcutSheet } from '../../lib/keyboard/ShortcutSheet';
import { LanguageToggle } from '../../lib/ui/LanguageToggle';
import { ALERTED_ROLES, AlertToggle } from '../alerts/AlertToggle';
import { ConnectionIndicator } from '../live/ConnectionIndicator';
import { useSignedIn } from '../session/SessionProvider';
import { UserMenu } from '../session/UserMenu';

/**
 * The top bar of the desk views: which view, who is signed in, connection, the alert switch (for
 * roles that get alerts), the `?` shortcuts button (where the view has shortcuts), language,
 * account menu.
 */
export function ViewHeader({ title }: { title: string }) {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  return (
    <header className="view-header">
      <h1>{title}</h1>
      <ConnectionIndicator />
      <span className="view-header__user" data-testid="current-user">
        {user.displayName} · {t(`role.${user.role}`)}
      </span>
      {ALERTED_ROLES.includes(user.role) && <AlertToggle />}
      <ShortcutSheet />
      <LanguageToggle />
      <UserMenu />
    </header>
  );
}
