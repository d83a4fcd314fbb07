import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { insertPhrase } from './reply-templates';
import { useReplyTemplates } from './useReplyTemplates';

/** 常用语 under a reason or note field: click a phrase to insert it; add or remove phrases in place. */
export function ReplyTemplates({ value, onChange }: { value: string; onChange: (next: string) => void }) {
  const { t, i18n } = useTranslation();
  const templates = useReplyTemplates();
  const [draft, setDraft] = useState('');
  const [editing, setEditing] = useState(false);
  const separator = i18n.language === 'en' ? '; ' : '，';
  return (
    <div className="templates" aria-label={t('desk.templates.title')}>
      <div className="templates__head">
        <span className="muted">{t('desk.templates.title')}</span>
        <button type="button" className="link" onClick={() => setEditing((e) => !e)}>
          {editing ? t('desk.templates.done') : t('desk.templates.manage')}
        </button>
      </div>
      <div className="templates__list">
        {templates.list.map((phrase) => (
          <span key={phrase} className="dk-chip">
            <button
              type="button"
              className="dk-chip__text"
              onClick={() => onChange(insertPhrase(value, phrase, separator))}
            >
              {phrase}
            </button>
            {editing && (
              <button
                type="button"
                className="dk-chip__remove"
                aria-label={t('desk.templates.remove', { phrase })}
                onClick={() => templates.remove(phrase)}
              >
                ×
              </button>
            )}
          </span>
        ))}
      </div>
      {editing && (
        <div className="templates__add">
          <input
            value={draft}
            maxLength={200}
            placeholder={t('desk.templates.placeholder')}
            aria-label={t('desk.templates.placeholder')}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              // Enter adds the phrase here instead of submitting the surrounding dialog.
              if (e.key === 'Enter') {
                e.preventDefault();
                templates.add(draft);
                setDraft('');
              }
            }}
          />
          <button
            type="button"
            onClick={() => {
              templates.add(draft);
              setDraft('');
            }}
          >
            {t('desk.templates.add')}
          </button>
        </div>
      )}
    </div>
  );
}
