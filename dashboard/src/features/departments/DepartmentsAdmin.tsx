import { useTranslation } from 'react-i18next';

/** Admin section "departments": being built. */
export function DepartmentsAdmin() {
  const { t } = useTranslation();
  return <p className="admin-empty">{t('placeholder.comingSoon')}</p>;
}
