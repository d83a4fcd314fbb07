import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Loading / error / empty states of a list, so each view only renders the happy path. */
export function QueryState(props: { loading: boolean; error: boolean; empty: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  if (props.loading) return <p className="muted">{t('common.loading')}</p>;
  if (props.error) return <p className="error">{t('common.loadFailed')}</p>;
  if (props.empty) return <p className="muted">{t('common.empty')}</p>;
  return <>{props.children}</>;
}
