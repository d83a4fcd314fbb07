import { useTranslation } from 'react-i18next';
import { setLanguage } from '../../i18n';

export function LanguageToggle() {
  const { t, i18n } = useTranslation();
  return (
    <button
      type="button"
      className="lang-toggle"
      data-testid="language-toggle"
      onClick={() => setLanguage(i18n.language === 'en' ? 'zh-CN' : 'en')}
    >
      {t('common.language')}
    </button>
  );
}
