import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreateIncidentRequest, LngLat, Priority } from '@whistle/shared';
import { useNames } from '../../i18n/names';
import { Dialog } from '../../lib/ui/Dialog';
import { FormDialog } from '../../lib/ui/FormDialog';
import { centreOfGrids } from '../location/centres';
import { LocationField } from '../location/LocationField';
import { checkText } from '../notes/text-limits';
import { useCommunities, useGrids } from '../reference/reference-queries';
import { useSignedIn } from '../session/SessionProvider';
import { CategoryPriorityFields } from './CategoryPriorityFields';
import { DuplicateList } from './DuplicateList';
import { useDeskPost, type CreatedIncident } from './incident-queries';

/**
 * 登记事件: what, how urgent and where (a map click inside the street, or a community's centre).
 * When the server finds likely duplicates the dialog shows them next, with "merge into".
 */
export function RegisterIncidentDialog({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const { t } = useTranslation();
  const names = useNames();
  const { user } = useSignedIn();
  const grids = useGrids().data;
  const communities = useCommunities(user.streetId).data ?? [];
  const [category, setCategory] = useState('');
  const [priority, setPriority] = useState<Priority>('normal');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [location, setLocation] = useState<LngLat | null>(null);
  const [touched, setTouched] = useState(false);
  const [created, setCreated] = useState<CreatedIncident | null>(null);
  const create = useDeskPost<CreateIncidentRequest, CreatedIncident>(
    () => '/incidents',
    (body) => body,
    { creates: true },
  );

  const centres = useMemo(
    () =>
      communities.map((c) => ({
        id: c.id,
        label: names.name(c),
        point: grids ? centreOfGrids(grids, (p) => p.communityId === c.id) : null,
      })),
    [communities, grids, names],
  );

  if (created) {
    const duplicates = created.likelyDuplicates ?? [];
    return (
      <Dialog
        key="duplicates"
        title={t('street.register.duplicatesTitle')}
        onClose={() => onCreated(created.id)}
        onSubmit={() => onCreated(created.id)}
        submitLabel={t('street.register.keep')}
      >
        <p>{t('street.register.duplicatesHint', { count: duplicates.length })}</p>
        <DuplicateList
          incidentId={created.id}
          duplicates={duplicates}
          canMerge
          onMerged={(intoId) => onCreated(intoId)}
        />
      </Dialog>
    );
  }

  const problems = {
    category: category ? null : 'required',
    title: checkText(title, 2, 200),
    location: location ? null : 'required',
  } as const;
  const problem = (key: keyof typeof problems) =>
    touched && problems[key] ? (
      <p className="dk-field-error" role="alert">
        {t(`desk.validation.${problems[key]}`, { min: 2, max: 200 })}
      </p>
    ) : null;

  const submit = () => {
    setTouched(true);
    if (Object.values(problems).some((p) => p !== null) || !location) return;
    create.mutate(
      {
        category,
        priority,
        title: title.trim(),
        ...(description.trim() ? { description: description.trim() } : {}),
        location,
        source: 'operator',
      },
      {
        onSuccess: (incident) => {
          if ((incident.likelyDuplicates ?? []).length > 0) setCreated(incident);
          else onCreated(incident.id);
        },
      },
    );
  };

  return (
    <FormDialog
      title={t('street.register.title')}
      onClose={onClose}
      onSubmit={submit}
      submitLabel={t('street.register.submit')}
      submitting={create.isPending}
      submitTestId="register-submit"
      wide
      error={create.error}
    >
      <div className="form-grid">
        <CategoryPriorityFields
          category={category}
          onCategoryChange={setCategory}
          categoryProblem={problem('category')}
          categoryTestId="incident-category"
          priority={priority}
          onPriorityChange={setPriority}
        />
      </div>
      <label className="dk-field">
        <span>
          {t('desk.field.title')} <span className="required">*</span>
        </span>
        <input
          value={title}
          maxLength={200}
          onChange={(e) => setTitle(e.target.value)}
          data-testid="incident-title"
        />
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
      <LocationField
        source="centres"
        streetId={user.streetId}
        value={location}
        onChange={setLocation}
        centres={centres}
        centreLabel={t('street.register.communityCentre')}
      />
      {problem('location')}
    </FormDialog>
  );
}
