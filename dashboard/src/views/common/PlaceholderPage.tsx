import { useTranslation } from 'react-i18next';
import { ViewHeader } from './ViewHeader';

/** Views whose first version is still to come (leaders' cockpit, grid worker). */
export function PlaceholderPage({ view }: { view: 'leaders' | 'grid' }) {
  const { t } = useTranslation();
  return (
    <div className="desk">
      <ViewHeader title={t(`view.${view}`)} />
      <main className="desk__main">
        <p className="muted">{t('placeholder.comingSoon')}</p>
      </main>
    </div>
  );
}
