import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error';
import { localizeFieldMessage } from './field-messages';

/**
 * Field path → messages of a refusal that names its fields: a 400's, a 409's (a taken user name or
 * department code) or a 422's (a department the whistle already summons); {} for any other error.
 */
export function fieldErrorsOf(error: unknown): Record<string, string[]> {
  return error instanceof ApiError && [400, 409, 422].includes(error.status)
    ? (error.body?.fields ?? {})
    : {};
}

interface FormFieldProps {
  label: string;
  /** The messages for this field, shown under it; the field is marked invalid while there are any. */
  errors?: readonly string[];
  hint?: string;
  children: ReactNode;
  testId?: string;
}

/**
 * One labelled form field with its own error messages beside it (not in a banner at the top), in
 * the UI language where the message is one the UI knows.
 */
export function FormField({ label, errors, hint, children, testId }: FormFieldProps) {
  const { t } = useTranslation();
  const invalid = (errors?.length ?? 0) > 0;
  return (
    <label className={`form-field${invalid ? ' form-field--invalid' : ''}`} data-testid={testId}>
      <span className="form-field__label">{label}</span>
      {children}
      {hint && !invalid && <span className="form-field__hint">{hint}</span>}
      {errors?.map((message) => (
        <span key={message} className="form-field__error" role="alert">
          {localizeFieldMessage(t, message)}
        </span>
      ))}
    </label>
  );
}
