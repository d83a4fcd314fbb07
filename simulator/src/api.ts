import type { ApiErrorBody, LoginResponse, UserView } from '@whistle/shared';

/** An answer other than 2xx; `status` 0 means the server could not be reached. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: Partial<ApiErrorBody>,
    message: string,
  ) {
    super(message);
  }
}

/** The REST API as one signed-in user sees it. */
export class ApiClient {
  private token: string | null = null;
  private expiresAt = 0;
  /** The refresh cookie, as a browser would keep it: access tokens live 15 minutes. */
  private refreshCookie: string | null = null;
  private refreshing: Promise<void> | null = null;
  private credentials: { username: string; password: string } | null = null;

  constructor(readonly baseUrl: string) {}

  /** The access token, renewed through the refresh cookie when it has under two minutes left. */
  async freshToken(): Promise<string> {
    if (this.token && this.expiresAt - Date.now() < 120_000) {
      this.refreshing ??= this.refresh().finally(() => (this.refreshing = null));
      await this.refreshing;
    }
    if (!this.token) throw new Error('not signed in');
    return this.token;
  }

  async login(username: string, password: string): Promise<UserView> {
    const { body, cookie } = await this.sendForSession('/api/auth/login', { username, password });
    this.credentials = { username, password };
    this.adopt(body, cookie);
    return body.user;
  }

  /** Rotates the refresh cookie; a session that ended (401) signs in again. */
  private async refresh(): Promise<void> {
    try {
      const { body, cookie } = await this.sendForSession('/api/auth/refresh', undefined);
      this.adopt(body, cookie);
    } catch (err) {
      if (!(err instanceof ApiError && err.status === 401 && this.credentials)) throw err;
      await this.login(this.credentials.username, this.credentials.password);
    }
  }

  private adopt(body: LoginResponse, cookie: string | null): void {
    this.token = body.accessToken;
    this.expiresAt = Date.parse(body.accessTokenExpiresAt);
    if (cookie) this.refreshCookie = cookie;
  }

  /** Login and refresh: JSON in, LoginResponse and the refresh cookie out (429s waited out). */
  private async sendForSession(
    path: string,
    body: unknown,
  ): Promise<{ body: LoginResponse; cookie: string | null }> {
    for (let attempt = 0; ; attempt++) {
      const res = await fetch(`${this.baseUrl}${path}`, {
        method: 'POST',
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(this.refreshCookie ? { cookie: this.refreshCookie } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(15_000),
      }).catch((err: unknown) => {
        throw new ApiError(0, {}, `POST ${path}: ${err instanceof Error ? err.message : String(err)}`);
      });
      const parsed = safeJson(await res.text());
      if (res.status === 429 && attempt < 5) {
        await new Promise((r) => setTimeout(r, Number(res.headers.get('retry-after') ?? 5) * 1000));
        continue;
      }
      if (!res.ok) {
        const errBody = (parsed && typeof parsed === 'object' ? parsed : {}) as Partial<ApiErrorBody>;
        throw new ApiError(
          res.status,
          errBody,
          `POST ${path} → ${res.status} ${errBody.message ?? ''}`.trim(),
        );
      }
      const cookie = res.headers.getSetCookie().find((c) => c.startsWith('whistle_refresh='));
      return { body: parsed as LoginResponse, cookie: cookie?.split(';')[0] ?? null };
    }
  }

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  post<T>(path: string, body: unknown = {}): Promise<T> {
    return this.request<T>('POST', path, body);
  }

  /** Renews the token when due; a session that ended anyway (401) signs in again once and retries. */
  private async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    if (this.token) await this.freshToken();
    try {
      return await this.send<T>(method, path, body);
    } catch (err) {
      if (!(err instanceof ApiError && err.status === 401 && this.credentials)) throw err;
      const { username, password } = this.credentials;
      await this.login(username, password);
      return this.send<T>(method, path, body);
    }
  }

  private async send<T>(method: string, path: string, body?: unknown): Promise<T> {
    let res: Response;
    try {
      res = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(15_000),
      });
    } catch (err) {
      throw new ApiError(0, {}, `${method} ${path}: ${err instanceof Error ? err.message : String(err)}`);
    }
    const text = await res.text();
    const parsed: unknown = text ? safeJson(text) : undefined;
    if (!res.ok) {
      const errBody = (parsed && typeof parsed === 'object' ? parsed : {}) as Partial<ApiErrorBody>;
      throw new ApiError(
        res.status,
        errBody,
        `${method} ${path} → ${res.status} ${errBody.message ?? ''}`.trim(),
      );
    }
    return parsed as T;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return { message: text.slice(0, 200) };
  }
}

/** Waits for `/health` to answer, so the simulator may start right after the server. */
export async function waitForHealth(baseUrl: string, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const res = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(3_000) });
      if (res.ok) return true;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 1_000));
  }
  return false;
}
