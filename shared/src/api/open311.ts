import type { IsoTime } from './views';

/** An Open311 API key as the admin sees it: never the key itself, only its first characters. */
export interface Open311ApiKeyView {
  id: string;
  name: string;
  /** The first characters of the key, to tell keys apart. */
  prefix: string;
  /** POSTs per minute this key may make; null means the server's default. */
  rateLimitPerMinute: number | null;
  createdById: string | null;
  createdAt: IsoTime;
  revokedAt: IsoTime | null;
}

/** The answer to issuing a key: the only time the plaintext key is shown. */
export interface IssuedOpen311ApiKey extends Open311ApiKeyView {
  key: string;
}

export interface CreateOpen311ApiKeyRequest {
  name: string;
  rateLimitPerMinute?: number;
}
