import { useTranslation } from 'react-i18next';

/**
 * While the refresh cookie is tried at start: the login page's backdrop with no form on it, so a
 * reloaded wall screen does not flash a login form before its view comes back.
 */
export function SessionRestoring() {
  const { t } = useTranslation();
  return (
    <main className="login" aria-busy="true" data-testid="session-restoring">
      <p className="login__wait">{t('session.restoring')}</p>
    </main>
  );
}
