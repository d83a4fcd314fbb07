import type { ChangePasswordRequest, LoginRequest, LoginResponse, UserView } from '@whistle/shared';
import { apiErrorOf } from './api-error';

export type SessionStatus = 'restoring' | 'signed-in' | 'signed-out';

export interface SessionState {
  /** `restoring` while the refresh cookie is being tried at start: neither the login page nor a view. */
  status: SessionStatus;
  user: UserView | null;
  /** After an administrator's reset: a new password must be chosen before anything else. */
  mustChangePassword: boolean;
  /** Set when the server ended the session (not when the user signed out); the login page says so. */
  ended: { userId: string } | null;
}

/** The lock every tab takes before presenting the refresh cookie, which rotates on each use. */
export const COOKIE_LOCK = 'whistle.auth.cookie';

/**
 * Whether this browser may hold a refresh cookie (script cannot see the httpOnly cookie itself).
 * No secret: it only spares a visitor who never signed in a refused refresh at every start.
 */
export interface SessionHint {
  get(): boolean;
  set(present: boolean): void;
}

const HINT_KEY = 'whistle.signedIn';

/** In localStorage, shared by the tabs as the cookie is; if storage is unusable, always try. */
const storageHint: SessionHint = {
  get: () => {
    try {
      return localStorage.getItem(HINT_KEY) === '1';
    } catch {
      return true;
    }
  },
  set: (present) => {
    try {
      if (present) localStorage.setItem(HINT_KEY, '1');
      else localStorage.removeItem(HINT_KEY);
    } catch {
      // without storage every start tries the cookie
    }
  },
};

export interface AuthSessionOptions {
  fetch?: typeof fetch;
  /** Serialises cookie use across tabs; `navigator.locks` where the browser has it (secure contexts). */
  locks?: () => LockManager | undefined;
  now?: () => number;
  /** Refresh this long before the access token expires. */
  refreshMarginMs?: number;
  /** Never refresh sooner than this after the last one, so a wrong clock cannot cause a storm. */
  minRefreshDelayMs?: number;
  /** Waits between attempts while the server cannot be reached (at start and for scheduled refreshes). */
  retryDelaysMs?: readonly number[];
  /** How long a logout waits for the server before signing out locally anyway. */
  logoutTimeoutMs?: number;
  hint?: SessionHint;
}

export type AuthorizedInit = Omit<RequestInit, 'headers'> & { headers?: Record<string, string> };

type TokenListener = (token: string) => void;

/**
 * The signed-in session of this tab. The access token lives only here, in memory; the refresh
 * token lives in an httpOnly cookie the script never sees. A reload restores the session by
 * presenting that cookie; a timer renews the access token a minute before it expires; a 401
 * triggers one renewal and one replay. Every use of the cookie holds a Web Lock, so two tabs never
 * present the same rotated cookie (the server would take that for theft and end the session).
 */
export class AuthSession {
  private token: string | null = null;
  private state: SessionState;
  private readonly listeners = new Set<() => void>();
  private readonly tokenListeners = new Set<TokenListener>();
  private refreshing: Promise<string | null> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private restoreStarted = false;
  /** Bumped whenever the session is replaced or ended, so a late answer cannot revive an old one. */
  private generation = 0;
  private readonly fetchImpl: typeof fetch;
  private readonly locks: () => LockManager | undefined;
  private readonly now: () => number;
  private readonly refreshMarginMs: number;
  private readonly minRefreshDelayMs: number;
  private readonly retryDelaysMs: readonly number[];
  private readonly logoutTimeoutMs: number;
  private readonly hint: SessionHint;

  constructor(options: AuthSessionOptions = {}) {
    // Looked up on each call, so a test's replacement of the global is what gets used.
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
    this.locks =
      options.locks ??
      (() => (typeof navigator === 'undefined' ? undefined : (navigator.locks ?? undefined)));
    this.now = options.now ?? Date.now;
    this.refreshMarginMs = options.refreshMarginMs ?? 60_000;
    this.minRefreshDelayMs = options.minRefreshDelayMs ?? 10_000;
    this.retryDelaysMs = options.retryDelaysMs ?? [1000, 2000, 5000, 10_000, 30_000];
    this.logoutTimeoutMs = options.logoutTimeoutMs ?? 5000;
    this.hint = options.hint ?? storageHint;
    this.state = this.initialState();
  }

