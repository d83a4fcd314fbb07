import { useTranslation } from 'react-i18next';
import type { DispatchView } from '@whistle/shared';
import { useNames } from '../../i18n/names';
import { useDepartments } from '../reference/reference-queries';
import { useStreetName } from '../reference/useStreetName';

/** Who does the work of a dispatch, in words: the department, the district leader, or the street. */
export function useAssigneeName(): (d: DispatchView) => string {
  const { t } = useTranslation();
  const names = useNames();
  const departments = useDepartments().data ?? [];
  const streetName = useStreetName();
  return (d) => {
    if (d.assigneeKind === 'leader') return t('command.leader');
    if (d.assigneeKind === 'street') return streetName(d.streetId);
    return names.name(departments.find((dep) => dep.id === d.departmentId));
  };
}

/** Department names for ids, joined the way Chinese lists are (、). */
export function useDepartmentNames(): (ids: readonly string[]) => string {
  const names = useNames();
  const departments = useDepartments().data ?? [];
  return (ids) => ids.map((id) => names.name(departments.find((d) => d.id === id))).join('、');
}
