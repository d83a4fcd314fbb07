import { IDEMPOTENCY_KEY_HEADER } from '@whistle/shared';
import type { RequestLine } from './protocol';

/** A request counts as unanswered past this; the suite reports any answer slower than 10 s. */
const REQUEST_TIMEOUT_MS = 15_000;
/** How long a step keeps retrying through an outage before it gives up (and is reported). */
const GIVE_UP_AFTER_MS = 120_000;

export interface Answer {
  status: number;
  body: unknown;
}

/** 409 for a key whose first request is still running (its answer lost to a cut connection): ask again. */
function stillInFlight(answer: Answer): boolean {
  const fields = (answer.body as { fields?: Record<string, string[]> } | null)?.fields;
  return (
    answer.status === 409 && (fields?.[IDEMPOTENCY_KEY_HEADER]?.some((m) => m.includes('in flight')) ?? false)
  );
}

/** A signed-in user who retries the way the dashboard's users do: same key, after Retry-After. */
export class Caller {
  private token = '';

  constructor(
    private readonly url: string,
    readonly username: string,
    private readonly password: string,
    private readonly log: (line: Omit<RequestLine, 'k' | 's'>) => void,
  ) {}

  get accessToken(): string {
    return this.token;
  }

  /** Signs in, retrying through outages. */
  async login(): Promise<{ userId: string }> {
    const answer = await this.untilDone('login', () =>
      this.once('POST', '/api/auth/login', { username: this.username, password: this.password }, {}, 'login'),
    );
    const body = answer.body as { accessToken: string; user: { id: string } };
    this.token = body.accessToken;
    return { userId: body.user.id };
  }

  /**
   * Sends until the server gives a final answer: through refused connections, 502/503/504, 429 and
   * timeouts, with one Idempotency-Key for every try of a creating POST. A 401 signs in again.
   */
  async call(
    op: string,
    method: string,
    path: string,
    body?: unknown,
    idempotencyKey?: string,
  ): Promise<Answer> {
    return this.untilDone(op, async () => {
      const headers: Record<string, string> = { authorization: `Bearer ${this.token}` };
      if (idempotencyKey) headers[IDEMPOTENCY_KEY_HEADER] = idempotencyKey;
      const answer = await this.once(method, path, body, headers, op);
      if (answer.status === 401) {
        await this.login();
        return { status: 503, body: null };
      }
      return answer;
    });
  }

  private async untilDone(
    op: string,
    send: () => Promise<Answer & { retryAfterS?: number }>,
  ): Promise<Answer> {
    const started = Date.now();
    for (let attempt = 0; ; attempt++) {
      const answer = await send();
      const retriable =
        answer.status <= 0 || [429, 502, 503, 504].includes(answer.status) || stillInFlight(answer);
      if (!retriable) return answer;
      if (Date.now() - started > GIVE_UP_AFTER_MS) throw new Error(`${op}: no final answer in 2 minutes`);
      const backoff = Math.min(5_000, 500 * 2 ** Math.min(attempt, 4));
      await new Promise((r) => setTimeout(r, Math.max(backoff, (answer.retryAfterS ?? 0) * 1000)));
    }
  }

  private async once(
    method: string,
    path: string,
    body: unknown,
    headers: Record<string, string>,
    op: string,
  ): Promise<Answer & { retryAfterS?: number }> {
    const sent = Date.now();
    let status = 0;
    let parsed: unknown = null;
    let retryAfterS: number | undefined;
    try {
      const res = await fetch(`${this.url}${path}`, {
        method,
        headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      status = res.status;
      retryAfterS = Number(res.headers.get('retry-after') ?? '') || undefined;
      const text = await res.text();
      parsed = text ? (JSON.parse(text) as unknown) : null;
    } catch (err) {
      // No answer in time is -1; a refused or cut connection stays 0. A body that is not JSON
      // (nginx's own error page) keeps the status it came with.
      if (status === 0 && (err as Error).name === 'TimeoutError') status = -1;
    }
    this.log({ op, status, ms: Date.now() - sent, at: sent });
    return { status, body: parsed, retryAfterS };
  }
}
