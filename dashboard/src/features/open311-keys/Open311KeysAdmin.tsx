import { useTranslation } from 'react-i18next';

/** Admin section "open311-keys": being built. */
export function Open311KeysAdmin() {
  const { t } = useTranslation();
  return <p className="admin-empty">{t('placeholder.comingSoon')}</p>;
}
