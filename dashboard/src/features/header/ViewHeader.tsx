import { useTranslation } from 'react-i18next';
import { LanguageToggle } from '../../lib/ui/LanguageToggle';
import { ConnectionIndicator } from '../live/ConnectionIndicator';
import { useSignedIn } from '../session/SessionProvider';
import { UserMenu } from '../session/UserMenu';

/** The top bar of the desk views: which view, who is signed in, connection, language, account menu. */
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
      <LanguageToggle />
      <UserMenu />
    </header>
  );
}
