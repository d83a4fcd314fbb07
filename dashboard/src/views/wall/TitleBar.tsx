import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ConnectionIndicator } from '../../features/live/ConnectionIndicator';
import { LanguageToggle } from '../../lib/ui/LanguageToggle';
import { chinaClock, CHINA_ZONE } from '../../lib/china-time';
import { useNow } from '../../lib/useNow';
import { FullscreenButton } from './FullscreenButton';

/**
 * The clock's date in words with its weekday (in the UI language), in China time whatever the
 * browser's zone; made once per language: the clock renders every second for days. The time is
 * chinaClock's 16:37:05.
 */
const dateFormat = (locale: string) =>
  new Intl.DateTimeFormat(locale, {
    timeZone: CHINA_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    weekday: 'short',
  });

export function TitleBar() {
  const { t, i18n } = useTranslation();
  const now = new Date(useNow());
  const locale = i18n.language === 'en' ? 'en-GB' : 'zh-CN';
  const date = useMemo(() => dateFormat(locale), [locale]);
  return (
    <header className="wall-title">
      <div className="wall-title__left">
        <ConnectionIndicator />
      </div>
      <h1>{t('app.title')}</h1>
      <div className="wall-title__right">
        <span className="wall-clock">
          <span className="wall-clock__date" data-testid="wall-date">
            {date.format(now)}
          </span>
          <span className="wall-clock__time" data-testid="wall-clock">
            {chinaClock(now)}
          </span>
        </span>
        <LanguageToggle />
        <FullscreenButton />
      </div>
    </header>
  );
}
