import { useTranslation } from 'react-i18next';
import { ViewHeader } from '../../features/header/ViewHeader';
import '../../styles/desk.css';

/** 月度考核: being built. */
export function MonthlyReportPage() {
  const { t } = useTranslation();
  return (
    <div className="desk" data-testid="view-report">
      <ViewHeader title={t('report.title')} />
      <p className="muted">{t('placeholder.comingSoon')}</p>
    </div>
  );
}
