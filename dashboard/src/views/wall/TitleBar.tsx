import { useTranslation } from 'react-i18next';
import { ConnectionIndicator } from '../../live/ConnectionIndicator';
import { LanguageToggle } from '../common/LanguageToggle';
import { useNow } from '../common/useNow';

export function TitleBar() {
  const { t, i18n } = useTranslation();
  const now = new Date(useNow());
  const locale = i18n.language === 'en' ? 'en-GB' : 'zh-CN';
  return (
    <header className="wall-title">
      <div className="wall-title__left">
        <ConnectionIndicator />
      </div>
      <h1>{t('app.title')}</h1>
      <div className="wall-title__right">
        <span className="wall-clock">
          <span className="wall-clock__date">
            {now.toLocaleDateString(locale, {
              year: 'numeric',
              month: '2-digit',
              day: '2-digit',
              weekday: 'short',
            })}
          </span>
          <span className="wall-clock__time">{now.toLocaleTimeString(locale, { hour12: false })}</span>
        </span>
        <LanguageToggle />
      </div>
    </header>
  );
}
