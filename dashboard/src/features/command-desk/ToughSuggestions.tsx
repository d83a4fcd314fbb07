import { useTranslation } from 'react-i18next';
import type { DispatchView } from '@whistle/shared';
import { ErrorBox } from '../../lib/ui/ErrorBox';
import { useStreetName } from '../reference/useStreetName';
import { useBlowTough } from './desk-actions';
import { toughSuggestions, type ToughSuggestion } from './desk-model';
import { useDepartmentNames } from './useAssigneeName';

/** The 攻坚哨 the server suggests (a second stage missed), each blown in one click. */
export function ToughSuggestions({ dispatches }: { dispatches: readonly DispatchView[] }) {
  const { t } = useTranslation();
  const suggestions = toughSuggestions(dispatches);
  if (suggestions.length === 0) return null;
  return (
    <section className="cd-suggest" data-testid="tough-suggestions" aria-label={t('command.suggest.title')}>
      <h3>{t('command.suggest.title')}</h3>
      <ul>
        {suggestions.map((s) => (
          <SuggestionRow key={s.incidentId} suggestion={s} />
        ))}
      </ul>
    </section>
  );
}

function SuggestionRow({ suggestion }: { suggestion: ToughSuggestion }) {
  const { t } = useTranslation();
  const streetName = useStreetName();
  const departmentNames = useDepartmentNames();
  const blow = useBlowTough();
  return (
    <li data-testid="tough-suggestion" data-incident-id={suggestion.incidentId}>
      <span>
        {t('command.suggest.body', {
          title: suggestion.title,
          street: streetName(suggestion.streetId),
          departments: departmentNames(suggestion.departmentIds),
        })}
      </span>
      <button
        type="button"
        className="danger"
        data-testid="blow-tough"
        disabled={blow.isPending || blow.isSuccess}
        onClick={() =>
          blow.mutate({
            incidentId: suggestion.incidentId,
            departmentIds: suggestion.departmentIds,
            note: t('command.escalate.note', { title: suggestion.title }),
          })
        }
      >
        {blow.isSuccess ? t('command.escalate.done') : t('command.suggest.blow')}
      </button>
      <ErrorBox error={blow.error} />
    </li>
  );
}
