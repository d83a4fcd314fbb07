import { useTranslation } from 'react-i18next';

/** Admin section "admission": being built. */
export function AdmissionAdmin() {
  const { t } = useTranslation();
  return <p className="admin-empty">{t('placeholder.comingSoon')}</p>;
}
