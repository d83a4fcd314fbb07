import { useTranslation } from 'react-i18next';
import { ViewHeader } from '../../features/header/ViewHeader';
import '../../styles/desk.css';

/** 区指挥中心工作台: being built. */
export function CommandDeskPage() {
  const { t } = useTranslation();
  return (
    <div className="desk" data-testid="view-desk">
      <ViewHeader title={t('command.title')} />
      <p className="muted">{t('placeholder.comingSoon')}</p>
    </div>
  );
}
