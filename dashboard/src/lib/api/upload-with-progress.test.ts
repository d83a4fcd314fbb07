import type { LoginResponse } from '@whistle/shared';
import { ApiError } from './api-error';
import { AuthSession } from './auth-session';
import { UploadFailed, uploadWithProgress, type UploadProgress } from './upload-with-progress';

/** What the server answers each request the fake XHR sends: status and body, by bearer token. */
type Server = (token: string | null) => { status: number; body: unknown } | 'network-error';

/** Just the part of XMLHttpRequest the helper uses; records each request's headers. */
class FakeRequest {
  static sent: { url: string; headers: Record<string, string>; body: unknown }[] = [];
  static server: Server = () => ({ status: 200, body: {} });
  status = 0;
  responseText = '';
  upload: { onprogress: ((e: ProgressEvent) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  onloadend: (() => void) | null = null;
  private url = '';
  private readonly headers: Record<string, string> = {};

  open(_method: string, url: string) {
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  abort() {
    this.onabort?.();
    this.onloadend?.();
  }
  send(body: unknown) {
    FakeRequest.sent.push({ url: this.url, headers: { ...this.headers }, body });
    const token = this.headers.Authorization?.replace('Bearer ', '') ?? null;
    // Progress in two steps, then the answer, each on a later turn as the browser does it.
    setTimeout(() => {
      const progress = (loaded: number) =>
        this.upload.onprogress?.({ lengthComputable: true, loaded, total: 100 } as ProgressEvent);
      progress(40);
      progress(100);
      const answer = FakeRequest.server(token);
      if (answer === 'network-error') {
        this.onerror?.();
      } else {
        this.status = answer.status;
        this.responseText = JSON.stringify(answer.body);
        this.onload?.();
      }
      this.onloadend?.();
    }, 0);
  }
}

const createRequest = () => new FakeRequest() as unknown as XMLHttpRequest;

function signedIn(refreshed: string | null): AuthSession {
  const session = new AuthSession({
    hint: { get: () => true, set: () => undefined },
    locks: () => undefined,
    fetch: () =>
      Promise.resolve({
        ok: refreshed !== null,
        status: refreshed === null ? 401 : 200,
        headers: { get: () => null },
        json: () =>
          Promise.resolve({
            accessToken: refreshed,
            user: { id: 'u1' },
            mustChangePassword: false,
          } as unknown as LoginResponse),
      } as unknown as Response),
  });
  session.accept({
    accessToken: 'old',
    user: { id: 'u1' },
    mustChangePassword: false,
  } as unknown as LoginResponse);
  return session;
}

beforeEach(() => {
  FakeRequest.sent = [];
});

describe('uploadWithProgress', () => {
  it('sends the form with the bearer token and reports the upload progress', async () => {
    FakeRequest.server = () => ({ status: 200, body: { created: 3 } });
    const progress: UploadProgress[] = [];
    const form = new FormData();
    const result = await uploadWithProgress<{ created: number }>('/hotline/imports', form, {
      session: signedIn('new'),
      createRequest,
      onProgress: (p) => progress.push(p),
    });
    expect(result).toEqual({ created: 3 });
    expect(FakeRequest.sent).toHaveLength(1);
    expect(FakeRequest.sent[0]?.url).toMatch(/\/api\/hotline\/imports$/);
    expect(FakeRequest.sent[0]?.headers.Authorization).toBe('Bearer old');
    expect(FakeRequest.sent[0]?.body).toBe(form);
    expect(progress).toEqual([
      { loaded: 40, total: 100 },
      { loaded: 100, total: 100 },
    ]);
  });

  it('renews the session once after a 401 and replays with the new token', async () => {
    FakeRequest.server = (token) =>
      token === 'new' ? { status: 200, body: { ok: 1 } } : { status: 401, body: {} };
    const result = await uploadWithProgress('/hotline/imports', new FormData(), {
      session: signedIn('new'),
      createRequest,
    });
    expect(result).toEqual({ ok: 1 });
    expect(FakeRequest.sent.map((r) => r.headers.Authorization)).toEqual(['Bearer old', 'Bearer new']);
  });

  it('gives up after one renewal: an ended session is a 401 error, not a loop', async () => {
    FakeRequest.server = () => ({ status: 401, body: { message: 'Unauthorized' } });
    await expect(
      uploadWithProgress('/hotline/imports', new FormData(), { session: signedIn(null), createRequest }),
    ).rejects.toMatchObject({ status: 401 });
    expect(FakeRequest.sent).toHaveLength(1);
  });

  it("throws the server's 400 with its field messages, and a network failure as UploadFailed", async () => {
    FakeRequest.server = () => ({
      status: 400,
      body: {
        message: 'Invalid request: file',
        fields: { file: ['must be a CSV (.csv) or JSON (.json) file'] },
      },
    });
    const error: unknown = await uploadWithProgress('/hotline/imports', new FormData(), {
      session: signedIn('new'),
      createRequest,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).body?.fields).toEqual({ file: ['must be a CSV (.csv) or JSON (.json) file'] });

    FakeRequest.server = () => 'network-error';
    await expect(
      uploadWithProgress('/hotline/imports', new FormData(), { session: signedIn('new'), createRequest }),
    ).rejects.toBeInstanceOf(UploadFailed);
  });
});
