import { useTranslation } from 'react-i18next';
import { useSession, useSignedIn } from '../../api/SessionProvider';
import { ConnectionIndicator } from '../../live/ConnectionIndicator';
import { LanguageToggle } from './LanguageToggle';

/** The top bar of the desk views: which view, who is signed in, connection, language, sign out. */
export function ViewHeader({ title }: { title: string }) {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  const { logout } = useSession();
  return (
    <header className="view-header">
      <h1>{title}</h1>
      <ConnectionIndicator />
      <span className="view-header__user" data-testid="current-user">
        {user.displayName} · {t(`role.${user.role}`)}
      </span>
      <LanguageToggle />
      <button type="button" onClick={logout}>
        {t('common.logout')}
      </button>
    </header>
  );
}
