import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  WHISTLE_TYPES,
  type DispatchView,
  type LngLat,
  type Priority,
  type SendTaskRequest,
  type WhistleType,
} from '@whistle/shared';
import { useNames } from '../../i18n/names';
import { FormDialog } from '../../lib/ui/FormDialog';
import { CategoryPriorityFields } from '../incidents/CategoryPriorityFields';
import { useDeskPost } from '../incidents/incident-queries';
import { centreOfGrids } from '../location/centres';
import { LocationField } from '../location/LocationField';
import { checkText } from '../notes/text-limits';
import { useGrids, useStreets } from '../reference/reference-queries';

/** 下派任务: a department sends a task down to a street, located by a map click or the street's centre. */
export function SendTaskDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const names = useNames();
  const streets = useStreets().data ?? [];
  const grids = useGrids().data;
  const [streetId, setStreetId] = useState('');
  const [category, setCategory] = useState('');
  const [priority, setPriority] = useState<Priority>('normal');
  const [type, setType] = useState<WhistleType>('key_work');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [location, setLocation] = useState<LngLat | null>(null);
  const [touched, setTouched] = useState(false);
  const send = useDeskPost<SendTaskRequest, DispatchView>(
    () => '/dispatches/tasks',
    (body) => body,
    { creates: true },
  );

  const centres = useMemo(
    () =>
      streets
        .filter((s) => !streetId || s.id === streetId)
        .map((s) => ({
          id: s.id,
          label: names.name(s),
          point: (grids && centreOfGrids(grids, (p) => p.streetId === s.id)) ?? s.center,
        })),
    [streets, streetId, grids, names],
  );

  const problems = {
    streetId: streetId ? null : 'required',
    category: category ? null : 'required',
    title: checkText(title, 2, 200),
    location: location ? null : 'required',
  } as const;
  const valid = Object.values(problems).every((p) => p === null);

  const submit = () => {
    setTouched(true);
    if (!valid || !location) return;
    send.mutate(
      {
        streetId,
        category,
        priority,
        type,
        title: title.trim(),
        ...(description.trim() ? { description: description.trim() } : {}),
        location,
      },
      { onSuccess: onClose },
    );
  };
  const problem = (key: keyof typeof problems) =>
    touched && problems[key] ? (
      <p className="dk-field-error" role="alert">
        {t(`desk.validation.${problems[key]}`, { min: 2, max: 200 })}
      </p>
    ) : null;

  return (
    <FormDialog
      title={t('duty.sendTask.title')}
      onClose={onClose}
      onSubmit={submit}
      submitLabel={t('duty.sendTask.submit')}
      submitting={send.isPending}
      submitTestId="send-task-submit"
      wide
      error={send.error}
    >
      <div className="form-grid">
        <label className="dk-field">
          <span>
            {t('desk.field.streetId')} <span className="required">*</span>
          </span>
          <select
            value={streetId}
            onChange={(e) => {
              setStreetId(e.target.value);
              setLocation(null);
            }}
          >
            <option value="">{t('desk.location.choose')}</option>
            {streets.map((s) => (
              <option key={s.id} value={s.id}>
                {names.name(s)}
              </option>
            ))}
          </select>
          {problem('streetId')}
        </label>
        <CategoryPriorityFields
          category={category}
          onCategoryChange={setCategory}
          categoryProblem={problem('category')}
          priority={priority}
          onPriorityChange={setPriority}
        />
        <label className="dk-field">
          <span>{t('desk.field.type')}</span>
          <select value={type} onChange={(e) => setType(e.target.value as WhistleType)}>
            {WHISTLE_TYPES.map((w) => (
              <option key={w} value={w}>
                {names.whistleType(w)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="dk-field">
        <span>
          {t('desk.field.title')} <span className="required">*</span>
        </span>
        <input value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
        {problem('title')}
      </label>
      <label className="dk-field">
        <span>{t('desk.field.description')}</span>
        <textarea
          rows={3}
          value={description}
          maxLength={5000}
          onChange={(e) => setDescription(e.target.value)}
        />
      </label>
      {streetId ? (
        <LocationField
          source="centres"
          streetId={streetId}
          value={location}
          onChange={setLocation}
          centres={centres}
          centreLabel={t('duty.sendTask.streetCentre')}
        />
      ) : (
        <p className="muted">{t('duty.sendTask.pickStreetFirst')}</p>
      )}
      {problem('location')}
    </FormDialog>
  );
}
