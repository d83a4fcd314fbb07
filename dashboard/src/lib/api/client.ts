import { IDEMPOTENCY_KEY_HEADER } from '@whistle/shared';
import { apiErrorOf } from './api-error';
import { authSession, type AuthorizedInit } from './auth-session';

export { ApiError } from './api-error';

export interface RequestOptions {
  /** Any token marks a signed-in call: it goes with the session's newest one. null: no credentials. */
  token: string | null;
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined>;
  /** For a POST that creates something: the same key on a retry gets the first answer (idempotency-key.ts). */
  idempotencyKey?: string;
}

/**
 * fetch for calls the JSON client cannot make (multipart uploads, image bytes): the session's
 * current bearer token, and after a 401 one renewal and one replay (FormData bodies resend as is).
 */
export function authorizedFetch(path: string, init: AuthorizedInit = {}, token?: string): Promise<Response> {
  return authSession.authorizedFetch(new URL(path, window.location.origin), init, token);
}

export async function apiRequest<T>(path: string, options: RequestOptions): Promise<T> {
  const url = new URL(`/api${path}`, window.location.origin);
  for (const [key, value] of Object.entries(options.query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.idempotencyKey) headers[IDEMPOTENCY_KEY_HEADER] = options.idempotencyKey;
  const init: AuthorizedInit = {
    method: options.method ?? 'GET',
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  };
  // A login attempt's 401 is a wrong password, not an expired session: no renewal for it.
  const response = options.token
    ? await authSession.authorizedFetch(url, init, options.token)
    : await fetch(url, init);
  if (!response.ok) {
    const error = await apiErrorOf(response);
    if (error.status === 403 && error.body?.code === 'password_change_required') {
      authSession.passwordChangeRequired();
    }
    throw error;
  }
  return (await response.json()) as T;
}
