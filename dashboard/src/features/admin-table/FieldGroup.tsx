import type { ReactNode } from 'react';

interface FieldGroupProps {
  label: string;
  errors?: readonly string[];
  hint?: string;
  children: ReactNode;
  testId?: string;
}

/**
 * FormField for a group of inputs (checkboxes): the same look and the same messages beside it,
 * but a labelled group rather than a <label>, which may hold only one control.
 */
export function FieldGroup({ label, errors, hint, children, testId }: FieldGroupProps) {
  const invalid = (errors?.length ?? 0) > 0;
  return (
    <div
      role="group"
      aria-label={label}
      className={`form-field${invalid ? ' form-field--invalid' : ''}`}
      data-testid={testId}
    >
      <span className="form-field__label">{label}</span>
      {children}
      {hint && !invalid && <span className="form-field__hint">{hint}</span>}
      {errors?.map((message) => (
        <span key={message} className="form-field__error" role="alert">
          {message}
        </span>
      ))}
    </div>
  );
}
