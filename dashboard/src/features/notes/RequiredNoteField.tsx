import { useTranslation } from 'react-i18next';
import { ReplyTemplates } from './ReplyTemplates';
import type { TextProblem } from './text-limits';

interface RequiredNoteFieldProps {
  label: string;
  value: string;
  onChange: (next: string) => void;
  min: number;
  max: number;
  /** The result of checking the value; the owning dialog needs it too, to refuse submitting. */
  problem: TextProblem;
  /** The problem is shown only after the first submit attempt, not while the user is still typing. */
  showProblem: boolean;
}

/** A required free-text reason or note, its validation message and the 常用语 under it. */
export function RequiredNoteField({
  label,
  value,
  onChange,
  min,
  max,
  problem,
  showProblem,
}: RequiredNoteFieldProps) {
  const { t } = useTranslation();
  return (
    <>
      <label className="dk-field">
        <span>
          {label} <span className="required">*</span>
        </span>
        <textarea
          rows={4}
          value={value}
          maxLength={max}
          aria-invalid={showProblem && problem !== null}
          onChange={(e) => onChange(e.target.value)}
        />
      </label>
      {showProblem && problem && (
        <p className="dk-field-error" role="alert">
          {t(`desk.validation.${problem}`, { min, max })}
        </p>
      )}
      <ReplyTemplates value={value} onChange={onChange} />
    </>
  );
}
