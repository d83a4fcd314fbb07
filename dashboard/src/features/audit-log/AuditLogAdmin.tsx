import { useTranslation } from 'react-i18next';

/** Admin section "audit": being built. */
export function AuditLogAdmin() {
  const { t } = useTranslation();
  return <p className="admin-empty">{t('placeholder.comingSoon')}</p>;
}
