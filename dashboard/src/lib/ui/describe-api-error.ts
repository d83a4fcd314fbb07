import type { TFunction } from 'i18next';
import { ApiError } from '../api/client';
import { localizeFieldMessage } from './field-messages';

export interface ErrorLines {
  headline: string;
  details: string[];
}

/**
 * An API error in the user's language: what went wrong in words the desk uses, then the field
 * messages (400) or the actions the object still allows (409). Server texts are English, so
 * fields are named from i18n and the server's own words kept only as a hint.
 */
export function describeApiError(t: TFunction, error: unknown): ErrorLines {
  if (!(error instanceof ApiError)) return { headline: t('desk.error.network'), details: [] };
  const body = error.body;
  switch (error.status) {
    case 400: {
      const fields = Object.entries(body?.fields ?? {});
      return {
        headline: t('desk.error.invalid'),
        details: fields.map(
          ([field, messages]) =>
            `${fieldLabel(t, field)}: ${messages.map((m) => localizeFieldMessage(t, m)).join('; ')}`,
        ),
      };
    }
    case 403:
      return { headline: t('desk.error.forbidden'), details: [] };
    case 404:
      return { headline: t('desk.error.notFound'), details: [] };
    case 409: {
      const allowed = body?.allowedActions ?? [];
      const status = body?.currentStatus;
      return {
        headline: status
          ? t('desk.error.conflictStatus', { status: statusLabel(t, status) })
          : t('desk.error.conflict'),
        details: [
          allowed.length
            ? t('desk.error.allowed', { actions: allowed.map((a) => actionLabel(t, a)).join('、') })
            : t('desk.error.noneAllowed'),
          ...(body?.message ? [body.message] : []),
        ],
      };
    }
    case 413:
      return { headline: t('desk.error.tooLarge'), details: [] };
    case 415:
      return { headline: t('desk.error.badType'), details: [] };
    case 422:
      return { headline: t('desk.error.outside'), details: [] };
    default:
      return { headline: t('desk.error.server', { status: error.status }), details: [] };
  }
}

function fieldLabel(t: TFunction, field: string): string {
  const key = `desk.field.${field.split('.')[0] ?? field}`;
  return t(key as never, { defaultValue: field });
}

function statusLabel(t: TFunction, status: string): string {
  const asDispatch = t(`dispatchStatus.${status}` as never, { defaultValue: '' }) as string;
  if (asDispatch) return asDispatch;
  return t(`incidentStatus.${status}` as never, { defaultValue: status });
}

function actionLabel(t: TFunction, action: string): string {
  const asDispatch = t(`dispatchAction.${action}` as never, { defaultValue: '' }) as string;
  if (asDispatch) return asDispatch;
  return t(`desk.incidentAction.${action}` as never, { defaultValue: action });
}
