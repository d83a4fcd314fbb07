import { useTranslation } from 'react-i18next';
import type { DepartmentView, Stage, TimelineEntry } from '@whistle/shared';
import { useNames } from '../../i18n/names';
import { useDepartments } from '../reference/reference-queries';
import { chinaDateTime } from '../../lib/china-time';

function text(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/** One line per recorded event: when, who, what changed and the words they left (reason, note). */
export function Timeline({ entries }: { entries: readonly TimelineEntry[] }) {
  const { t } = useTranslation();
  const names = useNames();
  const departments = useDepartments().data ?? [];
  const deptName = (id: unknown) =>
    names.name(
      departments.find((d: DepartmentView) => d.id === id),
      t('desk.unknown'),
    );
  if (entries.length === 0) return <p className="muted">{t('common.empty')}</p>;
  return (
    <ol className="timeline" data-testid="timeline">
      {entries.map((entry) => {
        const s = entry.summary;
        const change = text(s.change) ?? '';
        const details = [
          text(s.reason) ?? text(s.rejectReason),
          text(s.note) ?? text(s.resolutionNote),
          s.departmentId ? deptName(s.departmentId) : null,
          Array.isArray(s.departmentIds) ? s.departmentIds.map(deptName).join('、') : null,
          change === 'overdue' && text(s.stage) ? t(`stage.${s.stage as Stage}`) : null,
        ].filter((d): d is string => d !== null);
        return (
          <li key={entry.eventId} className="timeline__item">
            <time className="timeline__time">{chinaDateTime(entry.occurredAt)}</time>
            <span className="timeline__what">{describeEntry(t, entry.type, change, text(s.status))}</span>
            {entry.actor && <span className="timeline__actor">{entry.actor.displayName}</span>}
            {details.length > 0 && <span className="timeline__details">{details.join(' · ')}</span>}
          </li>
        );
      })}
    </ol>
  );
}

type Translate = ReturnType<typeof useTranslation>['t'];

/**
 * "subject · what happened". A change the desk has a word for uses it; the system's progress
 * events carry the new status as their change, so a status name is the next best word.
 */
function describeEntry(typedT: Translate, type: string, change: string, status: string | null): string {
  // Keys built from event data: looked up untyped (the typed overloads grow too deep to check here).
  const t = typedT as unknown as (key: string, options: { defaultValue: string }) => string;
  const subject = t(`desk.timeline.type.${type}`, { defaultValue: type });
  if (!change || change === 'created') return subject;
  const statusKey = type.startsWith('dispatch.') ? 'dispatchStatus' : 'incidentStatus';
  const fallback = t(`${statusKey}.${status ?? change}`, { defaultValue: change });
  // The district desk's changes (督办, 改派, 销账, 挂账到期) are named in its own text area.
  const deskVerb = t(`command.timelineChange.${change}`, { defaultValue: fallback });
  const verb = t(`desk.timeline.change.${change}`, { defaultValue: deskVerb });
  return `${subject} · ${verb}`;
}
