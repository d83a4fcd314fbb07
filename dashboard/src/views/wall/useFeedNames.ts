import { useMemo } from 'react';
import { useDepartments, useStreets } from '../../api/queries';
import { useNames } from '../../i18n/names';
import type { FeedNames } from './describe-event';

/** Name lookups for the wall (departments and streets from the API, the rest from shared). */
export function useFeedNames(): FeedNames {
  const names = useNames();
  const departments = useDepartments();
  const streets = useStreets();
  return useMemo(() => {
    const depts = new Map((departments.data ?? []).map((d) => [d.id, d]));
    const strs = new Map((streets.data ?? []).map((s) => [s.id, s]));
    return {
      department: (id) => (id ? names.name(depts.get(id)) : '—'),
      street: (id) => names.name(strs.get(id)),
      whistleType: names.whistleType,
      category: names.category,
    };
  }, [departments.data, streets.data, names]);
}
