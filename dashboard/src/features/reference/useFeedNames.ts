import { useMemo } from 'react';
import type { WhistleType } from '@whistle/shared';
import { useNames } from '../../i18n/names';
import { useDepartments, useStreets } from './reference-queries';

/** Names the wall's panels and live feed show, each looked up in the UI language. */
export interface FeedNames {
  department(id: string | null): string;
  street(id: string): string;
  whistleType(type: WhistleType): string;
  category(code: string): string;
}

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
