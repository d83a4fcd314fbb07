import { ApiError } from '../../lib/api/client';
import { fieldErrorsOf } from '../../lib/ui/FormField';

/**
 * Field messages of a failed admin edit: a 400's, and a 409's that names a field (a taken user
 * name or department code), so those too show beside the field they are about.
 */
export function adminFieldErrors(error: unknown): Record<string, string[]> {
  if (error instanceof ApiError && error.status === 409) return error.body?.fields ?? {};
  return fieldErrorsOf(error);
}
