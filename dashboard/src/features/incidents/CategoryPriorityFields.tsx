import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORIES, PRIORITIES, type Priority } from '@whistle/shared';
import { useNames } from '../../i18n/names';

interface CategoryPriorityFieldsProps {
  category: string;
  onCategoryChange: (code: string) => void;
  /** The category's validation message (or nothing), shown under its select. */
  categoryProblem: ReactNode;
  categoryTestId?: string;
  priority: Priority;
  onPriorityChange: (priority: Priority) => void;
}

/** The required 类别 and the 紧急程度 selects, side by side in a form grid. */
export function CategoryPriorityFields(props: CategoryPriorityFieldsProps) {
  const { t } = useTranslation();
  const names = useNames();
  return (
    <>
      <label className="dk-field">
        <span>
          {t('desk.field.category')} <span className="required">*</span>
        </span>
        <select
          value={props.category}
          onChange={(e) => props.onCategoryChange(e.target.value)}
          data-testid={props.categoryTestId}
        >
          <option value="">{t('desk.location.choose')}</option>
          {CATEGORIES.map((c) => (
            <option key={c.code} value={c.code}>
              {names.name(c)}
            </option>
          ))}
        </select>
        {props.categoryProblem}
      </label>
      <label className="dk-field">
        <span>{t('desk.field.priority')}</span>
        <select value={props.priority} onChange={(e) => props.onPriorityChange(e.target.value as Priority)}>
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {t(`priority.${p}`)}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}
