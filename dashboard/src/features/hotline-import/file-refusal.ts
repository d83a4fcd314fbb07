import type { TFunction } from 'i18next';
import { ApiError } from '../../lib/api/api-error';
import { fieldErrorsOf } from '../../lib/ui/FormField';
import { codedMessageText } from '../../lib/ui/coded-message';

/**
 * Why the server refused the file as a whole (400), beside the file field: in the UI language
 * when the answer carries a code, otherwise as the server wrote it.
 */
export function fileRefusalMessages(t: TFunction, error: unknown): string[] {
  const messages = fieldErrorsOf(error).file ?? [];
  const body = error instanceof ApiError ? error.body : null;
  if (!body?.code || messages.length !== 1) return messages;
  return [
    codedMessageText(t, 'adminImports.hotline.messages', {
      code: body.code,
      message: messages[0] ?? body.message,
      ...(body.params ? { params: body.params } : {}),
    }),
  ];
}
