import { useTranslation } from 'react-i18next';
import { PERIOD_KINDS, type PeriodChoice } from './period';

/** Today / 7 days / 30 days / custom dates (Beijing days, both ends included). */
export function PeriodPicker({
  choice,
  onChange,
  invalid,
}: {
  choice: PeriodChoice;
  onChange: (next: PeriodChoice) => void;
  invalid: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div
      className="period-picker"
      role="group"
      aria-label={t('leaders.period.label')}
      data-testid="period-picker"
    >
      {PERIOD_KINDS.map((kind) => (
        <button
          key={kind}
          type="button"
          aria-pressed={choice.kind === kind}
          className={choice.kind === kind ? 'is-active' : undefined}
          data-testid={`period-${kind}`}
          onClick={() => onChange({ ...choice, kind })}
        >
          {t(`leaders.period.${kind}`)}
        </button>
      ))}
      {choice.kind === 'custom' && (
        <span className="period-picker__dates">
          <label>
            {t('leaders.period.from')}
            <input
              type="date"
              data-testid="period-start"
              value={choice.startDate ?? ''}
              onChange={(e) => onChange({ ...choice, startDate: e.target.value })}
            />
          </label>
          <label>
            {t('leaders.period.to')}
            <input
              type="date"
              data-testid="period-end"
              value={choice.endDate ?? ''}
              onChange={(e) => onChange({ ...choice, endDate: e.target.value })}
            />
          </label>
          {invalid && (
            <span className="period-picker__error" role="alert">
              {t('leaders.period.invalid')}
            </span>
          )}
        </span>
      )}
    </div>
  );
}
