import { useTranslation } from 'react-i18next';
import { CATEGORIES, WHISTLE_TYPE_NAMES, type WhistleType } from '@whistle/shared';

interface Bilingual {
  nameZh: string;
  nameEn: string;
}

/** Names of domain objects come from shared (categories, whistle types) or the server, never from i18n files. */
export function useNames() {
  const { i18n } = useTranslation();
  const english = i18n.language === 'en';
  const name = (item: Bilingual | undefined, fallback = '—'): string =>
    item ? (english ? item.nameEn : item.nameZh) : fallback;
  return {
    name,
    category: (code: string) =>
      name(
        CATEGORIES.find((c) => c.code === code),
        code,
      ),
    whistleType: (type: WhistleType) => name(WHISTLE_TYPE_NAMES[type]),
    /** Dates and times in the UI language, whatever the browser's own locale is. */
    dateTime: (iso: string) => new Date(iso).toLocaleString(english ? 'en-GB' : 'zh-CN', { hour12: false }),
  };
}
