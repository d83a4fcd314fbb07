import { ApiError } from './api-error';
import { authSession, type AuthSession } from './auth-session';

/** Bytes of the request body sent so far, of how many. */
export interface UploadProgress {
  loaded: number;
  total: number;
}

export interface UploadOptions {
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
  /** The tab's session unless a test brings its own. */
  session?: AuthSession;
  /** A test's stand-in for the browser's XMLHttpRequest. */
  createRequest?: () => XMLHttpRequest;
}

interface Answer {
  status: number;
  text: string;
}

/** Thrown when the upload could not reach the server, or was cancelled. */
export class UploadFailed extends Error {
  constructor(readonly aborted: boolean) {
    super(aborted ? 'upload cancelled' : 'upload failed: the server could not be reached');
  }
}

function send(url: string, body: FormData, token: string | null, options: UploadOptions): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = options.createRequest?.() ?? new XMLHttpRequest();
    request.open('POST', url);
    request.setRequestHeader('Accept', 'application/json');
    if (token) request.setRequestHeader('Authorization', `Bearer ${token}`);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress?.({ loaded: event.loaded, total: event.total });
    };
    request.onload = () => resolve({ status: request.status, text: request.responseText });
    request.onerror = () => reject(new UploadFailed(false));
    request.onabort = () => reject(new UploadFailed(true));
    const abort = () => request.abort();
    options.signal?.addEventListener('abort', abort, { once: true });
    request.onloadend = () => options.signal?.removeEventListener('abort', abort);
    request.send(body);
  });
}

const parse = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
};

/**
 * A multipart POST that reports its upload progress, which fetch cannot: XMLHttpRequest with the
 * session's bearer token and, like authorizedFetch, after a 401 one renewal and one replay (the
 * bar starts again for the replay). Resolves with the JSON answer; a non-2xx answer throws an
 * ApiError carrying the server's error body, as apiRequest does.
 */
export async function uploadWithProgress<T>(
  path: string,
  body: FormData,
  options: UploadOptions = {},
): Promise<T> {
  const session = options.session ?? authSession;
  const url = new URL(`/api${path}`, window.location.origin).toString();
  const token = session.currentToken();
  let answer = await send(url, body, token, options);
  if (answer.status === 401 && token !== null) {
    const fresh = await session.renewAfter401(token);
    if (fresh) answer = await send(url, body, fresh, options);
  }
  const parsed = parse(answer.text);
  if (answer.status < 200 || answer.status >= 300) {
    const error = new ApiError(answer.status, parsed as ConstructorParameters<typeof ApiError>[1]);
    if (error.status === 403 && error.body?.code === 'password_change_required') {
      session.passwordChangeRequired();
    }
    throw error;
  }
  return parsed as T;
}
