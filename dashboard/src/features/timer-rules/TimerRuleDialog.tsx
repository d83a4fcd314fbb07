import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STAGES, stageDeadlines, type Stage, type StageLimits } from '@whistle/shared';
import { useNames } from '../../i18n/names';
import { chinaDate, chinaDateTime, chinaTime } from '../../lib/china-time';
import { useNow } from '../../lib/useNow';
import { FormDialog } from '../../lib/ui/FormDialog';
import { fieldErrorsOf } from '../../lib/ui/FormField';
import { FieldGroup } from '../admin-table/FieldGroup';
import { DURATION_UNITS, toDurationInput, toMinutes, type DurationInput } from './duration-units';
import type { RuleRow } from './rule-rows';
import { useSaveTimerRule } from './timer-rule-api';

/** Edit one rule's three limits, each in minutes, hours or days, with the clocks it would set now. */
export function TimerRuleDialog({ row, onClose }: { row: RuleRow; onClose: () => void }) {
  const { t } = useTranslation();
  const names = useNames();
  const save = useSaveTimerRule();
  const [inputs, setInputs] = useState<Record<Stage, DurationInput>>({
    accept: toDurationInput(row.limits.accept),
    arrive: toDurationInput(row.limits.arrive),
    resolve: toDurationInput(row.limits.resolve),
  });
  const minutes = Object.fromEntries(STAGES.map((s) => [s, toMinutes(inputs[s])])) as Record<
    Stage,
    number | null
  >;
  const complete = STAGES.every((s) => minutes[s] !== null);
  const serverErrors = fieldErrorsOf(save.error);
  const [shown, setShown] = useState(false);
  const errorsOf = (stage: Stage): string[] => [
    ...(shown && minutes[stage] === null ? [t('admin.timerRules.positive')] : []),
    ...(serverErrors[`limits.${stage}`] ?? []),
  ];
  const set = (stage: Stage, patch: Partial<DurationInput>) =>
    setInputs((all) => ({ ...all, [stage]: { ...all[stage], ...patch } }));

  const submit = () => {
    setShown(true);
    if (!complete) return;
    const limits = minutes as StageLimits;
    save.mutate({ whistleType: row.whistleType, priority: row.priority, limits }, { onSuccess: onClose });
  };

  const priority = row.priority === 'any' ? t('admin.timerRules.anyPriority') : t(`priority.${row.priority}`);
  return (
    <FormDialog
      title={t('admin.timerRules.editTitle', { type: names.whistleType(row.whistleType), priority })}
      onClose={onClose}
      onSubmit={submit}
      submitLabel={t('admin.common.save')}
      submitting={save.isPending}
      submitTestId="timer-rule-submit"
      wide
      error={save.error}
      fieldErrors={serverErrors}
    >
      <div className="admin-durations">
        {STAGES.map((stage) => (
          <FieldGroup key={stage} label={t(`admin.timerRules.${stage}`)} errors={errorsOf(stage)}>
            <span className="admin-duration">
              <input
                type="number"
                min={1}
                step="any"
                inputMode="decimal"
                value={inputs[stage].amount}
                aria-label={t(`admin.timerRules.${stage}`)}
                onChange={(e) => set(stage, { amount: e.target.value })}
                data-testid={`timer-${stage}-amount`}
              />
              <select
                value={inputs[stage].unit}
                aria-label={t(`admin.timerRules.${stage}`)}
                onChange={(e) => set(stage, { unit: e.target.value as DurationInput['unit'] })}
                data-testid={`timer-${stage}-unit`}
              >
                {DURATION_UNITS.map((u) => (
                  <option key={u} value={u}>
                    {t(`admin.timerRules.units.${u}`)}
                  </option>
                ))}
              </select>
            </span>
          </FieldGroup>
        ))}
      </div>
      {complete && <ClockPreview limits={minutes as StageLimits} />}
      {complete &&
        ((minutes.arrive ?? 0) < (minutes.accept ?? 0) || (minutes.resolve ?? 0) < (minutes.arrive ?? 0)) && (
          <p className="admin-warning">{t('admin.timerRules.mustIncrease')}</p>
        )}
    </FormDialog>
  );
}

/** "raised now 16:37 → accept by 17:07, …", in China time; a deadline on another day shows its date. */
function ClockPreview({ limits }: { limits: StageLimits }) {
  const { t } = useTranslation();
  const now = new Date(useNow(30_000));
  const deadlines = stageDeadlines(now, limits);
  const at = (when: Date) => (chinaDate(when) === chinaDate(now) ? chinaTime(when) : chinaDateTime(when));
  return (
    <div className="admin-preview" data-testid="timer-preview">
      <span className="admin-preview__label">{t('admin.timerRules.preview')}</span>
      {t('admin.timerRules.previewLine', {
        now: chinaTime(now),
        accept: at(deadlines.acceptBy),
        arrive: at(deadlines.arriveBy),
        resolve: at(deadlines.resolveBy),
      })}
    </div>
  );
}
