import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../session/SessionProvider';
import { addTemplate, loadTemplates, removeTemplate, saveTemplates } from './reply-templates';

/** The signed-in user's reply templates, persisted on every change. */
export function useReplyTemplates() {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  const [list, setList] = useState<string[]>(() => {
    const defaults: unknown = t('desk.templates.defaults', { returnObjects: true });
    const phrases = Array.isArray(defaults) ? defaults.filter((p): p is string => typeof p === 'string') : [];
    return loadTemplates(localStorage, user.id, phrases);
  });
  const update = useCallback(
    (next: string[]) => {
      saveTemplates(localStorage, user.id, next);
      setList(next);
    },
    [user.id],
  );
  return {
    list,
    add: (phrase: string) => update(addTemplate(list, phrase)),
    remove: (phrase: string) => update(removeTemplate(list, phrase)),
  };
}
