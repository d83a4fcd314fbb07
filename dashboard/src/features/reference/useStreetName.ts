import { useNames } from '../../i18n/names';
import { useStreets } from './reference-queries';

/** Street names in the UI language, looked up from the reference list. */
export function useStreetName(): (id: string) => string {
  const names = useNames();
  const streets = useStreets().data ?? [];
  return (id) => names.name(streets.find((s) => s.id === id));
}
