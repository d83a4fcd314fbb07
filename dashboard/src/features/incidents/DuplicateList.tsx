import { useTranslation } from 'react-i18next';
import type { MergeIncidentRequest, IncidentView } from '@whistle/shared';
import { useNames } from '../../i18n/names';
import { ErrorBox } from '../../lib/ui/ErrorBox';
import { chinaDateTime } from '../../lib/china-time';
import { useDeskPost, type DuplicateSummary } from './incident-queries';

interface DuplicateListProps {
  incidentId: string;
  duplicates: readonly DuplicateSummary[];
  /** Whether the state machine lets this user merge the incident now. */
  canMerge: boolean;
  onMerged?: (intoId: string) => void;
  onOpen?: (id: string) => void;
}

/** Open incidents that look like this one (same category, ≤ 50 m, ≤ 24 h), each with "merge into". */
export function DuplicateList({ incidentId, duplicates, canMerge, onMerged, onOpen }: DuplicateListProps) {
  const { t } = useTranslation();
  const names = useNames();
  const merge = useDeskPost<MergeIncidentRequest, IncidentView>(
    () => `/incidents/${incidentId}/merge`,
    (body) => body,
  );
  if (duplicates.length === 0) return <p className="muted">{t('street.duplicates.none')}</p>;
  return (
    <>
      <ul className="dk-duplicates" data-testid="likely-duplicates">
        {duplicates.map((d) => (
          <li key={d.id}>
            {onOpen ? (
              <button type="button" className="link" onClick={() => onOpen(d.id)}>
                {d.title}
              </button>
            ) : (
              <strong>{d.title}</strong>
            )}
            <span className="muted small">
              {names.category(d.category)} · {t(`incidentStatus.${d.status}`)} · {chinaDateTime(d.createdAt)}
              {d.distanceMeters !== undefined &&
                ` · ${t('street.duplicates.distance', { m: Math.round(d.distanceMeters) })}`}
            </span>
            {canMerge && (
              <button
                type="button"
                data-testid="merge-into"
                disabled={merge.isPending}
                onClick={() => merge.mutate({ intoIncidentId: d.id }, { onSuccess: () => onMerged?.(d.id) })}
              >
                {t('street.duplicates.mergeInto')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <ErrorBox error={merge.error} />
    </>
  );
}
