import { useTranslation } from 'react-i18next';

/** Admin section "timer-rules": being built. */
export function TimerRulesAdmin() {
  const { t } = useTranslation();
  return <p className="admin-empty">{t('placeholder.comingSoon')}</p>;
}
