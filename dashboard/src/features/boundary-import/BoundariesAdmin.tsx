import { useTranslation } from 'react-i18next';

/** Admin section "boundaries": being built. */
export function BoundariesAdmin() {
  const { t } = useTranslation();
  return <p className="admin-empty">{t('placeholder.comingSoon')}</p>;
}
