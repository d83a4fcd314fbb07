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
  private credentials: { username: string; password: string } | null = null;

  constructor(readonly baseUrl: string) {}

  get accessToken(): string {
    if (!this.token) throw new Error('not signed in');
    return this.token;
  }

  async login(username: string, password: string): Promise<UserView> {
    const res = await this.request<LoginResponse>('POST', '/api/auth/login', { username, password });
    this.token = res.accessToken;
    this.credentials = { username, password };
    return res.user;
  }

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  post<T>(path: string, body: unknown = {}): Promise<T> {
    return this.request<T>('POST', path, body);
  }

  /** A demo that outlives the token (JWT_TTL, 12 h by default) signs in again once and retries. */
  private async request<T>(method: string, path: string, body?: unknown): Promise<T> {
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