  /** For useSyncExternalStore: changes identity only when the state does, not on every new token. */
  getState = (): SessionState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Called with each renewed access token of the same session (the live socket takes it over). */
  onTokenRenewed(listener: TokenListener): () => void {
    this.tokenListeners.add(listener);
    return () => this.tokenListeners.delete(listener);
  }

  currentToken(): string | null {
    return this.token;
  }

  /** At start: the refresh cookie, if the browser still holds a live one, signs this tab in. */
  restore(): void {
    if (this.state.status === 'restoring' && !this.hint.get()) {
      this.setState({ ...this.initialState(), status: 'signed-out' });
      return;
    }
    if (this.state.status !== 'restoring' || this.restoreStarted) return;
    this.restoreStarted = true;
    this.attemptRestore(0);
  }

  async login(request: LoginRequest): Promise<SessionState> {
    const response = await this.withCookieLock(() =>
      this.fetchImpl(apiUrl('/auth/login'), jsonPost(request)),
    );
    if (!response.ok) throw await apiErrorOf(response);
    this.generation += 1;
    this.adopt((await response.json()) as LoginResponse, this.serverNow(response));
    return this.state;
  }

  /** Adopts a login answer obtained elsewhere; component tests start signed in this way. */
  accept(answer: LoginResponse): void {
    this.generation += 1;
    this.adopt(answer, this.now());
  }

