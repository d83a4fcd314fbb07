import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  STAGES,
  WHISTLE_TYPES,
  type BlowWhistleRequest,
  type IncidentView,
  type WhistleType,
  type WhistleView,
} from '@whistle/shared';
import { useNames } from '../../i18n/names';
import { formatDuration } from '../../lib/duration';
import { FormDialog } from '../../lib/ui/FormDialog';
import { useNow } from '../../lib/useNow';
import { useDeskPost } from '../incidents/incident-queries';
import { useDepartments } from '../reference/reference-queries';
import { chinaDateTime } from '../../lib/china-time';
import { useTimerRules } from './timer-rules';
import { orderDepartments, previewDeadlines, suggestedDepartmentIds } from './whistle-plan';

/**
 * 吹哨: the whistle type, the departments to summon (the category's usual ones pre-checked, any
 * other selectable) and, before sending, the stage deadlines the timer rules will give them.
 */
export function WhistleDialog({ incident, onClose }: { incident: IncidentView; onClose: () => void }) {
  const { t } = useTranslation();
  const names = useNames();
  const departments = useDepartments();
  const rules = useTimerRules();
  const now = useNow(30_000);
  const [type, setType] = useState<WhistleType>(incident.priority === 'urgent' ? 'emergency' : 'enforcement');
  const [picked, setPicked] = useState<ReadonlySet<string> | null>(null);
  const [note, setNote] = useState('');
  const [touched, setTouched] = useState(false);
  const blow = useDeskPost<BlowWhistleRequest, WhistleView>(
    () => `/incidents/${incident.id}/whistles`,
    (body) => body,
    { creates: true },
  );

  const all = departments.data ?? [];
  // Until the officer touches a box, the selection is the category's suggestion.
  const selected = picked ?? new Set(suggestedDepartmentIds(incident.category, all));
  const ordered = orderDepartments(incident.category, all);
  const suggested = new Set(suggestedDepartmentIds(incident.category, all));
  const deadlines = rules.data ? previewDeadlines(rules.data, type, incident.priority, new Date(now)) : null;

  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setPicked(next);
  };

  const submit = () => {
    setTouched(true);
    if (selected.size === 0) return;
    blow.mutate(
      { type, departmentIds: [...selected], ...(note.trim() ? { note: note.trim() } : {}) },
      { onSuccess: onClose },
    );
  };

  return (
    <FormDialog
      title={t('street.whistle.title')}
      onClose={onClose}
      onSubmit={submit}
      submitLabel={t('street.whistle.submit')}
      submitting={blow.isPending}
      submitTestId="whistle-submit"
      wide
      error={blow.error}
    >
      <p className="muted">
        {incident.title} · {names.category(incident.category)} · {t(`priority.${incident.priority}`)}
      </p>
      <label className="dk-field">
        <span>{t('street.whistle.type')}</span>
        <select
          data-testid="whistle-type"
          value={type}
          onChange={(e) => setType(e.target.value as WhistleType)}
        >
          {WHISTLE_TYPES.map((w) => (
            <option key={w} value={w}>
              {names.whistleType(w)}
            </option>
          ))}
        </select>
      </label>
      <div className="deadline-preview" data-testid="deadline-preview">
        <strong>{t('street.whistle.preview')}</strong>
        {deadlines ? (
          <ul>
            {STAGES.map((stage) => {
              const at =
                stage === 'accept'
                  ? deadlines.acceptBy
                  : stage === 'arrive'
                    ? deadlines.arriveBy
                    : deadlines.resolveBy;
              return (
                <li key={stage} data-stage={stage}>
                  {t(`stage.${stage}`)}
                  {t('desk.colon')}
                  {formatDuration(t, at.getTime() - now)} ({chinaDateTime(at.toISOString())})
                </li>
              );
            })}
          </ul>
        ) : (
          <span className="muted"> {t('common.loading')}</span>
        )}
      </div>
      {type === 'tough' && <p className="muted small">{t('street.whistle.toughHint')}</p>}
      <fieldset className="dk-field">
        <legend>
          {t('street.whistle.departments', { count: selected.size })} <span className="required">*</span>
        </legend>
        <div className="dept-grid">
          {ordered.map((d) => (
            <label key={d.id} className={suggested.has(d.id) ? 'dept dept--suggested' : 'dept'}>
              <input
                type="checkbox"
                data-testid={`whistle-dept-${d.code}`}
                checked={selected.has(d.id)}
                onChange={() => toggle(d.id)}
              />
              {names.name(d)}
              {suggested.has(d.id) && (
                <span className="badge badge--blue">{t('street.whistle.suggested')}</span>
              )}
            </label>
          ))}
        </div>
      </fieldset>
      {touched && selected.size === 0 && (
        <p className="dk-field-error" role="alert">
          {t('street.whistle.pickOne')}
        </p>
      )}
      <label className="dk-field">
        <span>{t('street.whistle.note')}</span>
        <textarea rows={2} value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
      </label>
    </FormDialog>
  );
}
