import type { TFunction } from 'i18next';

/** A short human duration ("3分", "1小时5分") for countdowns and "offline since". */
export function formatDuration(t: TFunction, ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return t('duration.seconds', { count: seconds });
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return t('duration.minutes', { count: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return t('duration.hours', { count: hours, minutes: minutes % 60 });
  return t('duration.days', { count: Math.floor(hours / 24), hours: hours % 24 });
}