  /**
   * A new access token from the refresh cookie; null when the session has ended (the state turns
   * signed-out). Concurrent callers in this tab share one request. Throws when the server cannot
   * be reached, which does not end the session.
   */
  refresh(): Promise<string | null> {
    // Signed out, there is no cookie worth presenting (and the ended notice must stay as it is).
    if (this.state.status === 'signed-out') return Promise.resolve(null);
    this.refreshing ??= this.runRefresh().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  /** After `rejected` drew a 401: the token to replay with, or null when there is none. */
  async renewAfter401(rejected: string): Promise<string | null> {
    if (this.state.status !== 'signed-in' || this.token === null) return null;
    // Another request already renewed it meanwhile: replay with that one.
    if (this.token !== rejected) return this.token;
    return this.refresh();
  }

  /** fetch with the current bearer token; after a 401, one renewal and one replay. */
  async authorizedFetch(
    input: URL | string,
    init: AuthorizedInit = {},
    fallbackToken?: string,
  ): Promise<Response> {
    const send = (token: string | null) =>
      this.fetchImpl(input, {
        ...init,
        headers: { ...init.headers, ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      });
    const token = this.token ?? fallbackToken ?? null;
    const response = await send(token);
    if (response.status !== 401 || token === null) return response;
    const fresh = await this.renewAfter401(token);
    return fresh ? send(fresh) : response;
  }

  /** The server refused a call because this session owes a password change. */
  passwordChangeRequired(): void {
    if (this.state.status === 'signed-in' && !this.state.mustChangePassword) {
      this.setState({ ...this.state, mustChangePassword: true });
    }
  }

  async changePassword(request: ChangePasswordRequest): Promise<void> {
    const response = await this.authorizedFetch(apiUrl('/auth/password'), jsonPost(request));
    if (!response.ok) throw await apiErrorOf(response);
    this.adopt((await response.json()) as LoginResponse, this.serverNow(response));
  }

  /**
   * Ends this session on the server (which clears the cookie), then here. A shared command-centre
   * PC must not hand the next person a live cookie, so the server call is awaited — but not for
   * ever: an unreachable server still signs the tab out.
   */
  async logout(): Promise<void> {
    if (this.state.status !== 'signed-in') return;
    const ending = this.authorizedFetch(apiUrl('/auth/logout'), { method: 'POST' });
    await withTimeout(ending, this.logoutTimeoutMs).catch(() => undefined);
    this.end(false);
  }

  /** Ends every session of the user; unlike logout, a failure is reported, not glossed over. */
  async logoutEverywhere(): Promise<void> {
    const response = await this.authorizedFetch(apiUrl('/auth/logout-all'), { method: 'POST' });
    // A 401 here means the session had already ended: the outcome the user asked for.
    if (!response.ok && response.status !== 401) throw await apiErrorOf(response);
    this.end(false);
  }

  /** Tests only: back to a fresh page, in a browser that holds a refresh cookie or not. */
  reset(cookie = false): void {
    this.generation += 1;
    this.clearTimer();
    this.token = null;
    this.refreshing = null;
    this.restoreStarted = false;
    this.hint.set(cookie);
    this.state = this.initialState();
  }

  private initialState(): SessionState {
    const status = this.hint.get() ? 'restoring' : 'signed-out';
    return { status, user: null, mustChangePassword: false, ended: null };
  }

  private attemptRestore(attempt: number): void {
    const generation = this.generation;
    this.refresh().catch(() => {
      // Unreachable server (a wall screen rebooting before it): keep trying, the cookie stays good.
      if (generation !== this.generation || this.state.status !== 'restoring') return;
      this.setTimer(() => this.attemptRestore(attempt + 1), this.retryDelay(attempt));
    });
  }

  private async runRefresh(): Promise<string | null> {
    const generation = this.generation;
    const response = await this.withCookieLock(() =>
      this.fetchImpl(apiUrl('/auth/refresh'), { method: 'POST', headers: { Accept: 'application/json' } }),
    );
    if (generation !== this.generation) return this.token;
    if (response.status >= 400 && response.status < 500) {
      // The session is over: only a restore at start ends quietly (there was nothing to lose).
      this.end(this.state.status === 'signed-in');
      return null;
    }
    if (!response.ok) throw await apiErrorOf(response);
    const answer = (await response.json()) as LoginResponse;
    if (generation !== this.generation) return this.token;
    this.adopt(answer, this.serverNow(response));
    return answer.accessToken;
  }

  private adopt(answer: LoginResponse, serverNow: number): void {
    const current = this.state;
    const renewed = current.status === 'signed-in' && current.user?.id === answer.user.id;
    this.token = answer.accessToken;
    this.hint.set(true);
    this.scheduleRefresh(answer.accessTokenExpiresAt, serverNow);
    const { user, mustChangePassword } = answer;
    if (
      current.status !== 'signed-in' ||
      current.mustChangePassword !== mustChangePassword ||
      current.ended !== null ||
      JSON.stringify(current.user) !== JSON.stringify(user)
    ) {
      this.setState({ status: 'signed-in', user, mustChangePassword, ended: null });
    }
    if (renewed) for (const listener of this.tokenListeners) listener(answer.accessToken);
  }

  private end(notice: boolean): void {
    const { user } = this.state;
    this.generation += 1;
    this.clearTimer();
    this.token = null;
    this.hint.set(false);
    this.setState({
      status: 'signed-out',
      user: null,
      mustChangePassword: false,
      ended: notice && user ? { userId: user.id } : null,
    });
  }

  private scheduleRefresh(expiresAt: string | undefined, serverNow: number): void {
    this.clearTimer();
    // The lifetime is measured against the server's clock, so a wrong PC clock does not matter.
    const lifetime = expiresAt ? Date.parse(expiresAt) - serverNow : Number.NaN;
    if (!Number.isFinite(lifetime)) return; // no expiry given: the 401 path still renews
    const wait = Math.max(this.minRefreshDelayMs, lifetime - this.refreshMarginMs);
    this.setTimer(() => this.scheduledRefresh(0), wait);
  }

  private scheduledRefresh(attempt: number): void {
    const generation = this.generation;
    this.refresh().catch(() => {
      if (generation !== this.generation || this.state.status !== 'signed-in') return;
      this.setTimer(() => this.scheduledRefresh(attempt + 1), this.retryDelay(attempt));
    });
  }

  private async withCookieLock(run: () => Promise<Response>): Promise<Response> {
    const locks = this.locks();
    // Without Web Locks (an insecure context) the tab still shares one refresh among its callers.
    return locks ? await locks.request(COOKIE_LOCK, run) : await run();
  }

  /** The server's time from the answer's Date header; the local clock when there is none. */
  private serverNow(response: Response): number {
    const header = (response.headers as Headers | undefined)?.get('Date');
    const parsed = header ? Date.parse(header) : Number.NaN;
    return Number.isFinite(parsed) ? parsed : this.now();
  }

  private retryDelay(attempt: number): number {
    return this.retryDelaysMs[Math.min(attempt, this.retryDelaysMs.length - 1)] ?? 10_000;
  }

  private setTimer(run: () => void, ms: number): void {
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      run();
    }, ms);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private setState(next: SessionState): void {
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}

function apiUrl(path: string): URL {
  return new URL(`/api${path}`, window.location.origin);
}

function jsonPost(body: unknown): AuthorizedInit {
  return {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  };
}

/** Settles with `work`, or after `ms` when it takes longer. */
async function withTimeout(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  try {
    await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The one session of this tab. */
export const authSession = new AuthSession();
