import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ConnectionIndicator } from '../../features/live/ConnectionIndicator';
import { LanguageToggle } from '../../lib/ui/LanguageToggle';
import { useNow } from '../../lib/useNow';

/**
 * The clock's formatters, made once per language: toLocale…String with options builds a new
 * formatter on every call, and the clock renders every second for days.
 */
const clockFormats = (locale: string) => ({
  date: new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    weekday: 'short',
  }),
  time: new Intl.DateTimeFormat(locale, {
    hour12: false,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }),
});

export function TitleBar() {
  const { t, i18n } = useTranslation();
  const now = new Date(useNow());
  const locale = i18n.language === 'en' ? 'en-GB' : 'zh-CN';
  const format = useMemo(() => clockFormats(locale), [locale]);
  return (
    <header className="wall-title">
      <div className="wall-title__left">
        <ConnectionIndicator />
      </div>
      <h1>{t('app.title')}</h1>
      <div className="wall-title__right">
        <span className="wall-clock">
          <span className="wall-clock__date">{format.date.format(now)}</span>
          <span className="wall-clock__time">{format.time.format(now)}</span>
        </span>
        <LanguageToggle />
      </div>
    </header>
  );
}
