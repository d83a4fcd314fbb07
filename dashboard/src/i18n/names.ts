import { useTranslation } from 'react-i18next';
import { CATEGORIES, WHISTLE_TYPE_NAMES, type WhistleType } from '@whistle/shared';

interface Bilingual {
  nameZh: string;
  nameEn: string;
}

/**
 * Names of domain objects come from shared (categories, whistle types) or the server, never from
 * i18n files. Times are not names: write them with lib/china-time (China time in every language).
 */
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
  };
}
