import { useTranslation } from 'react-i18next';

/** Admin section "hotline-import": being built. */
export function HotlineImportAdmin() {
  const { t } = useTranslation();
  return <p className="admin-empty">{t('placeholder.comingSoon')}</p>;
}
