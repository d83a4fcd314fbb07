import { baseUrl, PASSWORD } from './browser';

/** Calls the real API the way the dashboard does; throws with the body on a non-2xx answer. */
export async function api<T>(
  token: string | null,
  method: 'GET' | 'POST',
  path: string,
  body?: object,
): Promise<T> {
  const res = await fetch(`${baseUrl()}/api${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export async function tokenFor(username: string): Promise<string> {
  return (await api<{ accessToken: string }>(null, 'POST', '/auth/login', { username, password: PASSWORD }))
    .accessToken;
}
