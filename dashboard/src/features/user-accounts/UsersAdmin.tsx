import { useTranslation } from 'react-i18next';

/** Admin section "users": being built. */
export function UsersAdmin() {
  const { t } = useTranslation();
  return <p className="admin-empty">{t('placeholder.comingSoon')}</p>;
}
